"""Each seller move in the DANS taxonomy (Hindriks, Jonker & Tykhonov 2007): signs of (Δself, Δopponent)."""

from __future__ import annotations

from typing import Any

from simulator.engine.negotiation.outcome_space import Espace
from simulator.engine.negotiation.reply import Transcription

SEUIL = 0.005
LIBELLES = {
    "concession": "concession",
    "selfish": "égoïste",
    "fortunate": "heureux",
    "unfortunate": "malheureux",
    "nice": "aimable",
    "silent": "silencieux",
}
COUPS_OFFRE = frozenset({"offre", "concession"})


def classer(d_soi: float, d_autre: float, seuil: float = SEUIL) -> str:
    """Classify a move from the change of the mover's utility and of the opponent's."""
    soi = 0 if abs(d_soi) <= seuil else (1 if d_soi > 0 else -1)
    autre = 0 if abs(d_autre) <= seuil else (1 if d_autre > 0 else -1)
    if soi == 0:
        return "nice" if autre > 0 else "silent" if autre == 0 else "unfortunate"
    if soi > 0:
        return "fortunate" if autre > 0 else "selfish"
    return "concession" if autre > 0 else "unfortunate"


def classer_coups(esp: Espace, tr: Transcription) -> list[dict[str, Any]]:
    """Return every seller move with its class; the first offer is measured from the seller's ideal."""
    offres = {o["tour"]: o for o in tr.etat.offres if o["camp"] == "vendeur"}
    precedent = {"u_vendeur": 1.0, "u_acheteur": esp.ub[esp.ordre_s[-1]]}
    lignes = []
    for tour in tr.tours:
        coup, o = tour["coup"], offres.get(tour["index"])
        ligne: dict[str, Any] = {"tour": tour["index"], "type": coup["type"]}
        if coup["type"] in COUPS_OFFRE and o is not None:
            d_s = o["u_vendeur"] - precedent["u_vendeur"]
            d_b = o["u_acheteur"] - precedent["u_acheteur"]
            ligne.update(
                classe=classer(d_s, d_b),
                d_vendeur=round(d_s, 4),
                d_acheteur=round(d_b, 4),
                conditionnelle=o["conditionnelle"],
            )
            precedent = o
        else:
            ligne.update(classe="silent", d_vendeur=0.0, d_acheteur=0.0, conditionnelle=False)
        ligne["libelle"] = LIBELLES[ligne["classe"]]
        lignes.append(ligne)
    return lignes
