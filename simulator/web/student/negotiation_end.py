"""After the negotiation: the bon de commande, the follow-up (compte rendu) and the debrief."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.models import Negotiation
from simulator.models._time import utcnow
from simulator.operations import negotiations as ops
from simulator.operations.evaluations import signed_grades
from simulator.operations.errors import OperationError
from simulator.operations.negotiation_debrief import chart, debrief_of, debrief_visible, is_exam
from simulator.web.negotiation_forms import follow_up_from_form
from simulator.web.negotiation_view import service_names, turns
from simulator.web.rendering import render_page
from simulator.web.student import bp
from simulator.web.student.negotiation_order import order_of
from simulator.web.transaction import record_first_opening, savepoint


def _finished(nid: int) -> Negotiation | None:
    negotiation = ops.negotiation_of(current_user, nid)
    if ops.expire_if_due(negotiation, utcnow()):
        record_first_opening()
    return negotiation if negotiation.finished else None


def _end_page(
    negotiation: Negotiation,
    status: int = 200,
    alert: str | None = None,
    follow_up: dict | None = None,
) -> ResponseReturnValue:
    game = ops.game_of(negotiation)
    view = ops.view_of(negotiation.situation_version)
    return render_page(
        "student/negotiation_end.html",
        status=status,
        n=negotiation,
        order=order_of(game, negotiation.situation_version.snapshot),
        turns=turns(game, service_names(view)),
        alert=alert,
        follow_up=follow_up if follow_up is not None else negotiation.follow_up or {},
        can_debrief=debrief_visible(negotiation),
    )


@bp.get("/negociation/<id:nid>/fin")
def negotiation_end(nid: int) -> ResponseReturnValue:
    """The outcome: the order built from the agreement, and the follow-up form."""
    negotiation = _finished(nid)
    if negotiation is None:
        return redirect(url_for("student.negotiation_home"), 303)
    return _end_page(negotiation)


@bp.post("/negociation/<id:nid>/suivi")
def negotiation_follow_up(nid: int) -> ResponseReturnValue:
    """Save the compte rendu de visite and the dated next actions (criterion 10)."""
    negotiation = _finished(nid)
    if negotiation is None:
        return redirect(url_for("student.negotiation_home"), 303)
    try:
        follow_up = follow_up_from_form(request.form)
        with savepoint():
            ops.save_follow_up(negotiation, follow_up, request.form.get("lock_version", type=int))
    except OperationError as exc:
        return _end_page(
            ops.negotiation_of(current_user, nid),
            exc.status_code,
            exc.message,
            {"compte_rendu": request.form.get("compte_rendu", "")},
        )
    flash(_("Compte rendu enregistré."))
    return redirect(url_for("student.negotiation_debrief", nid=nid), 303)


@bp.get("/negociation/<id:nid>/debrief")
def negotiation_debrief(nid: int) -> ResponseReturnValue:
    """The E4 debrief: criteria, numbers, moves, the chart and the hidden side revealed."""
    negotiation = _finished(nid)
    if negotiation is None:
        return redirect(url_for("student.negotiation_home"), 303)
    if not debrief_visible(negotiation):
        return render_page(
            "student/negotiation_debrief.html", n=negotiation, d=None, exam=is_exam(negotiation)
        )
    game = ops.game_of(negotiation)
    d = debrief_of(game)
    view = ops.view_of(negotiation.situation_version)
    # in an exam the grade of record is the board's signed mark, never the simulator's
    exam_grade = (
        {"mark": signed_grades([current_user.id]).get(current_user.id)}
        if is_exam(negotiation)
        else None
    )
    return render_page(
        "student/negotiation_debrief.html",
        n=negotiation,
        d=d,
        exam=False,
        exam_grade=exam_grade,
        turns=turns(game, service_names(view), reveal=True),
        chart=chart(d["courbes"], game.setup.duree_s, game.setup.acheteur.reservation),
        labels={e.cle: e.libelle for e in game.setup.enjeux},
    )
