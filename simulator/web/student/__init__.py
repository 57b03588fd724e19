"""Student pages: situations, prospection, quotes, negotiation, debrief."""

from flask import Blueprint

from simulator.models import Role
from simulator.web.roles import restrict_to

bp = Blueprint("student", __name__, url_prefix="/etudiant")
restrict_to(bp, Role.STUDENT)

from simulator.web.student import views  # noqa: E402,F401
from simulator.web.student import risk  # noqa: E402,F401
from simulator.web.student import quotes  # noqa: E402,F401
from simulator.web.student import negotiation, negotiation_end  # noqa: E402,F401
from simulator.web.student import prospection, prospection_crm  # noqa: E402,F401
from simulator.web.student import fiche  # noqa: E402,F401
