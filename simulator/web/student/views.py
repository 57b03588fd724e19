"""Views of the student blueprint."""

from __future__ import annotations

from flask import abort
from flask.typing import ResponseReturnValue
from flask_login import current_user

from simulator.operations.attempts import attempt_of, attempts_of
from simulator.operations.handover import open_for_candidate
from simulator.operations.situation_versions import version_n
from simulator.operations.situations import current_version, ensure_student_situation
from simulator.scenarios.registry.readable import readable_changes
from simulator.scenarios.situation.visibility import student_view
from simulator.web.rendering import render_page
from simulator.web.student import bp
from simulator.web.transaction import record_first_opening


@bp.get("/")
def dashboard() -> ResponseReturnValue:
    """The student's class session and their situation."""
    situation = ensure_student_situation(current_user)
    record_first_opening()
    summary = student_view(current_version(situation).snapshot) if situation else None
    return render_page(
        "student/dashboard.html",
        class_session=current_user.class_session,
        situation=situation,
        s=summary,
        attempts=attempts_of(current_user),
    )


@bp.get("/tentatives/<id:number>")
def attempt(number: int) -> ResponseReturnValue:
    """One of the student's attempts, read-only: its client, its issued quotes, its negotiations."""
    record = attempt_of(current_user, number)
    return render_page(
        "student/attempt.html",
        record=record,
        number=number,
        s=student_view(current_version(record.situation).snapshot),
    )


@bp.get("/situation")
def situation() -> ResponseReturnValue:
    """The student's situation as a salesperson would know it: no hidden value.

    In an exam, it is the version the jury handed over, with the chosen annexes, the changes
    highlighted if the jury wished, and the preparation clock started at the first opening.
    """
    found = ensure_student_situation(current_user)
    if found is None:
        abort(404)
    handover = open_for_candidate(found, current_user)
    shown = student_view(current_version(found).snapshot)
    changes = []
    if handover is not None and handover.highlight:
        # only facts a salesperson could know: both sides seen through the student's eyes
        original = student_view(version_n(found, 0).snapshot)
        changes = [c for c in readable_changes(original, shown) if c.visible]
    record_first_opening()  # the preparation clock starts at the first opening
    return render_page(
        "student/situation.html",
        s=shown,
        handover=handover,
        changes=changes,
        annexes=handover.annexes if handover else None,
    )
