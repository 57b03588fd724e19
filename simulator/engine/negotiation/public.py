"""What the student may see during play: no reservation, weights, BATNA, utilities or reasons."""

from __future__ import annotations

from typing import Any

from simulator.engine.negotiation.reply import Reponse
from simulator.engine.negotiation.state import Etat

CHAMPS_PUBLICS_REPONSE = (
    "tour",
    "type",
    "texte",
    "emotion",
    "termes",
    "enjeux_acceptes",
    "objection",
    "fait",
    "priorite",
)


def public_reply(reply: Reponse) -> dict[str, Any]:
    """Return the reply without its reason (rule, utilities, target)."""
    d = reply.to_dict()
    return {k: d[k] for k in CHAMPS_PUBLICS_REPONSE}


def public_view(state: Etat, setup: Any = None) -> dict[str, Any]:
    """Return what a salesperson would know: terms on the table, facts, voiced objections, clock."""
    faits = []
    if setup is not None:
        for k in state.faits:
            f = setup.faits[k]
            faits.append({"theme": f.theme, "texte": f.texte, "motivation": f.motivation})
    return {
        "tour": state.tour,
        "temps_s": state.temps_s,
        "statut": state.statut,
        "offre_vendeur": state.offre_vendeur,
        "contre_offre": state.contre_offre,
        "accords_partiels": dict(state.accords_partiels),
        "accord": state.accord,
        "recapitulatif": state.recap,
        "faits": faits,
        "priorites": list(state.priorites),
        "objections": {k: v for k, v in state.objections.items() if v != "latente"},
        "offres": [
            {"tour": o["tour"], "camp": o["camp"], "temps_s": o["temps_s"], "termes": o["termes"]}
            for o in state.offres
        ],
    }
