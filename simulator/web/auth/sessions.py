"""Login sessions: rotated at login, bounded in time per role, revocable server-side.

The session cookie is Flask's signed cookie. At login it is emptied (only the language is kept:
nothing set before authentication survives it) and stamped with the user's ``session_version``
and a deadline (``STAFF_SESSION_HOURS`` for trainers and jury members, ``STUDENT_SESSION_HOURS``
for students). The user loader refuses a cookie whose version is older than the user's (logout
and password change bump it: every saved copy of the cookie, on any device, stops working) or
whose deadline has passed. The cookie is not ``permanent`` (it ends with the browser), which
keeps Flask-Login's strong session protection in force: a permanent session would downgrade it
to "basic".
"""

from __future__ import annotations

import time

from flask import current_app, session
from flask_login import login_user, logout_user

from simulator.extensions import db
from simulator.models import Role, User
from simulator.operations.accounts import invalidate_sessions

VERSION_KEY = "_sv"
DEADLINE_KEY = "_until"
#: what a login keeps from the anonymous session
KEPT_KEYS = ("lang",)


def _lifetime_seconds(user: User) -> int:
    hours = current_app.config[
        "STUDENT_SESSION_HOURS" if user.role == Role.STUDENT else "STAFF_SESSION_HOURS"
    ]
    return int(float(hours) * 3600)


def start_session(user: User) -> None:
    """Log the user in on a fresh session (rotation: nothing from before survives but the language)."""
    kept = {key: session[key] for key in KEPT_KEYS if key in session}
    session.clear()
    session.update(kept)
    login_user(user)
    session.permanent = False
    session[VERSION_KEY] = user.session_version
    session[DEADLINE_KEY] = int(time.time()) + _lifetime_seconds(user)


def end_session(user: User) -> None:
    """Log out here and revoke every other copy of this user's session cookies."""
    invalidate_sessions(user)
    logout_user()
    kept = {key: session[key] for key in KEPT_KEYS if key in session}
    session.clear()
    session.update(kept)


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the user, if the cookie is still valid for them."""
    if not user_id.isascii() or not user_id.isdigit() or len(user_id) > 10:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active:  # a deactivated account is logged out at once
        return None
    if session.get(VERSION_KEY) != user.session_version:
        return None
    deadline = session.get(DEADLINE_KEY)
    if not isinstance(deadline, int) or deadline < time.time():
        return None
    return user
