"""Scoring of `understand` against the labelled corpus (shared by the test and the bench)."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from simulator.engine.conversation import (
    ConversationContext,
    IssueSpec,
    ObjectionSpec,
    ServiceSpec,
    understand,
)

HERE = Path(__file__).parent
SOUS_ETIQUETTE = {
    "question": "theme",
    "argument": "motivation",
    "traitement_objection": "technique",
    "conclusion": "technique",
}


def contexte_corpus() -> ConversationContext:
    """materiel-electrique, seed 7, frozen as plain data (what context_from_snapshot builds)."""

    def grille(*v: object) -> tuple[str, ...]:
        return tuple(str(x) for x in v)

    return ConversationContext(
        issues=(
            IssueSpec(
                "remise_pct",
                "Remise (%)",
                "percent",
                grille(0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 22.5, 25),
            ),
            IssueSpec("quantite", "Quantité", "integer", grille(24, 30, 36)),
            IssueSpec(
                "delai_livraison_semaines",
                "Délai de livraison (semaines)",
                "integer",
                grille(1, 3, 6, 8),
            ),
            IssueSpec(
                "delai_paiement_jours",
                "Délai de paiement (jours)",
                "integer",
                grille(0, 30, 45, 60),
            ),
            IssueSpec("acompte_pct", "Acompte (%)", "percent", grille(0, 20, 40)),
            IssueSpec("garantie_mois", "Garantie (mois)", "integer", grille(12, 36, 48)),
            IssueSpec(
                "services",
                "Services inclus",
                "services",
                ("aucun", "SRV-AUDIT-ECL", "SRV-AUDIT-ECL + SRV-GAR-EXT"),
            ),
        ),
        vat_rate=Decimal(20),
        product="Projecteur LED industriel high-bay 150 W, 21 000 lm, IP65",
        services=(
            ServiceSpec("SRV-GAR-EXT", "Extension de garantie 24 mois"),
            ServiceSpec("SRV-AUDIT-ECL", "Étude d'éclairement (calcul Dialux) et bilan CEE"),
        ),
        service_options=("aucun", "SRV-AUDIT-ECL", "SRV-AUDIT-ECL + SRV-GAR-EXT"),
        objections=(
            ObjectionSpec("prix-1", "prix"),
            ObjectionSpec("concurrent-2", "concurrent"),
            ObjectionSpec("delai-3", "delai"),
            ObjectionSpec("decision-4", "decision"),
        ),
        competitors=("rexalec", "elec-pro direct"),
    )


def charger(lot: str) -> list[dict[str, Any]]:
    lignes = (HERE / f"corpus_{lot}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(ligne) for ligne in lignes if ligne.strip()]


def _norm(v: object) -> str:
    try:
        return format(Decimal(str(v)).normalize(), "f")
    except Exception:  # noqa: BLE001 - services labels are not numbers
        return str(v)


def valeurs(coup: dict[str, Any]) -> dict[str, str]:
    """The extracted values of a move, per issue (buyer side prefixed « cp: »), prix_ht included."""
    res: dict[str, str] = {}
    if coup["type"] == "offre":
        res = {k: _norm(v) for k, v in coup.get("termes", {}).items()}
        if "prix_ht" in coup:
            res["prix_ht"] = _norm(coup["prix_ht"])
    elif coup["type"] == "concession":
        res = {coup["enjeu"]: _norm(coup["valeur"])}
        cp = coup.get("contrepartie")
        if cp:
            res["cp:" + cp["enjeu"]] = _norm(cp["valeur"])
    return res


def evaluer(exemples: list[dict[str, Any]], ctx: ConversationContext) -> dict[str, Any]:
    """Accuracy per expected type, sub-label accuracy when the type is right, values exact-match."""
    par_type: Counter[str] = Counter()
    bons_type: Counter[str] = Counter()
    sous_total = sous_bons = 0
    obj_total = obj_bons = 0
    par_enjeu: Counter[str] = Counter()
    bons_enjeu: Counter[str] = Counter()
    offres_fausses = 0
    erreurs = []
    for ex in exemples:
        attendu, obtenu = ex["coup"], understand(ex["texte"], ctx).move
        par_type[attendu["type"]] += 1
        ok = attendu["type"] == obtenu["type"]
        if ok:
            bons_type[attendu["type"]] += 1
            cle = SOUS_ETIQUETTE.get(attendu["type"])
            if cle:
                sous_total += 1
                sous_bons += attendu[cle] == obtenu.get(cle)
                ok = ok and attendu[cle] == obtenu.get(cle)
            if "objection" in attendu:
                obj_total += 1
                obj_bons += attendu["objection"] == obtenu.get("objection")
        va, vo = valeurs(attendu), valeurs(obtenu)
        for k, v in va.items():
            par_enjeu[k] += 1
            bons_enjeu[k] += vo.get(k) == v
        if va and vo != va:
            ok = False
        if attendu["type"] == "incompris" and obtenu["type"] in ("offre", "concession"):
            offres_fausses += 1
        if not ok:
            erreurs.append((ex["texte"], attendu, obtenu))
    total = sum(par_type.values())
    return {
        "total": total,
        "type": sum(bons_type.values()) / total,
        "par_type": {t: (bons_type[t], n) for t, n in sorted(par_type.items())},
        "sous_etiquette": sous_bons / sous_total if sous_total else 1.0,
        "objection_id": obj_bons / obj_total if obj_total else 1.0,
        "valeurs": sum(bons_enjeu.values()) / max(1, sum(par_enjeu.values())),
        "par_enjeu": {k: (bons_enjeu[k], n) for k, n in sorted(par_enjeu.items())},
        "offres_sur_ambigu": offres_fausses,
        "erreurs": erreurs,
    }


def rapport(r: dict[str, Any]) -> str:
    lignes = [
        (
            f"{r['total']} énoncés — type {r['type']:.1%}, sous-étiquette {r['sous_etiquette']:.1%}, "
            f"objection {r['objection_id']:.1%}, valeurs {r['valeurs']:.1%}, "
            f"offres sur ambigu {r['offres_sur_ambigu']}"
        )
    ]
    lignes += [f"  {t:<22} {b}/{n}" for t, (b, n) in r["par_type"].items()]
    lignes += [f"  valeur {k:<26} {b}/{n}" for k, (b, n) in r["par_enjeu"].items()]
    return "\n".join(lignes)
