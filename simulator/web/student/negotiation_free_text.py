"""Free French in the room: « J'ai compris : … », then « Jouer » or « Corriger » (htmx)."""

from __future__ import annotations

from flask import render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from simulator.models._time import utcnow
from simulator.operations import negotiation_understanding as free
from simulator.operations import negotiations as ops
from simulator.operations.negotiation_replay import game_of
from simulator.operations.errors import OperationError
from simulator.web.student import bp
from simulator.web.student.negotiation import _room
from simulator.web.transaction import savepoint

UNDERSTANDING = "negotiation/_understanding.html"


@bp.post("/negociation/<id:nid>/comprendre")
def negotiation_understand(nid: int) -> ResponseReturnValue:
    """Show what NegoLab understood of the sentence, or the buyer's clarification question."""
    negotiation = ops.negotiation_of(current_user, nid)
    game = game_of(negotiation)
    try:
        understanding = free.understand_in(game, request.form.get("phrase", ""))
    except OperationError as exc:
        return render_template(UNDERSTANDING, n=negotiation, error=exc.message), exc.status_code
    return render_template(
        UNDERSTANDING, n=negotiation, u=understanding, phrase=understanding.move.get("texte", "")
    )


@bp.post("/negociation/<id:nid>/coup-libre")
def negotiation_free_move(nid: int) -> ResponseReturnValue:
    """Play the understood move (the sentence is understood again: same text, same move)."""
    negotiation = ops.negotiation_of(current_user, nid)
    game = game_of(negotiation)
    posted: dict[str, object] = {}
    try:
        understanding = free.understand_in(game, request.form.get("phrase", ""))
        posted = free.composer_fields(understanding.move)
        move = free.move_of(understanding)
        with savepoint():
            game, _reply = ops.play_move(negotiation, move, utcnow())
    except OperationError as exc:
        negotiation = ops.negotiation_of(current_user, nid)
        return _room(game_of(negotiation), exc.status_code, posted, exc.message, block="live")
    return _room(game, block="live")


@bp.post("/negociation/<id:nid>/corriger")
def negotiation_correct(nid: int) -> ResponseReturnValue:
    """Open the structured composer prefilled with the understood move (accessible fallback)."""
    negotiation = ops.negotiation_of(current_user, nid)
    game = game_of(negotiation)
    try:
        understanding = free.understand_in(game, request.form.get("phrase", ""))
    except OperationError as exc:
        return _room(game, exc.status_code, {}, exc.message, block="live")
    return _room(game, posted=free.composer_fields(understanding.move), block="live")
