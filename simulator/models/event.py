"""The append-only event log from which transcripts, debriefs and replays are computed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Mapped, Session, mapped_column

from simulator.extensions import Model
from simulator.models._time import utcnow


class EventAppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete a stored event."""


class Event(Model):
    """One fact in a stream (a negotiation, a class session...), numbered by seq."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: what the stream is about, e.g. "negotiation" or "class_session"
    stream_type: Mapped[str] = mapped_column(sa.String(32))
    stream_id: Mapped[int] = mapped_column()
    #: position in the stream; the unique constraint refuses a concurrent append at the same seq
    seq: Mapped[int] = mapped_column()
    #: seller | buyer | jury | trainer | system
    actor: Mapped[str] = mapped_column(sa.String(16))
    kind: Mapped[str] = mapped_column(sa.String(48))
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    __table_args__ = (
        sa.UniqueConstraint("stream_type", "stream_id", "seq", name="uq_event_stream_seq"),
    )


@sa_event.listens_for(Session, "before_flush")
def _refuse_event_changes(session: Session, _context: object, _instances: object) -> None:
    """Keep the log append-only: stored events are never updated or deleted."""
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, Event) and (obj in session.deleted or session.is_modified(obj)):
            raise EventAppendOnlyError("Le journal des événements est en ajout seul.")
