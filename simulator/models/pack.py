"""Scenario packs as stored: every saved text is a new, immutable version."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from simulator.extensions import Model
from simulator.models._time import utcnow


class PackVersion(Model):
    """One version of a pack's YAML text; never edited once stored."""

    __tablename__ = "pack_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), index=True)
    version: Mapped[int] = mapped_column()
    title: Mapped[str] = mapped_column(sa.String(200))
    yaml_text: Mapped[str] = mapped_column(sa.Text)
    #: sha256 of yaml_text, to tell whether a shipped file changed
    sha256: Mapped[str] = mapped_column(sa.String(64))
    #: None for packs shipped with the app
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    author = relationship("User")

    __table_args__ = (sa.UniqueConstraint("slug", "version", name="uq_pack_version_slug_version"),)
