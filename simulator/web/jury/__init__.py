"""Jury pages: the E4 situation 2 console and the evaluation grid."""

from flask import Blueprint

bp = Blueprint("jury", __name__, url_prefix="/jury")

from simulator.web.jury import grid, live, views  # noqa: E402, F401
