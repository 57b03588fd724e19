"""Student pages: situations, prospection, quotes, negotiation, debrief."""

from flask import Blueprint

bp = Blueprint("student", __name__, url_prefix="/etudiant")

from simulator.web.student import views  # noqa: E402,F401
from simulator.web.student import risk  # noqa: E402,F401
from simulator.web.student import quotes  # noqa: E402,F401
from simulator.web.student import negotiation, negotiation_end  # noqa: E402,F401
from simulator.web.student import prospection, prospection_crm  # noqa: E402,F401
from simulator.web.student import fiche  # noqa: E402,F401
