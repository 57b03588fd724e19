"""Student pages: situations, prospection, quotes, negotiation, debrief."""

from flask import Blueprint

bp = Blueprint("student", __name__, url_prefix="/etudiant")

from simulator.web.student import (  # noqa: E402,F401  # noqa: E402,F401
    fiche,  # noqa: E402,F401
    negotiation,
    negotiation_end,
    prospection,
    prospection_crm,
    quotes,  # noqa: E402,F401
    risk,  # noqa: E402,F401
    views,  # noqa: E402,F401
)
