"""Quotes (devis) a student builds on their situation, numbered and frozen when issued."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from simulator.extensions import Model
from simulator.models._time import utcnow


class QuoteStatus(str, enum.Enum):
    """Where a quote stands: a draft the student edits, then issued (émis), then accepted."""

    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"


class Quote(Model):
    """A devis: the student's raw inputs, and the computed totals frozen at issue for audit."""

    __tablename__ = "quote"

    id: Mapped[int] = mapped_column(primary_key=True)
    situation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("situation.id", ondelete="CASCADE"), index=True
    )
    student_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    #: D-2026-0001, assigned when the quote is issued; None for a draft
    number: Mapped[str | None] = mapped_column(sa.String(20), unique=True)
    status: Mapped[QuoteStatus] = mapped_column(
        sa.Enum(QuoteStatus, native_enum=False, length=16), default=QuoteStatus.DRAFT
    )
    #: optimistic concurrency: a save carrying an older value is refused, never merged
    lock_version: Mapped[int] = mapped_column(default=1)
    #: what the student typed, as strings, so a refused save loses nothing
    inputs: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    #: the engine's full result (amounts as strings), frozen when issued; None for a draft
    totals: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    issued_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    situation = relationship("Situation")
    student = relationship("User")

    __mapper_args__ = {"version_id_col": lock_version}  # noqa: RUF012

    @property
    def is_draft(self) -> bool:
        """Tell whether the student may still edit the quote."""
        return self.status == QuoteStatus.DRAFT
