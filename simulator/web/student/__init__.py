"""Student pages: situations, prospection, quotes, negotiation, debrief."""

from flask import Blueprint, request
from flask_babel import gettext as _
from flask_login import current_user

from simulator.models import Role
from simulator.operations.errors import OperationError
from simulator.web.roles import restrict_to

bp = Blueprint("student", __name__, url_prefix="/etudiant")
restrict_to(bp, Role.STUDENT)


@bp.before_request
def closed_session_is_read_only() -> None:
    """A closed session's work can be read, not changed."""
    session = current_user.class_session
    if request.method != "GET" and session is not None and not session.is_open:
        raise OperationError(
            _("La session est fermée : votre travail reste consultable mais ne peut plus changer."),
            403,
        )


from simulator.web.student import (  # noqa: E402,F401  # noqa: E402,F401
    fiche,  # noqa: E402,F401
    negotiation,
    negotiation_end,
    negotiation_free_text,
    prospection,
    prospection_crm,
    quotes,  # noqa: E402,F401
    risk,  # noqa: E402,F401
    views,  # noqa: E402,F401
)
