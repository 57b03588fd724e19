"""The `simulator` console script: run, init-db, demo, and the domain commands."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import FlaskGroup

from simulator import create_app
from simulator.commands.french import FrenchGroupMixin


class FrenchFlaskGroup(FrenchGroupMixin, FlaskGroup):
    """The Flask CLI group, with French errors and no traceback (see commands/french.py)."""


@click.group(
    cls=FrenchFlaskGroup,
    create_app=lambda: create_app(),
    add_default_commands=False,
    add_version_option=False,
)
def main() -> None:
    """NegoLab : simulateur de négociation technico-commerciale (BTS CCST)."""


@main.command("init-db")
def init_db() -> None:
    """Créer ou migrer la base au dernier schéma (Alembic)."""
    from flask_migrate import upgrade

    upgrade()
    click.echo("Base de données à jour : " + _safe_url())


@main.command("demo")
def demo() -> None:
    """Charger les comptes, packs et session de démonstration (idempotent)."""
    from simulator.extensions import db
    from simulator.operations.demo import DEMO_JOIN_CODE, load_demo

    accounts = load_demo(current_app.config["PACKS_DIR"])
    db.session.commit()
    click.echo("Comptes de démonstration :")
    for account in accounts:
        click.echo(
            f"  {account.role.value:<8} {account.email:<28} mot de passe : {account.password}"
        )
    click.echo(f"  étudiant  code de session {DEMO_JOIN_CODE} + un nom de votre choix")


@main.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def run(host: str, port: int) -> None:
    """Servir NegoLab avec le serveur de développement (sans mode debug)."""
    from werkzeug.serving import run_simple

    click.echo(f"NegoLab sur http://{host}:{port}  (Ctrl+C pour arrêter)")
    # Flask.run() is a no-op under the Flask CLI, so serve with Werkzeug directly.
    run_simple(
        host,
        port,
        # current_app is a LocalProxy at runtime (typed as Flask): run_simple needs the real app
        current_app._get_current_object(),  # type: ignore[attr-defined]
        threaded=True,
        use_reloader=False,
        use_debugger=False,
    )


def _safe_url() -> str:
    from sqlalchemy.engine import make_url

    return make_url(current_app.config["SQLALCHEMY_DATABASE_URI"]).render_as_string(
        hide_password=True
    )


def _register_domain_commands() -> None:
    """Attach the pure-domain command groups (they need no app context)."""
    import importlib

    for module_name, attr in _DOMAIN_COMMANDS:
        module = importlib.import_module(module_name)
        main.add_command(getattr(module, attr))


_DOMAIN_COMMANDS: list[tuple[str, str]] = [
    ("simulator.commands.scenarios", "pack_group"),
    ("simulator.commands.scenarios", "generate_command"),
    ("simulator.commands.commercial", "quote"),
    ("simulator.commands.commercial", "risk"),
    ("simulator.commands.negotiation", "negotiate_command"),
    ("simulator.commands.negotiation", "calibrate_command"),
    ("simulator.commands.conversation", "understand_command"),
    ("simulator.commands.accounts", "user_group"),
    ("simulator.commands.accounts", "purge_command"),
]
_register_domain_commands()

if __name__ == "__main__":
    main()
