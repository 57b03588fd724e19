"""Append to and read the event log, one numbered stream per subject."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import Event, User
from simulator.operations.errors import ConflictError
from simulator.operations.flushing import conflict_guard


def next_seq(stream_type: str, stream_id: int) -> int:
    """The next position in a stream."""
    top = db.session.scalar(
        sa.select(sa.func.max(Event.seq)).where(
            Event.stream_type == stream_type, Event.stream_id == stream_id
        )
    )
    return (top or 0) + 1


def append(
    stream_type: str,
    stream_id: int,
    actor: str,
    kind: str,
    payload: dict[str, Any],
    user: User | None = None,
) -> Event:
    """Append one event; a concurrent append at the same position is refused, never merged."""
    event = Event(
        stream_type=stream_type,
        stream_id=stream_id,
        seq=next_seq(stream_type, stream_id),
        actor=actor,
        kind=kind,
        payload=payload,
        user_id=user.id if user else None,
    )
    with conflict_guard(
        ConflictError(
            _("Quelqu’un a écrit en même temps dans ce dossier : " "rien n’a été perdu, réessayez.")
        ),
        (sa.exc.IntegrityError,),
    ):
        db.session.add(event)
    return event


def stream(stream_type: str, stream_id: int, kind: str | None = None) -> list[Event]:
    """Events of a stream in order, optionally of one kind."""
    query = sa.select(Event).where(Event.stream_type == stream_type, Event.stream_id == stream_id)
    if kind is not None:
        query = query.where(Event.kind == kind)
    return list(db.session.scalars(query.order_by(Event.seq)))
