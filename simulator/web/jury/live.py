"""The jury's live negotiation page: settings before the start, live view, events, human buyer."""

from __future__ import annotations

from typing import Any

from flask import make_response, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.engine.negotiation import vocabulary as voc
from simulator.models._time import utcnow
from simulator.operations import events, jury, jury_live, negotiations
from simulator.operations.errors import OperationError
from simulator.operations.negotiation_settings import save_settings
from simulator.operations.situations import ensure_student_situation
from simulator.web.jury import bp
from simulator.web.jury.live_view import live_context, settings_context
from simulator.web.jury.forms import EMOTIONS, reply_fields
from simulator.web.negotiation_view import issues
from simulator.web.rendering import render_page, wants_fragment
from simulator.web.transaction import record_first_opening, savepoint

PAGE = "jury/live.html"


def _candidate(student_id: int):
    student = jury.candidate_for(current_user, student_id)
    situation = ensure_student_situation(student)
    if situation is None:
        raise OperationError(_("La session de ce candidat n’a pas de pack de scénarios."), 404)
    return student, situation, negotiations.latest_of(student)


def _context(student_id: int, **extra: Any) -> dict[str, Any]:
    student, situation, negotiation = _candidate(student_id)
    context: dict[str, Any] = {
        "student": student,
        "n": negotiation,
        "emotions": EMOTIONS,
        "techniques": voc.TECHNIQUES_OBJECTION,
        "panel": {},
        **extra,
    }
    if negotiation is None or negotiation.status == "preparing":
        context.update(settings_context(situation), live=None)
    else:
        live = live_context(negotiation)
        context.update(live, live=live, issues=issues(live["game"].setup, live["services"]))
    return context


@bp.get("/candidats/<id:student_id>/negociation")
def live(student_id: int) -> ResponseReturnValue:
    """The live page: transcript, offers, clock, hidden reasons; settings before the start."""
    context = _context(student_id)
    record_first_opening()
    return render_page(PAGE, **context)


@bp.get("/candidats/<id:student_id>/negociation/direct")
def live_fragment(student_id: int) -> ResponseReturnValue:
    """The polled part: 204 when nothing moved, a full reload when the status changed."""
    _student, _situation, negotiation = _candidate(student_id)
    status = negotiation.status if negotiation else "absent"
    if negotiation is not None and negotiations.expire_if_due(negotiation, utcnow()):
        record_first_opening()
        status = negotiation.status
    seq = events.next_seq(negotiations.STREAM, negotiation.id) - 1 if negotiation else 0
    if status != request.args.get("status"):
        response = make_response("", 200)
        response.headers["HX-Refresh"] = "true"
        return response
    if str(seq) == request.args.get("seq"):
        return "", 204
    return render_page(PAGE, block="live", **_context(student_id))


def _act(student_id: int, action) -> ResponseReturnValue:
    """Run one jury action; on refusal show the page again with the French message."""
    _student, situation, negotiation = _candidate(student_id)
    try:
        with savepoint():
            action(situation, negotiation)
    except OperationError as refused:
        return render_page(
            PAGE, status=refused.status_code, error=refused.message, **_context(student_id)
        )
    return redirect(url_for("jury.live", student_id=student_id), 303)


@bp.post("/candidats/<id:student_id>/negociation/reglages")
def live_settings(student_id: int) -> ResponseReturnValue:
    """Choose the buyer mode and the objections to test, before the start."""

    def run(situation, negotiation):
        if negotiation is not None and negotiation.status != "preparing":
            raise OperationError(_("La négociation a commencé : ces réglages sont figés."), 409)
        known = {o.id for o in settings_context(situation)["objections"]}
        save_settings(
            situation,
            request.form.get("mode", ""),
            request.form.getlist("garanties"),
            known,
            current_user,
        )

    return _act(student_id, run)


@bp.post("/candidats/<id:student_id>/negociation/evenement")
def live_event(student_id: int) -> ResponseReturnValue:
    """Announce an event: a new version the buyer plays on from the next turn."""
    free = {request.form.get("cle", ""): request.form.get("valeur", "").strip()}
    return _act(
        student_id,
        lambda situation, negotiation: jury_live.inject(
            situation,
            negotiation,
            request.form.get("evenement", ""),
            current_user,
            free,
            request.form.get("annonce", ""),
        ),
    )


@bp.post("/candidats/<id:student_id>/negociation/reponse")
def live_reply(student_id: int) -> ResponseReturnValue:
    """Record the human buyer's reply (htmx: the panel comes back, the live view refreshes)."""
    _student, _situation, negotiation = _candidate(student_id)
    panel: dict[str, Any] = {"typed": request.form.to_dict()}
    status = 200
    try:
        with savepoint():
            game = negotiations.game_of(negotiation) if negotiation else None
            if game is None:
                raise OperationError(_("La négociation n’est pas en cours."), 409)
            warnings = jury_live.record_reply(
                negotiation,
                reply_fields(game),
                current_user,
                request.form.get("confirme") == "1",
                utcnow(),
            )
        panel = {"ok": _("Réplique envoyée au candidat."), "recorded_warnings": warnings}
    except jury_live.ReplyWarnings as warned:
        panel["warnings"], status = warned.warnings, warned.status_code
    except OperationError as refused:
        panel["error"], status = refused.message, refused.status_code
    if not wants_fragment():
        return redirect(url_for("jury.live", student_id=student_id), 303)
    response = make_response(
        render_page(PAGE, block="buyer_panel", status=status, **_context(student_id, panel=panel))
    )
    response.headers["HX-Trigger"] = "live-refresh"
    return response
