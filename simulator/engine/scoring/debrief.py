"""The debrief after the end: criteria, figures, move classes, curves and the hidden side revealed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from simulator.engine.negotiation.reply import Transcription
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.scoring.criteria import evaluer, relever
from simulator.engine.scoring.metrics import courbes, mesurer
from simulator.engine.scoring.outcome import Couverture, ecarts_couverture, plafonner
from simulator.engine.scoring.move_classes import classer_coups

LEVIERS = {
    "argument_pertinent": "argument sur une motivation réelle : valeur perçue en hausse",
    "concession_sans_contrepartie": "concession sans contrepartie : exigences de l'acheteur en hausse",
    "reformulation_validee": "reformulation validée : confiance en hausse",
    "objection_traitee": "objection levée",
    "objection_anticipee": "objection désamorcée avant d'être formulée",
    "argument_hors_sujet": "argument hors sujet : patience en baisse",
    "recul": "recul sur une offre : patience en baisse",
    "immobile": "offre répétée sans mouvement : patience en baisse",
}


def debrief(
    s: NegotiationSetup,
    tr: Transcription,
    preparation: dict[str, Any] | None = None,
    suivi: dict[str, Any] | None = None,
    couvertures: tuple[Couverture, ...] = (),
    marge_devis: Decimal | None = None,
) -> dict[str, Any]:
    """Score a finished (or interrupted) negotiation on the ten E4 criteria, with the figures.

    ``couvertures``: the payment cover the risk class calls for and the student's own (risk
    page), compared with the agreed terms; ``marge_devis``: margin of the issued quote (the
    opening offer). The outcome then caps the grade (outcome.py, docs/grading.md).
    """
    mesures = mesurer(s, tr, marge_devis)
    mesures["couverture_comparee"] = bool(couvertures)
    mesures["ecarts_risque"] = _ecarts(s, mesures.get("accord"), couvertures)
    coups = classer_coups(s.espace, tr)
    criteres = citer(evaluer(relever(s, tr.tours, mesures, coups, preparation, suivi)), tr.tours)
    criteres, plafond, raisons = plafonner(criteres, mesures, s.vendeur.marge_plancher)
    total = sum(c["niveau"] for c in criteres)
    note = (Decimal(total) * 20 / 30).quantize(Decimal("0.1"))
    return {
        "criteres": criteres,
        "note_sur_20": note if plafond is None else min(note, plafond),
        "plafonds": raisons,
        "mesures": mesures,
        "coups": coups,
        "courbes": courbes(tr.etat.offres),
        "cote_cache": cote_cache(s, tr),
    }


def _ecarts(
    s: NegotiationSetup, accord: dict[str, Any] | None, couvertures: tuple[Couverture, ...]
) -> list[str]:
    """The agreed deposit and payment days compared with each expected cover."""
    if not accord or not couvertures:
        return []
    lus: dict[str, Any] = {}
    for e in s.enjeux:
        if e.nature in ("acompte", "paiement") and e.cle in accord:
            lus[e.nature] = e.lire(accord[e.cle])
    return [ecart for c in couvertures for ecart in ecarts_couverture(lus, c)]


CITATIONS_MAX = 3
CITATION_LONGUEUR_MAX = 240


def citer(criteres: list[dict[str, Any]], tours: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add to each criterion the student's own sentences of its evidence turns (`citations`).

    Only words the student typed (`texte` of the move) are quoted, at most three per criterion,
    cut at a sentence-friendly length; a structured move without words is cited by its turn only.
    """
    textes = {
        int(t["index"]): " ".join(str(t["coup"].get("texte") or "").split())
        for t in tours
        if str(t["coup"].get("texte") or "").strip()
    }
    for c in criteres:
        citations = []
        for tour in c["preuves"]:
            texte = textes.get(int(tour))
            if texte:
                if len(texte) > CITATION_LONGUEUR_MAX:
                    texte = texte[: CITATION_LONGUEUR_MAX - 1].rsplit(" ", 1)[0] + "…"
                citations.append({"tour": int(tour), "texte": texte})
        c["citations"] = citations[:CITATIONS_MAX]
    return criteres


def cote_cache(s: NegotiationSetup, tr: Transcription) -> dict[str, Any]:
    """Reveal the buyer's real priorities and limits, and the moves that moved them (after the end only)."""
    a = s.acheteur
    ordre = sorted(s.enjeux, key=lambda e: -a.poids[e.cle])
    total = sum(a.poids.values())
    leviers = []
    for t in tr.tours:
        raison = t["reponse"]["raison"]
        for cle in (raison.get("regle"), raison.get("mouvement")):
            if cle in LEVIERS:
                leviers.append({"tour": t["index"], "effet": LEVIERS[cle]})
    return {
        "priorites": [
            {"enjeu": e.cle, "libelle": e.libelle, "poids": round(a.poids[e.cle] / total, 3)}
            for e in ordre
        ],
        "reservation": a.reservation,
        "motivations": list(a.motivations),
        "batna": a.batna,
        "budget_ht": a.budget_ht,
        "persona": s.persona,
        "exposant": s.exposant,
        "leviers": leviers,
    }


def jsonifier(x: Any) -> Any:
    """Return x with every Decimal turned into a string (for JSON output)."""
    if isinstance(x, Decimal):
        return str(x)
    if isinstance(x, dict):
        return {k: jsonifier(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [jsonifier(v) for v in x]
    return x
