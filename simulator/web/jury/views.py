"""Views of the jury blueprint."""

from __future__ import annotations

import sqlalchemy as sa
from flask.typing import ResponseReturnValue

from simulator.extensions import db
from simulator.models import ClassSession, Role, SessionMode
from simulator.web.jury import bp
from simulator.web.rendering import render_page
from simulator.web.roles import role_required


@bp.get("/")
@role_required(Role.JURY)
def dashboard() -> ResponseReturnValue:
    """The exam sessions open for evaluation."""
    exams = db.session.scalars(
        sa.select(ClassSession).where(ClassSession.mode == SessionMode.EXAM, ClassSession.is_open)
        .order_by(ClassSession.created_at.desc())
    ).all()
    return render_page("jury/dashboard.html", exams=exams)
