"""Generated worlds, frozen as JSON snapshots, and the jury's versions of them."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from simulator.extensions import Model
from simulator.models._time import utcnow


class Situation(Model):
    """A situation generated from (pack version, seed) or entered as a fiche descriptive."""

    __tablename__ = "situation"

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_version_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("pack_version.id"), index=True
    )
    seed: Mapped[int | None] = mapped_column()
    #: generated | fiche
    origin: Mapped[str] = mapped_column(sa.String(16), default="generated")
    student_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    class_session_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("class_session.id", ondelete="CASCADE"), index=True
    )
    #: the student's attempt number in their session (1, 2, …): a new situation never replaces one
    attempt: Mapped[int] = mapped_column(default=1, server_default="1")
    #: the generated world as first produced (version 0); overrides never change it.
    #: Deferred: pages read the version they show (SituationVersion.snapshot), not this copy.
    snapshot: Mapped[dict[str, Any]] = mapped_column(sa.JSON, deferred=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    pack_version = relationship("PackVersion")
    student = relationship("User", foreign_keys=[student_id])
    versions = relationship(
        "SituationVersion", order_by="SituationVersion.n", back_populates="situation"
    )


class SituationVersion(Model):
    """An append-only version: overrides applied to the original snapshot (v0 has none)."""

    __tablename__ = "situation_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    situation_id: Mapped[int] = mapped_column(sa.ForeignKey("situation.id", ondelete="CASCADE"))
    n: Mapped[int] = mapped_column()
    overrides: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    #: snapshot with the overrides applied, kept so pages never recompute it
    snapshot: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(sa.String(500), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    situation = relationship("Situation", back_populates="versions")

    __table_args__ = (sa.UniqueConstraint("situation_id", "n", name="uq_situation_version_n"),)

    @property
    def identity(self) -> tuple[int, int, str]:
        """What a cache may key this version by: id, number and the sha256 of its snapshot.

        A row id alone can name another version once rows were deleted (SQLite reuses the highest
        ids); the content hash makes the key mean this very snapshot.
        """
        content = json.dumps(self.snapshot, sort_keys=True, separators=(",", ":"), default=str)
        return self.id, self.n, hashlib.sha256(content.encode()).hexdigest()
