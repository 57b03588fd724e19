"""Pages every user reaches: their own password, the privacy notice, the favicon."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, request, send_from_directory, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from pydantic import BaseModel

from simulator.operations import accounts
from simulator.operations.errors import OperationError
from simulator.web.auth import bp
from simulator.web.auth.sessions import start_session
from simulator.web.forms import parse_form
from simulator.web.rendering import render_page
from simulator.web.roles import dashboard_endpoint
from simulator.web.transaction import savepoint


class OwnPasswordForm(BaseModel):
    """Changing one's own password: the current one, the new one twice."""

    current: str = ""
    new: str = ""
    confirmation: str = ""


def _password_page(status: int = 200, error: str | None = None) -> ResponseReturnValue:
    return render_page(
        "auth/password.html",
        status=status,
        error=error,
        rule_min=accounts.PASSWORD_MIN_LENGTH,
        back=url_for(dashboard_endpoint(current_user.role)),
    )


def _refuse_non_staff() -> ResponseReturnValue | None:
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()  # type: ignore[attr-defined,no-any-return]
    if not current_user.is_staff:
        abort(403)
    return None


@bp.get("/mot-de-passe")
def own_password() -> ResponseReturnValue:
    """The form to change one's own password (trainers and jurors; students have none)."""
    return _refuse_non_staff() or _password_page()


@bp.post("/mot-de-passe")
def own_password_change() -> ResponseReturnValue:
    """Change one's own password: the current one is checked, the new one follows the rule."""
    refused_here = _refuse_non_staff()
    if refused_here is not None:
        return refused_here
    form, _errors = parse_form(OwnPasswordForm, request.form.to_dict())
    try:
        with savepoint():
            accounts.change_own_password(
                current_user,
                form.current if form else "",
                form.new if form else "",
                form.confirmation if form else "",
            )
    except OperationError as refused:
        return _password_page(refused.status_code, refused.message)
    start_session(current_user._get_current_object())  # this browser stays logged in
    flash(_("Votre mot de passe a été changé."))
    return redirect(url_for(dashboard_endpoint(current_user.role)), 303)


@bp.get("/confidentialite")
def privacy() -> ResponseReturnValue:
    """What NegoLab stores about students, why, for how long, and who sees it."""
    return render_page("auth/privacy.html", retention=current_app.config.get("RETENTION", "12m"))


@bp.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """The browser's tab icon."""
    return send_from_directory(
        current_app.static_folder or "static", "favicon.ico", mimetype="image/vnd.microsoft.icon"
    )
