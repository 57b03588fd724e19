"""`simulator user …` (trainer and juror accounts) and `simulator purge` (retention of personal data).

A school starts without the demo: `simulator user add --role formateur --email …` prompts for the
password (typed twice, never on the command line) and creates the first trainer.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup, with_appcontext

from simulator.models import Role

ROLES = {"formateur": Role.TRAINER, "jury": Role.JURY}
ROLE_NAMES = {Role.TRAINER: "formateur", Role.JURY: "jury"}

user_group = AppGroup("user", help="Gérer les comptes formateur et jury.")


def _fail(message: str) -> None:
    raise click.ClickException(message)


@user_group.command("add")
@click.option("--role", type=click.Choice(list(ROLES)), required=True, help="formateur ou jury")
@click.option("--email", required=True, help="adresse de connexion")
@click.option("--name", default="", help="nom affiché (par défaut : la partie avant @)")
@click.password_option("--password", prompt="Mot de passe", confirmation_prompt="Confirmez")
def user_add(role: str, email: str, name: str, password: str) -> None:
    """Créer un compte formateur ou jury (le mot de passe est demandé)."""
    from simulator.extensions import db
    from simulator.operations.accounts import create_account
    from simulator.operations.errors import OperationError

    try:
        user = create_account(
            role=ROLES[role], email=email, name=name or email.split("@")[0], password=password
        )
    except OperationError as refused:
        db.session.rollback()
        _fail(refused.message)
        return
    db.session.commit()
    click.echo(f"Compte {role} créé : {user.email} ({user.display_name})")


@user_group.command("list")
def user_list() -> None:
    """Lister les comptes formateur et jury."""
    from simulator.operations.accounts import staff_accounts

    for user in staff_accounts():
        flags = [] if user.active else ["désactivé"]
        if user.is_demo:
            flags.append("démo")
        suffix = f"  [{', '.join(flags)}]" if flags else ""
        click.echo(f"{ROLE_NAMES[user.role]:<10} {user.email:<32} {user.display_name}{suffix}")


@user_group.command("passwd")
@click.option("--email", required=True)
@click.password_option("--password", prompt="Nouveau mot de passe", confirmation_prompt="Confirmez")
def user_passwd(email: str, password: str) -> None:
    """Changer le mot de passe d'un compte (et le réactiver)."""
    from simulator.extensions import db
    from simulator.operations.accounts import set_password, staff_by_email
    from simulator.operations.errors import OperationError

    try:
        user = staff_by_email(email)
        set_password(user, password)
    except OperationError as refused:
        db.session.rollback()
        _fail(refused.message)
        return
    db.session.commit()
    click.echo(f"Mot de passe changé pour {user.email}.")


@user_group.command("deactivate")
@click.option("--email", required=True)
def user_deactivate(email: str) -> None:
    """Désactiver un compte (son travail est conservé)."""
    from simulator.extensions import db
    from simulator.operations.accounts import deactivate, staff_by_email
    from simulator.operations.errors import OperationError

    try:
        user = staff_by_email(email)
        deactivate(user)
    except OperationError as refused:
        db.session.rollback()
        _fail(refused.message)
        return
    db.session.commit()
    click.echo(f"Compte désactivé : {user.email}.")


@click.command("purge")
@click.option(
    "--older-than",
    "older_than",
    default=None,
    help="durée de conservation : 12m (mois), 365d (jours), 1y (ans) ; par défaut RETENTION",
)
@click.option(
    "--dry-run", is_flag=True, help="afficher ce qui serait supprimé, sans rien supprimer"
)
@with_appcontext
def purge_command(older_than: str | None, dry_run: bool) -> None:
    """Supprimer les sessions fermées depuis plus longtemps que la durée de conservation."""
    from flask import current_app

    from simulator.extensions import db
    from simulator.operations.personal_data import parse_age, purge_candidates, purge_preview
    from simulator.operations.session_admin import delete_session

    older_than = older_than or current_app.config["RETENTION"]
    try:
        age = parse_age(older_than)
    except ValueError:
        _fail(f"Durée illisible : « {older_than} » (exemples : 12m, 365d, 1y).")
        return
    to_delete, refused = purge_candidates(age)
    for session in refused:
        click.echo(
            f"REFUSÉ  session {session.id} « {session.name} » : encore ouverte, "
            "fermez-la d'abord."
        )
    verb = "supprimerait" if dry_run else "supprimé"
    for session in to_delete:
        label = f"session {session.id} « {session.name} »"
        found = purge_preview(session) if dry_run else delete_session(session)
        detail = ", ".join(f"{n} {k}" for k, n in found.items())
        click.echo(f"{verb.upper():<13} {label} : {detail}")
    if dry_run:
        db.session.rollback()
        click.echo(f"Simulation : {len(to_delete)} session(s) à supprimer, rien n'a été modifié.")
    else:
        db.session.commit()
        click.echo(f"{len(to_delete)} session(s) supprimée(s).")
