"""Jury pages: the E4 situation 2 console and the evaluation grid."""

from flask import Blueprint

from simulator.models import Role
from simulator.web.roles import restrict_to

bp = Blueprint("jury", __name__, url_prefix="/jury")
restrict_to(bp, Role.JURY)

from simulator.web.jury import grid, live, views  # noqa: E402, F401
