"""Who sits on which exam board, and what a jury member may open."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import ClassSession, ClassSessionJury, Role, SessionMode, User
from simulator.operations.errors import OperationError


def jury_users() -> list[User]:
    """Every jury account, by name."""
    return list(
        db.session.scalars(
            sa.select(User).where(User.role == Role.JURY).order_by(User.display_name)
        )
    )


def assign(session: ClassSession, jury_id: int) -> None:
    """Put a jury member on an exam session's board (idempotent)."""
    member = db.session.get(User, jury_id)
    if member is None or member.role != Role.JURY:
        raise OperationError(_("Ce compte n'est pas un membre du jury."))
    if session.mode != SessionMode.EXAM:
        raise OperationError(_("Seules les sessions d'examen ont un jury."))
    if db.session.get(ClassSessionJury, (session.id, jury_id)) is None:
        seated = db.session.scalar(
            sa.select(sa.func.count()).where(ClassSessionJury.class_session_id == session.id)
        )
        if (seated or 0) >= MAX_MEMBERS:
            raise OperationError(
                _("Une commission compte au plus %(n)d membres.", n=MAX_MEMBERS), 409
            )
        db.session.add(ClassSessionJury(class_session_id=session.id, user_id=jury_id))
        db.session.flush()


#: a commission has two or three members (the référentiel's jury: a teacher and a professional)
MAX_MEMBERS = 3


def remove(session: ClassSession, jury_id: int) -> None:
    """Take a jury member off an exam session's board (their grids stay on record)."""
    seat = db.session.get(ClassSessionJury, (session.id, jury_id))
    if seat is None:
        raise OperationError(_("Ce membre ne siège pas dans cette commission."), 404)
    db.session.delete(seat)
    db.session.flush()


def sessions_for(jury: User) -> list[ClassSession]:
    """The open exam sessions this jury member sits on."""
    return list(
        db.session.scalars(
            sa.select(ClassSession)
            .join(ClassSessionJury, ClassSessionJury.class_session_id == ClassSession.id)
            .where(ClassSessionJury.user_id == jury.id, ClassSession.is_open)
            .order_by(ClassSession.created_at.desc())
        )
    )


def candidate_for(jury: User, student_id: int) -> User:
    """A candidate of one of the jury member's sessions; anyone else is refused (403)."""
    student = db.session.get(User, student_id)
    allowed = (
        student is not None
        and student.role == Role.STUDENT
        and db.session.get(ClassSessionJury, (student.class_session_id, jury.id)) is not None
    )
    if not allowed:
        raise OperationError(_("Ce candidat ne relève pas de votre commission."), 403)
    assert student is not None  # `allowed` checked it
    return student
