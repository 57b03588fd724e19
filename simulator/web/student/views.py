"""Views of the student blueprint."""

from __future__ import annotations

from flask.typing import ResponseReturnValue
from flask_login import current_user

from simulator.models import Role
from simulator.web.rendering import render_page
from simulator.web.roles import role_required
from simulator.web.student import bp


@bp.get("/")
@role_required(Role.STUDENT)
def dashboard() -> ResponseReturnValue:
    """The student's class session and their work."""
    return render_page("student/dashboard.html", class_session=current_user.class_session)
