"""Views of the trainer blueprint."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, make_response, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from simulator.extensions import db
from simulator.models import ClassSession, Role, SessionMode
from simulator.operations import jury
from simulator.operations.accounts import create_account_with_initial_password
from simulator.operations.errors import OperationError
from simulator.operations.class_sessions import create_class_session, sessions_of
from simulator.web.grid_export import session_csv
from simulator.web.inputs import form_int
from simulator.web.rendering import render_page
from simulator.web.trainer import bp
from simulator.web.trainer.jury_forms import NewJurorForm
from simulator.web.transaction import savepoint
from simulator.web.forms import FormView, parse_form, posted
from simulator.web.trainer.forms import (
    CLASS_SESSION_DEFAULTS,
    EXAM_SETTINGS_FIELDS,
    ClassSessionForm,
    ExamSettingsForm,
    class_session_fields,
)


def _session_form(
    values: dict[str, Any] = CLASS_SESSION_DEFAULTS, errors: dict[str, str] | None = None
) -> FormView:
    return FormView(class_session_fields(), values, errors)


@bp.get("/")
def dashboard() -> ResponseReturnValue:
    """The trainer's sessions and the form to open one."""
    return render_page(
        "trainer/dashboard.html", sessions=sessions_of(current_user), form=_session_form()
    )


@bp.post("/sessions")
def create_session() -> ResponseReturnValue:
    """Open a class session and show its join code."""
    values = posted(request.form, CLASS_SESSION_DEFAULTS)
    form, errors = parse_form(ClassSessionForm, values)
    if form is None:
        return render_page(
            "trainer/dashboard.html",
            status=400,
            sessions=sessions_of(current_user),
            form=_session_form(values, errors),
        )
    created = create_class_session(
        current_user, form.name, SessionMode(form.mode), form.pack_slug or None
    )
    return redirect(url_for("trainer.session_detail", session_id=created.id), 303)


def _own_session(session_id: int) -> ClassSession:
    session = db.get_or_404(ClassSession, session_id)
    if session.trainer_id != current_user.id:
        abort(403)
    return session


@bp.get("/sessions/<id:session_id>")
def session_detail(session_id: int) -> ResponseReturnValue:
    """A class session: its join code and who joined."""
    session = _own_session(session_id)
    return _session_page(session, _settings_of(session))


def _settings_of(session: ClassSession) -> FormView:
    values = {name: getattr(session, name) for name in EXAM_SETTINGS_FIELDS}
    return FormView(EXAM_SETTINGS_FIELDS, values)


def _session_page(
    session: ClassSession,
    settings: FormView,
    status: int = 200,
    created: dict[str, str] | None = None,
    juror_error: str | None = None,
    juror_typed: dict[str, str] | None = None,
) -> Response:
    candidates = [u for u in jury.jury_users() if u not in session.jury_members]
    response = make_response(
        render_page(
            "trainer/session.html",
            status=status,
            session=session,
            jury_candidates=candidates,
            settings=settings,
            created=created,
            juror_error=juror_error,
            juror_typed=juror_typed or {},
            max_jurors=jury.MAX_MEMBERS,
        )
    )
    if created:
        response.headers["Cache-Control"] = "no-store"  # the initial password is shown once
    return response


@bp.post("/sessions/<id:session_id>/reglages")
def exam_settings(session_id: int) -> ResponseReturnValue:
    """Name the exam (E4, E5…) and set its timings for this session."""
    session = _own_session(session_id)
    values = posted(request.form, dict.fromkeys(EXAM_SETTINGS_FIELDS))
    form, errors = parse_form(ExamSettingsForm, values)
    if form is None:
        return _session_page(session, FormView(EXAM_SETTINGS_FIELDS, values, errors), 400)
    session.exam_label = form.exam_label
    session.negotiation_minutes = form.negotiation_minutes
    session.interview_minutes = form.interview_minutes
    if form.exam_form:  # a form without these fields keeps the session's
        session.exam_form = form.exam_form
    if form.exam_timezone:
        session.exam_timezone = form.exam_timezone
    return redirect(url_for("trainer.session_detail", session_id=session_id), 303)


@bp.get("/sessions/<id:session_id>/etudiants")
def session_students(session_id: int) -> ResponseReturnValue:
    """The list of students, polled by htmx so the trainer sees arrivals live."""
    return render_page("trainer/session.html", block="students", session=_own_session(session_id))


@bp.post("/sessions/<id:session_id>/jury")
def add_jury(session_id: int) -> ResponseReturnValue:
    """Put a jury member on the exam session's board."""
    session = _own_session(session_id)
    jury.assign(session, form_int("jury_id", 0))
    return redirect(url_for("trainer.session_detail", session_id=session_id), 303)


@bp.post("/sessions/<id:session_id>/jury/nouveau")
def new_juror(session_id: int) -> ResponseReturnValue:
    """Create a juror account, seat it on this exam's board, show its password once."""
    session = _own_session(session_id)
    form, _errors = parse_form(NewJurorForm, request.form.to_dict())
    typed = form.model_dump() if form else {}
    try:
        with savepoint():
            user, password = create_account_with_initial_password(
                typed.get("email", ""), typed.get("display_name", ""), Role.JURY
            )
            jury.assign(session, user.id)
    except OperationError as error:
        return _session_page(
            session,
            _settings_of(session),
            error.status_code,
            juror_error=error.message,
            juror_typed=typed,
        )
    created = {"name": user.display_name, "email": user.email or "", "password": password}
    return _session_page(session, _settings_of(session), created=created)


@bp.post("/sessions/<id:session_id>/jury/<id:jury_id>/retrait")
def remove_juror(session_id: int, jury_id: int) -> ResponseReturnValue:
    """Take a juror off the exam's board (the account stays; their grids stay on record)."""
    jury.remove(_own_session(session_id), jury_id)
    return redirect(url_for("trainer.session_detail", session_id=session_id), 303)


@bp.get("/sessions/<id:session_id>/grilles.csv")
def grids_csv(session_id: int) -> ResponseReturnValue:
    """Every candidate's board grid, for a spreadsheet."""
    session = _own_session(session_id)
    response = Response(session_csv(session), mimetype="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="grilles-{session.join_code}.csv"'
    )
    return response
