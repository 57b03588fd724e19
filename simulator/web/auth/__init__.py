"""Log in, join a class, log out, switch language."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from simulator.web.auth import account, views  # noqa: E402,F401
