"""The jury's evaluation grids: one per juror per candidate, then one reconciled and signed."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from simulator.extensions import Model
from simulator.models._time import utcnow


class Evaluation(Model):
    """A grid: levels per criterion (index into the scale), comments and the interview notes."""

    __tablename__ = "evaluation"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("class_session.id", ondelete="CASCADE"), index=True
    )
    student_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    #: the juror who fills it (for the reconciled grid: who started the reconciliation)
    jury_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    #: individual | reconciled
    kind: Mapped[str] = mapped_column(sa.String(12), default="individual")
    #: set to the student id on the reconciled grid only, so there is at most one per candidate
    reconciled_for: Mapped[int | None] = mapped_column(unique=True)
    #: {"3": 2, ...}: criterion number -> level index
    levels: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    comments: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    #: the 10-minute interview: value added by the advice, follow-up actions proposed
    interview: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    final_mark: Mapped[Decimal | None] = mapped_column(sa.Numeric(4, 1))
    signed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    signed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    #: the grid document (HTML) as signed: the PDF is made from it and never changes afterwards
    signed_document: Mapped[str | None] = mapped_column(sa.Text)
    #: the negotiation's status when the grid was signed (« signer malgré tout » keeps it)
    signed_state: Mapped[str | None] = mapped_column(sa.String(24))
    lock_version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    jury = relationship("User", foreign_keys=[jury_id])
    student = relationship("User", foreign_keys=[student_id])

    __mapper_args__ = {"version_id_col": lock_version}
    __table_args__ = (
        sa.UniqueConstraint(
            "student_id", "jury_id", "kind", name="uq_evaluation_student_jury_kind"
        ),
    )
