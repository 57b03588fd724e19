"""A student's negotiation against the simulated (or a human) buyer; its moves live in the Event log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from simulator.extensions import Model
from simulator.models._time import utcnow

#: statuses a negotiation can no longer leave
FINISHED = frozenset({"deal", "no_deal", "abandoned"})


class Negotiation(Model):
    """One negotiation: the situation version, the buyer's seed, the clock; the moves are Events."""

    __tablename__ = "negotiation"

    id: Mapped[int] = mapped_column(primary_key=True)
    situation_version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("situation_version.id", ondelete="CASCADE"), index=True
    )
    student_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    #: ai | human
    buyer_mode: Mapped[str] = mapped_column(sa.String(8), default="ai")
    #: preparing | running | deal | no_deal | abandoned
    status: Mapped[str] = mapped_column(sa.String(16), default="preparing")
    #: the buyer's seed, fixed when the negotiation is opened (replays are identical)
    seed: Mapped[int] = mapped_column()
    started_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: UTC; the server's clock is the authority, the page only counts down
    deadline: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: optimistic concurrency: a stale write raises StaleDataError, shown as a French 409
    lock_version: Mapped[int] = mapped_column(default=1)
    #: the C1.1 preparation sheet, as typed
    preparation: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    #: compte rendu de visite and next actions, None until filled
    follow_up: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    #: exam mode: the student sees the debrief only once a trainer releases it
    debrief_released: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    situation_version = relationship("SituationVersion")
    student = relationship("User")

    __mapper_args__ = {"version_id_col": lock_version}  # noqa: RUF012

    @property
    def finished(self) -> bool:
        """Tell whether the negotiation is over."""
        return self.status in FINISHED
