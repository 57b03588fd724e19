"""Trainer pages: class sessions, packs, results."""

from flask import Blueprint

from simulator.models import Role
from simulator.web.roles import restrict_to

bp = Blueprint("trainer", __name__, url_prefix="/formateur")
restrict_to(bp, Role.TRAINER)

from simulator.web.trainer import (  # noqa: E402,F401
    accounts,
    class_view,  # noqa: E402,F401
    negotiations,  # noqa: E402,F401
    packs,
    session_admin,
    views,
)
