"""The student's negotiation: preparation sheet (C1.1) and the room where moves are played."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.engine.negotiation import vocabulary as voc
from simulator.models import Negotiation
from simulator.models._time import utcnow
from simulator.operations import negotiations as ops
from simulator.operations.negotiation_opening import opening_quote
from simulator.operations.errors import OperationError
from simulator.web.negotiation_forms import (
    arguments_of,
    move_from_form,
    preparation_from_form,
)
from simulator.web.negotiation_view import (
    board,
    identity,
    issues,
    opening_rows,
    seller_figures,
    service_names,
    tail,
    turns,
)
from simulator.web.once import replay_of
from simulator.web.rendering import render_page, wants_fragment
from simulator.web.student import bp
from simulator.web.transaction import record_first_opening, savepoint

ROOM = "student/negotiation_room.html"


def vocabulary() -> dict[str, Any]:
    """The closed lists the forms offer (themes, SONCAS, techniques)."""
    return {
        "themes": voc.THEMES,
        "motivations": voc.MOTIVATIONS,
        "techniques_objection": voc.TECHNIQUES_OBJECTION,
        "techniques_conclusion": voc.TECHNIQUES_CONCLUSION,
    }


def _page(negotiation: Negotiation) -> str:
    if negotiation.status == "preparing":
        return url_for("student.negotiation_preparation", nid=negotiation.id)
    if negotiation.status == "running":
        return url_for("student.negotiation_room", nid=negotiation.id)
    return url_for("student.negotiation_end", nid=negotiation.id)


@bp.get("/negociation")
def negotiation_home() -> ResponseReturnValue:
    """Open (or resume) the student's negotiation at the step it is at."""
    negotiation = ops.open_negotiation(current_user)
    record_first_opening()
    return redirect(_page(negotiation), 303)


def _prep_page(
    negotiation: Negotiation, sheet: dict[str, Any], status: int = 200, alert: str | None = None
) -> ResponseReturnValue:
    view = ops.view_of(negotiation.situation_version)
    setup = ops.setup_of(negotiation.situation_version)
    return render_page(
        "student/negotiation_prep.html",
        status=status,
        n=negotiation,
        sheet=sheet,
        s=view,
        card=identity(view),
        issues=issues(setup, service_names(view)),
        arguments=arguments_of(view),
        alert=alert,
        **vocabulary(),
    )


@bp.get("/negociation/<id:nid>/preparation")
def negotiation_preparation(nid: int) -> ResponseReturnValue:
    """The preparation sheet: objectives, discovery plan, arguments, concessions, risk cover."""
    negotiation = ops.negotiation_of(current_user, nid)
    return _prep_page(negotiation, negotiation.preparation or {})


@bp.post("/negociation/<id:nid>/preparation")
def negotiation_prepare(nid: int) -> ResponseReturnValue:
    """Save the sheet; « Commencer l'entretien » also starts the clock."""
    negotiation = ops.negotiation_of(current_user, nid)
    setup = ops.setup_of(negotiation.situation_version)
    sheet = preparation_from_form(request.form, setup)
    try:
        with savepoint():
            ops.save_preparation(negotiation, sheet, request.form.get("lock_version", type=int))
            if request.form.get("action") == "commencer":
                ops.begin(negotiation, utcnow())
    except OperationError as exc:
        return _prep_page(
            ops.negotiation_of(current_user, nid), sheet, exc.status_code, exc.message
        )
    if negotiation.status == "preparing":
        flash(_("Fiche de préparation enregistrée."))
    return redirect(_page(negotiation), 303)


def _room(
    game: ops.Game,
    status: int = 200,
    posted: dict[str, Any] | None = None,
    alert: str | None = None,
    block: str = "content",
) -> ResponseReturnValue:
    n = game.negotiation
    view = ops.view_of(n.situation_version)
    services = service_names(view)
    objections = [
        (o.id, o.texte)
        for o in game.setup.objections
        if game.state.objections.get(o.id) in ("exprimee", "reportee")
    ]
    opening = opening_quote(n)
    shown_board = board(game, services)
    if opening is not None and not shown_board["last_seller"]:
        shown_board["last_seller"] = opening["terms"]  # the composer starts from the quote
    return render_page(
        ROOM,
        block=block,
        status=status,
        n=n,
        card=identity(view),
        board=shown_board,
        figures=seller_figures(game),
        opening=opening_rows(game.setup, opening, services),
        turns=turns(game, services),
        tail=tail(game, services),
        waiting=game.pending is not None,
        issues=issues(game.setup, services),
        arguments=arguments_of(view),
        objections=objections,
        remaining=ops.remaining(n, utcnow()),
        posted=posted or {},
        alert=alert,
        **vocabulary(),
    )


@bp.get("/negociation/<id:nid>/salle")
def negotiation_room(nid: int) -> ResponseReturnValue:
    """The room: identity card, clock, transcript, offer board and the move composer.

    An htmx request (the page polling while a human buyer answers) gets the live part only.
    """
    negotiation = ops.negotiation_of(current_user, nid)
    if ops.expire_if_due(negotiation, utcnow()):
        record_first_opening()
    if negotiation.status == "preparing" or (
        negotiation.status != "running" and not wants_fragment()
    ):
        return redirect(_page(negotiation), 303)
    block = "notices" if request.args.get("bloc") == "annonces" else "live"
    return _room(ops.game_of(negotiation), block=block)


@bp.post("/negociation/<id:nid>/coup")
def negotiation_move(nid: int) -> ResponseReturnValue:
    """Play a move (htmx): the transcript, the board and the composer come back updated."""
    negotiation = ops.negotiation_of(current_user, nid)
    if replay_of() is not None:  # already played (double click, resubmission): not again
        return _room(ops.game_of(negotiation), block="live")
    setup = ops.setup_of(negotiation.situation_version)
    posted = request.form.to_dict()
    try:
        move = move_from_form(
            request.form, setup, arguments_of(ops.view_of(negotiation.situation_version))
        )
        with savepoint():
            game, _reply = ops.play_move(negotiation, move, utcnow())
    except OperationError as exc:
        negotiation = ops.negotiation_of(current_user, nid)
        return _room(ops.game_of(negotiation), exc.status_code, posted, exc.message, block="live")
    return _room(game, block="live")
