"""A class session a trainer opens and students join with a code."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from simulator.extensions import Model
from simulator.models._time import utcnow


class SessionMode(str, enum.Enum):
    """Practice shows the debrief at once; exam holds it until released."""

    PRACTICE = "practice"
    EXAM = "exam"


class ClassSession(Model):
    """A group of students working on situations of one pack."""

    __tablename__ = "class_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    mode: Mapped[SessionMode] = mapped_column(sa.Enum(SessionMode, native_enum=False, length=16))
    #: code students type to join; unambiguous letters and digits
    join_code: Mapped[str] = mapped_column(sa.String(12), unique=True)
    #: slug of the scenario pack the session works on, if chosen
    pack_slug: Mapped[str | None] = mapped_column(sa.String(80))
    trainer_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    is_open: Mapped[bool] = mapped_column(default=True)
    #: closed = no new joins and the work is read-only; closed_at starts the retention period
    closed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: archived sessions leave the trainer's list of current sessions
    archived: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    #: the exam's name and timings are settings: the 2024 reform renumbered units (E4 or E5)
    exam_label: Mapped[str] = mapped_column(sa.String(16), default="E4", server_default="E4")
    negotiation_minutes: Mapped[int] = mapped_column(default=20, server_default="20")
    interview_minutes: Mapped[int] = mapped_column(default=10, server_default="10")
    #: ccf_situation_2 (C1.2, C1.4, C1.5 by default) or ponctuelle (two parts, all ten criteria)
    exam_form: Mapped[str] = mapped_column(
        sa.String(24), default="ccf_situation_2", server_default="ccf_situation_2"
    )
    #: the exam's time zone: signatures and times on grids, PDF and CSV are shown in it
    exam_timezone: Mapped[str] = mapped_column(
        sa.String(64), default="Europe/Paris", server_default="Europe/Paris"
    )
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    trainer = relationship("User", foreign_keys=[trainer_id])
    students = relationship(
        "User",
        primaryjoin="User.class_session_id == ClassSession.id",
        order_by="User.display_name",
        viewonly=True,
    )
    jury_members = relationship(
        "User", secondary="class_session_jury", order_by="User.display_name", viewonly=True
    )


class ClassSessionJury(Model):
    """A jury member assigned to an exam session; jurors see only their sessions' candidates."""

    __tablename__ = "class_session_jury"

    class_session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("class_session.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
