"""Student pages: situations, prospection, quotes, negotiation, debrief."""

from flask import Blueprint

from simulator.models import Role
from simulator.web.roles import restrict_to

bp = Blueprint("student", __name__, url_prefix="/etudiant")
restrict_to(bp, Role.STUDENT)

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
