"""Trainer operations on class sessions."""

from __future__ import annotations

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import ClassSession, SessionMode, User
from simulator.operations.codes import new_code


def _unused_code() -> str:
    while True:
        code = new_code(6)
        taken = db.session.scalar(sa.select(ClassSession.id).where(ClassSession.join_code == code))
        if taken is None:
            return code


def create_class_session(
    trainer: User, name: str, mode: SessionMode, pack_slug: str | None = None
) -> ClassSession:
    """Open a class session with a fresh join code."""
    session = ClassSession(
        name=name.strip(),
        mode=mode,
        trainer_id=trainer.id,
        join_code=_unused_code(),
        pack_slug=pack_slug or None,
    )
    db.session.add(session)
    db.session.flush()
    return session


def sessions_of(trainer: User) -> list[ClassSession]:
    """Return the trainer's class sessions, newest first."""
    return list(
        db.session.scalars(
            sa.select(ClassSession)
            .where(ClassSession.trainer_id == trainer.id)
            .order_by(ClassSession.created_at.desc(), ClassSession.id.desc())
        )
    )
