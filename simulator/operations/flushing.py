"""Writes that a concurrent writer may win, refused without ending the request's transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from simulator.extensions import db

CONFLICTS: tuple[type[Exception], ...] = (IntegrityError, StaleDataError)


@contextmanager
def conflict_guard(
    conflict: Exception, caught: tuple[type[Exception], ...] = CONFLICTS
) -> Iterator[None]:
    """Make the writes of the block in a savepoint, flushed at its end; when another writer won
    (a unique position taken, a stale version), undo them only (their new rows leave the session,
    the rows they changed are reloaded) and raise `conflict`.

    The writes must be made inside the block: SQLAlchemy flushes what is pending before it opens
    the savepoint.
    """
    try:
        with db.session.begin_nested():
            yield
    except caught:
        raise conflict from None
