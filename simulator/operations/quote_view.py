"""Turn a quote analysis into the plain dict the pages, the print view and the PDF render."""

from __future__ import annotations

from typing import Any

from simulator.engine.legal.models import AVERTISSEMENT, ERREUR
from simulator.engine.money import format_pourcent
from simulator.engine.serialization import en_json
from simulator.operations.quote_analysis import QuoteAnalysis

#: Cascade rows printed in bold: the subtotals a student must be able to find.
SUBTOTALS = {
    "net_lignes",
    "net_commercial",
    "net_financier",
    "total_ht",
    "total_ttc",
    "net_a_payer",
}
LEVELS = {ERREUR: "error", AVERTISSEMENT: "warn"}


def to_document(
    a: QuoteAnalysis, number: str = "", show_costs: bool | None = None
) -> dict[str, Any]:
    """Everything shown about a quote, amounts as strings; what is stored when it is issued."""
    doc: dict[str, Any] = {
        "number": number,
        "errors": dict(a.errors),
        "show_costs": a.show_costs if show_costs is None else show_costs,
        "computed": a.result is not None,
    }
    if a.result is None or a.parsed is None or a.terms is None:
        return doc
    devis = en_json(a.result)
    remises = {line.key: line.remise_pct for line in a.parsed.lines}
    for ligne, line in zip(devis["lignes"], a.parsed.lines, strict=True):
        ligne["unit"] = a.units.get(ligne["ref"], "")
        ligne["remise_pct"] = str(remises[line.key]) if remises[line.key] else ""
    terms = en_json(a.terms)
    terms["issued_on"] = f"{a.terms.issued_on:%d/%m/%Y}"
    terms["valid_until"] = f"{a.terms.valid_until:%d/%m/%Y}"
    doc.update(
        devis=devis,
        steps=steps(devis, a),
        terms=terms,
        seller=en_json(a.seller),
        client=en_json(a.client),
        has_acompte=bool(a.parsed.acompte_pct),
        has_escompte=bool(a.result.escompte.taux),
        legal=en_json(a.legal),
        feasibility=en_json(a.feasibility),
        credit=en_json(a.credit),
        business=en_json(a.business) if doc["show_costs"] else None,
        notices=notices(a, doc["show_costs"]),
    )
    return doc


def steps(devis: dict[str, Any], a: QuoteAnalysis) -> list[dict[str, Any]]:
    """The flat cascade, with the acompte worded as requested at order, not already paid."""
    rows = []
    for etape in devis["etapes"]:
        row = {**etape, "subtotal": etape["code"] in SUBTOTALS}
        if etape["code"] == "acompte" and a.parsed is not None:
            row["libelle"] = f"Acompte à la commande ({format_pourcent(a.parsed.acompte_pct)})"
            row["explication"] = f"{format_pourcent(a.parsed.acompte_pct)} du total TTC"
        if etape["code"] == "net_a_payer" and devis["acompte_ttc"] != "0.00":
            row["libelle"] = "Net à payer TTC (solde)"
        rows.append(row)
    return rows


def notices(a: QuoteAnalysis, show_costs: bool) -> list[dict[str, str]]:
    """Every point of attention, in plain French, with its topic and level."""
    out = [
        {
            "level": LEVELS.get(c.gravite, "info"),
            "topic": "Mentions légales",
            "text": f"{c.message} ({c.reference})",
        }
        for c in a.legal
    ]
    out += [{"level": "warn", "topic": "Conditions", "text": w} for w in a.warnings]
    f = a.feasibility
    if f is not None:
        out.append(
            {
                "level": "ok" if f.faisable else "warn",
                "topic": "Approvisionnement",
                "text": f.synthese,
            }
        )
        for ligne in f.lignes:
            out += [
                {"level": "warn", "topic": f"Approvisionnement {ligne.ref}", "text": alerte}
                for alerte in ligne.alertes
                if "Pas de donnée" not in alerte
            ]
            out += [
                {"level": "info", "topic": f"Solution {ligne.ref}", "text": s.detail}
                for s in ligne.solutions
            ]
    if a.credit is not None:
        out.append(
            {
                "level": "warn" if a.credit.insufficient else "ok",
                "topic": "Risque client",
                "text": a.credit.message,
            }
        )
    if a.business is not None and show_costs:
        level = (
            "ok"
            if a.business.note_globale == 1
            else ("info" if a.business.note_globale == 2 else "warn")
        )
        text = a.business.synthese + "".join(
            f" {axe.raison} → {axe.mitigation}" for axe in a.business.axes if axe.note > 1
        )
        out.append({"level": level, "topic": "Risque affaire", "text": text})
    order = {"error": 0, "warn": 1, "info": 2, "ok": 3}
    return sorted(out, key=lambda n: order[n["level"]])
