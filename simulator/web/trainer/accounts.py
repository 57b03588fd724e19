"""Trainers manage the trainer and juror accounts: create, deactivate, reset a password, demo."""

from __future__ import annotations

from typing import Annotated, Literal

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from pydantic import BaseModel

from simulator.models import Role
from simulator.operations import accounts
from simulator.operations.errors import OperationError
from simulator.web.forms import parse_form, trimmed
from simulator.web.rendering import render_page
from simulator.web.trainer import bp
from simulator.web.transaction import savepoint

ROLES = {"formateur": Role.TRAINER, "jury": Role.JURY}


class AccountForm(BaseModel):
    """A new trainer or juror account."""

    role: Literal["formateur", "jury"]
    email: Annotated[str, trimmed(254)]
    name: Annotated[str, trimmed(80)]
    password: str = ""


class PasswordResetForm(BaseModel):
    """The new password a trainer sets for another account."""

    password: str = ""


def _page(
    status: int = 200, errors: dict[str, str] | None = None, typed: dict[str, str] | None = None
) -> ResponseReturnValue:
    return render_page(
        "trainer/accounts.html",
        status=status,
        accounts=accounts.staff_accounts(),
        errors=errors or {},
        typed=typed or {"role": "jury", "email": "", "name": ""},
        rule_min=accounts.PASSWORD_MIN_LENGTH,
    )


@bp.get("/comptes")
def account_list() -> ResponseReturnValue:
    """Trainer and juror accounts, and the form to create one."""
    return _page()


@bp.post("/comptes")
def account_create() -> ResponseReturnValue:
    """Create a trainer or juror account; a used e-mail or a weak password changes nothing."""
    form, errors = parse_form(AccountForm, request.form.to_dict())
    typed = {k: request.form.get(k, "")[:254] for k in ("role", "email", "name")}
    if form is None:
        return _page(422, errors, typed)
    try:
        with savepoint():
            user = accounts.create_account(
                role=ROLES[form.role], email=form.email, name=form.name, password=form.password
            )
    except OperationError as refused:
        return _page(refused.status_code, {"racine": refused.message}, typed)
    flash(_("Compte créé : %(email)s.", email=user.email))
    return redirect(url_for("trainer.account_list"), 303)


@bp.post("/comptes/<id:user_id>/desactiver")
def account_deactivate(user_id: int) -> ResponseReturnValue:
    """Deactivate an account (its work is kept); never the last active trainer."""
    user = accounts.staff_account(user_id)
    try:
        with savepoint():
            accounts.deactivate(user, current_user)
    except OperationError as refused:
        return _page(refused.status_code, {"racine": refused.message})
    flash(_("Compte désactivé : %(email)s.", email=user.email))
    return redirect(url_for("trainer.account_list"), 303)


@bp.post("/comptes/<id:user_id>/reactiver")
def account_reactivate(user_id: int) -> ResponseReturnValue:
    """Let a deactivated account log in again."""
    user = accounts.staff_account(user_id)
    accounts.reactivate(user)
    flash(_("Compte réactivé : %(email)s.", email=user.email))
    return redirect(url_for("trainer.account_list"), 303)


@bp.post("/comptes/<id:user_id>/mot-de-passe")
def account_reset_password(user_id: int) -> ResponseReturnValue:
    """Set a new password for an account (to hand over to its owner)."""
    user = accounts.staff_account(user_id)
    form, _errors = parse_form(PasswordResetForm, request.form.to_dict())
    try:
        with savepoint():
            accounts.set_password(user, form.password if form else "")
    except OperationError as refused:
        return _page(refused.status_code, {"racine": refused.message})
    flash(_("Mot de passe changé pour %(email)s.", email=user.email))
    return redirect(url_for("trainer.account_list"), 303)


@bp.post("/comptes/demo/supprimer")
def account_remove_demo() -> ResponseReturnValue:
    """Remove the demo accounts and the demo session in one action."""
    try:
        with savepoint():
            removed, sessions = accounts.remove_demo_accounts()
    except OperationError as refused:
        return _page(refused.status_code, {"racine": refused.message})
    flash(
        _(
            "Comptes de démonstration supprimés : %(n)d compte(s), %(s)d session(s).",
            n=removed,
            s=sessions,
        )
    )
    return redirect(url_for("trainer.account_list"), 303)
