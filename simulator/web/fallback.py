"""The 500 page that works with the database down: session rolled back, no current_user, French."""

from __future__ import annotations

from flask import current_app, make_response
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from jinja2 import TemplateError
from markupsafe import escape
from sqlalchemy.exc import SQLAlchemyError

from simulator.extensions import db

_FRENCH = (
    "Erreur interne",
    "Une erreur inattendue s'est produite. Rien n'a été enregistré.",
    "Retour à l’accueil",
)


def _texts() -> tuple[str, str, str]:
    """The French texts, translated when the language can be read without the database."""
    try:
        return (
            _("Erreur interne"),
            _("Une erreur inattendue s'est produite. Rien n'a été enregistré."),
            _("Retour à l’accueil"),
        )
    except (RuntimeError, LookupError, ValueError):  # no request/app context, broken catalogue
        return _FRENCH


def fallback_error_page(status: int = 500) -> ResponseReturnValue:
    """Roll the session back, then render a static template directly through Jinja.

    `render_template` would run the context processors, and Flask-Login's loads the user from
    the database; this page must render when the database is the reason for the error.
    """
    try:
        db.session.rollback()
    except SQLAlchemyError:
        current_app.logger.warning("rollback impossible pendant la page d'erreur", exc_info=True)
    title, detail, home = _texts()
    try:
        body = current_app.jinja_env.get_template("errors/fallback.html").render(
            title=title, detail=detail, home=home, status_code=status
        )
    except (TemplateError, OSError):  # template missing or broken: still French, no trace
        body = (
            f"<!doctype html><html lang=fr><meta charset=utf-8><title>{escape(title)}</title>"
            f"<h1>{escape(title)} ({status})</h1><p>{escape(detail)}</p>"
        )
    response = make_response(body, status)
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    response.headers["Cache-Control"] = "no-store"
    return response
