"""A negotiation replayed for its trainer: the transcript with the buyer's reasons, and the debrief."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import Negotiation, User
from simulator.operations import negotiations as ops
from simulator.operations.errors import OperationError
from simulator.operations.negotiation_debrief import chart, debrief_of, session_of
from simulator.web.negotiation_reasons import MOVEMENTS, RULES, reasons
from simulator.web.negotiation_view import service_names, turns

__all__ = ["MOVEMENTS", "RULES", "negotiation_for", "reasons", "replay_context"]


def negotiation_for(trainer: User, negotiation_id: int) -> Negotiation:
    """A negotiation of one of the trainer's own sessions; 404 if none, 403 if another trainer's."""
    negotiation = db.session.get(Negotiation, negotiation_id)
    session = session_of(negotiation) if negotiation else None
    if negotiation is None or session is None:
        raise OperationError(_("Cette négociation n'existe pas."), 404)
    if session.trainer_id != trainer.id:
        raise OperationError(
            _("Cette négociation appartient à la session d'un autre formateur."), 403
        )
    return negotiation


def replay_context(negotiation: Negotiation) -> dict[str, Any]:
    """Everything the trainer's replay page shows: turns with reasons, debrief once finished."""
    game = ops.game_of(negotiation)
    view = ops.view_of(negotiation.situation_version)
    rows = turns(game, service_names(view), reveal=True)
    for row in rows:
        row["why"] = reasons(row["reply"].get("raison", {}), game.setup)
    d = debrief_of(game) if negotiation.finished else None
    return {
        "n": negotiation,
        "session": session_of(negotiation),
        "turns": rows,
        "d": d,
        "client": view.get("client", {}).get("company", {}).get("raison_sociale", ""),
        "need": view.get("need", {}).get("label", ""),
        "chart": chart(d["courbes"], game.setup.duree_s, game.setup.acheteur.reservation)
        if d
        else None,
        "labels": {e.cle: e.libelle for e in game.setup.enjeux},
    }
