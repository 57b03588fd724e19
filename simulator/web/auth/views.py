"""Views of the auth blueprint."""

from __future__ import annotations

from typing import Any

from flask import Response, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required

from simulator.config import LANGUAGES
from simulator.extensions import db
from simulator.operations import accounts
from simulator.operations.errors import OperationError
from simulator.operations.throttle import TooManyAttempts
from simulator.web.auth import bp
from simulator.web.auth.forms import JOIN_FIELDS, LOGIN_FIELDS, JoinForm, LoginForm
from simulator.web.auth.sessions import end_session, start_session
from simulator.web.auth.throttling import client_address, current_limits
from simulator.web.forms import FormView, parse_form, posted
from simulator.web.rendering import render_page
from simulator.web.roles import dashboard_endpoint
from simulator.web.security import safe_next
from simulator.web.transaction import keep_despite_refusal


def _with_retry_after(response: ResponseReturnValue, wait: int | None) -> ResponseReturnValue:
    if wait is not None and isinstance(response, Response):
        response.headers["Retry-After"] = str(wait)
    return response


@bp.get("/")
def home() -> ResponseReturnValue:
    """Landing page: staff login and student join side by side."""
    if current_user.is_authenticated:
        return redirect(url_for(dashboard_endpoint(current_user.role)))
    return _home()


def _home(
    status: int = 200,
    login: FormView | None = None,
    join: FormView | None = None,
    wait: int | None = None,
    **context: Any,
) -> ResponseReturnValue:
    page = render_page(
        "auth/home.html",
        status=status,
        login_form=login or FormView(LOGIN_FIELDS, {}),
        join_form=join or FormView(JOIN_FIELDS, {}),
        **context,
    )
    return _with_retry_after(page, wait)


@bp.post("/connexion")
def login() -> ResponseReturnValue:
    """Log a trainer or jury member in."""
    values = posted(request.form, dict.fromkeys(LOGIN_FIELDS))
    form, errors = parse_form(LoginForm, values)
    error, wait = None, None
    if form is not None:
        try:
            user = accounts.authenticate_staff(
                form.email, form.password, client_address(), current_limits()
            )
        except OperationError as exc:
            keep_despite_refusal()  # the failed attempt counts for throttling
            error, status = exc.message, exc.status_code
            wait = exc.retry_after if isinstance(exc, TooManyAttempts) else None
        else:
            start_session(user)
            return redirect(
                safe_next(request.form.get("next"), url_for(dashboard_endpoint(user.role))), 303
            )
    else:
        status = 400
    return _home(status, login=FormView(LOGIN_FIELDS, values, errors), wait=wait, login_error=error)


@bp.post("/rejoindre")
def join() -> ResponseReturnValue:
    """Let a student join a class session with its code."""
    values = posted(request.form, dict.fromkeys(JOIN_FIELDS))
    form, errors = parse_form(JoinForm, values)
    error, wait = None, None
    if form is not None:
        try:
            student = accounts.join_class(
                form.join_code,
                form.display_name,
                form.resume_code or "",
                client_address(),
                current_limits(),
            )
        except OperationError as exc:
            keep_despite_refusal()  # the failed attempt counts for throttling
            error, status = exc.message, exc.status_code
            wait = exc.retry_after if isinstance(exc, TooManyAttempts) else None
        else:
            start_session(student)
            return redirect(url_for("student.dashboard"), 303)
    else:
        status = 400
    return _home(status, join=FormView(JOIN_FIELDS, values, errors), wait=wait, join_error=error)


@bp.post("/deconnexion")
@login_required
def logout() -> ResponseReturnValue:
    """Log out and go back home."""
    end_session(current_user._get_current_object())
    return redirect(url_for("auth.home"), 303)


@bp.post("/langue/<lang>")
def set_language(lang: str) -> ResponseReturnValue:
    """Switch the interface language and come back to the same page."""
    if lang in LANGUAGES:
        session["lang"] = lang
    return redirect(safe_next(request.form.get("next"), url_for("auth.home")), 303)


@bp.get("/sante")
def health() -> ResponseReturnValue:
    """Liveness probe for deployments; touches the database."""
    db.session.execute(db.select(1))
    return {"status": "ok", "message": _("NegoLab fonctionne.")}
