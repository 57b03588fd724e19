"""Views of the trainer blueprint."""

from __future__ import annotations

from flask import Response, abort, make_response, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from simulator.extensions import db
from simulator.models import ClassSession, Role, SessionMode
from simulator.operations import jury
from simulator.operations.accounts import create_account
from simulator.operations.errors import OperationError
from simulator.operations.class_sessions import create_class_session, sessions_of
from simulator.operations.packs import latest_versions
from simulator.web.grid_export import session_csv
from simulator.web.forms import parse_form
from simulator.web.inputs import form_int
from simulator.web.rendering import render_page
from simulator.web.trainer import bp
from simulator.web.trainer.forms import ClassSessionForm, ExamSettingsForm
from simulator.web.trainer.jury_forms import NewJurorForm
from simulator.web.transaction import savepoint


def _session_form() -> ClassSessionForm:
    return ClassSessionForm().set_packs([(p.slug, p.title) for p in latest_versions()])


@bp.get("/")
def dashboard() -> ResponseReturnValue:
    """The trainer's sessions and the form to open one."""
    return render_page(
        "trainer/dashboard.html", sessions=sessions_of(current_user), form=_session_form()
    )


@bp.post("/sessions")
def create_session() -> ResponseReturnValue:
    """Open a class session and show its join code."""
    form = _session_form()
    if not form.validate_on_submit():
        return render_page(
            "trainer/dashboard.html", status=400, sessions=sessions_of(current_user), form=form
        )
    created = create_class_session(
        current_user, form.name.data, SessionMode(form.mode.data), form.pack_slug.data or None
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
    return _session_page(session, ExamSettingsForm(obj=session))


def _session_page(
    session: ClassSession,
    settings: ExamSettingsForm,
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
    form = ExamSettingsForm()
    if not form.validate_on_submit():
        return _session_page(session, form, 400)
    kept = {"exam_form": session.exam_form, "exam_timezone": session.exam_timezone}
    form.populate_obj(session)
    for name, value in kept.items():  # a form without these fields keeps the session's
        if not getattr(session, name):
            setattr(session, name, value)
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
            user, password = create_account(
                typed.get("email", ""), typed.get("display_name", ""), Role.JURY
            )
            jury.assign(session, user.id)
    except OperationError as error:
        settings = ExamSettingsForm(obj=session)
        return _session_page(
            session, settings, error.status_code, juror_error=error.message, juror_typed=typed
        )
    created = {"name": user.display_name, "email": user.email or "", "password": password}
    return _session_page(session, ExamSettingsForm(obj=session), created=created)


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
