"""Views of the jury blueprint: the board's sessions and each candidate's console."""

from __future__ import annotations

from flask import redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.operations import handover, jury, situation_versions
from simulator.operations.difficulty import assess
from simulator.operations.errors import OperationError
from simulator.operations.situations import ensure_student_situation, situation_of
from simulator.scenarios.registry.core import PRESETS
from simulator.web.inputs import arg_int, form_int
from simulator.web.jury import bp
from simulator.web.jury.console_view import console_context
from simulator.web.jury.forms import base_version, parameter_changes
from simulator.web.rendering import render_page
from simulator.web.transaction import record_first_opening, savepoint


@bp.get("/")
def dashboard() -> ResponseReturnValue:
    """The exam sessions this jury member sits on, with their candidates."""
    sessions = jury.sessions_for(current_user)
    situations = {st.id: situation_of(st) for s in sessions for st in s.students}
    return render_page("jury/dashboard.html", exams=sessions, situations=situations)


def _candidate_situation(student_id: int):
    student = jury.candidate_for(current_user, student_id)
    situation = ensure_student_situation(student)
    if situation is None:
        raise OperationError(_("La session de ce candidat n’a pas de pack de scénarios."), 404)
    record_first_opening()  # the generated situation stands even if the action below is refused
    return student, situation


@bp.get("/candidats/<id:student_id>")
def candidate(student_id: int) -> ResponseReturnValue:
    """The parameter console, versions, hand-over and the situation with its hidden side."""
    student, situation = _candidate_situation(student_id)
    return render_page("jury/candidate.html", **console_context(student, situation))


def _console_action(student_id: int, action) -> ResponseReturnValue:
    """Run one console action; on refusal show the console again with the message, input kept."""
    student, situation = _candidate_situation(student_id)
    try:
        with savepoint():
            action(situation)
    except OperationError as error:
        context = console_context(student, situation, typed=request.form)
        return render_page(
            "jury/candidate.html", status=error.status_code, error=error.message, **context
        )
    return redirect(url_for("jury.candidate", student_id=student_id), 303)


@bp.post("/candidats/<id:student_id>/parametres")
def modify(student_id: int) -> ResponseReturnValue:
    """Apply the typed values as a new version."""
    return _console_action(
        student_id,
        lambda sit: situation_versions.modify(
            sit, base_version(), parameter_changes(), current_user, request.form.get("reason", "")
        ),
    )


@bp.post("/candidats/<id:student_id>/preset/<key>")
def preset(student_id: int, key: str) -> ResponseReturnValue:
    """Apply one of the usual exam modifications."""

    def run(sit):
        chosen = PRESETS.get(key)
        if chosen is None:
            raise OperationError(_("Modification type inconnue."), 404)
        latest = situation_versions.latest_version(sit)
        changes = chosen.build(latest.snapshot)
        reason = situation_versions.described(chosen.label, latest.snapshot, changes)
        return situation_versions.modify(sit, base_version(), changes, current_user, reason)

    return _console_action(student_id, run)


@bp.post("/candidats/<id:student_id>/retour/<num:n>")
def revert(student_id: int, n: int) -> ResponseReturnValue:
    """Go back to version n (as a new version)."""
    return _console_action(
        student_id, lambda sit: situation_versions.revert(sit, base_version(), n, current_user)
    )


@bp.post("/candidats/<id:student_id>/remise")
def hand_over(student_id: int) -> ResponseReturnValue:
    """Hand the chosen version over to the candidate."""
    return _console_action(
        student_id,
        lambda sit: handover.hand_over(
            sit,
            form_int("version", -1),
            current_user,
            request.form.get("highlight") == "1",
            request.form.getlist("annexes"),
            form_int("preparation_minutes", 0),
            request.form.get("message", ""),
        ),
    )


@bp.get("/candidats/<id:student_id>/comparer")
def compare(student_id: int) -> ResponseReturnValue:
    """The readable diff between two versions."""
    student, situation = _candidate_situation(student_id)
    old = situation_versions.version_n(situation, arg_int("de", 0))
    new = situation_versions.version_n(situation, arg_int("a", 0))
    return render_page(
        "jury/compare.html",
        student=student,
        old=old,
        new=new,
        changes=situation_versions.compare(old, new),
        versions=situation_versions.versions(situation),
    )


@bp.get("/candidats/<id:student_id>/difficulte")
def difficulty(student_id: int) -> ResponseReturnValue:
    """The difficulty of the candidate's latest version (a cell loaded lazily by the dashboard)."""
    _student, situation = _candidate_situation(student_id)
    latest = situation_versions.latest_version(situation)
    return render_page("jury/_difficulty.html", block="difficulty", d=assess(latest.snapshot))
