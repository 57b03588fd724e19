"""Error pages and operation errors, in the user's language, for pages and htmx fragments."""

from __future__ import annotations

from flask import Flask
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from simulator.operations.errors import OperationError
from simulator.web.fallback import fallback_error_page
from simulator.web.rendering import render_page


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Requête invalide"), _("La requête n'a pas pu être comprise.")),
        403: (_("Accès refusé"), _("Cette page n'est pas accessible avec votre rôle.")),
        404: (_("Page introuvable"), _("Cette page n'existe pas ou plus.")),
        405: (_("Méthode non autorisée"), _("Cette action n'est pas possible ici.")),
        409: (_("Conflit"), _("Quelqu'un a modifié ces données entre-temps.")),
        413: (
            _("Envoi trop volumineux"),
            _("Le fichier ou le formulaire envoyé est trop volumineux."),
        ),
        429: (_("Trop de tentatives"), _("Patientez un peu avant de réessayer.")),
        500: (
            _("Erreur interne"),
            _("Une erreur inattendue s'est produite. Rien n'a été enregistré."),
        ),
    }


def _error_page(status: int, detail: str | None = None) -> ResponseReturnValue:
    title, default = _messages().get(status, (_("Erreur"), _("Une erreur s'est produite.")))
    return render_page(
        "errors/error.html",
        block="content",
        status=status,
        title=title,
        detail=detail or default,
        status_code=status,
    )


def register_error_handlers(app: Flask) -> None:
    """Turn HTTP errors, CSRF failures and operation errors into French pages."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> ResponseReturnValue:
        return _error_page(
            400,
            _(
                "Le formulaire a expiré ou n'est pas authentique. "
                "Rechargez la page et recommencez ; rien n'a été enregistré."
            ),
        )

    @app.errorhandler(OperationError)
    def operation_error(error: OperationError) -> ResponseReturnValue:
        return _error_page(error.status_code, error.message)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        return _error_page(error.code or 500)

    @app.errorhandler(500)
    def internal_error(error: Exception) -> ResponseReturnValue:
        return fallback_error_page()
