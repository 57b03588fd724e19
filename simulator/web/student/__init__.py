"""Student pages: situations, prospection, quotes, negotiation, debrief."""

from flask import Blueprint

bp = Blueprint("student", __name__, url_prefix="/etudiant")

from simulator.web.student import views  # noqa: E402,F401
