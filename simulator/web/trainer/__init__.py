"""Trainer pages: class sessions, packs, results."""

from flask import Blueprint

bp = Blueprint("trainer", __name__, url_prefix="/formateur")

from simulator.web.trainer import (  # noqa: E402,F401
    class_view,  # noqa: E402,F401
    negotiations,  # noqa: E402,F401
    packs,
    views,
)
