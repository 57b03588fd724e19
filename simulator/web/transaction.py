"""One transaction per request, committed or rolled back in one place.

Views and operations never call ``commit()`` or ``rollback()``. After the view has answered,
``after_request`` decides, once:

- a POST (PUT, PATCH, DELETE) answered below 400 is committed;
- a GET or HEAD is rolled back: reading a page writes nothing, except what the view recorded
  with :func:`record_first_opening`;
- an answer of 400 or more (a refusal: 404, 409, 422, 429…) or an exception is rolled back, back
  to the last point marked by :func:`record_first_opening` or :func:`keep_despite_refusal` when
  there is one: what was written before that point is committed, what came after is not.

A view that shows a refusal on the same page runs the use case in :func:`savepoint`: if it raises,
its writes are undone at once (the page then shows the rows as they were), earlier ones stay.
Operations flush their conflicting writes inside a savepoint too (:mod:`simulator.operations.flushing`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, Response, g, request
from sqlalchemy.orm import SessionTransaction

from simulator.extensions import db

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@contextmanager
def savepoint() -> Iterator[None]:
    """Run a use case that may be refused: on any exception its writes are undone, then it
    propagates; the request's earlier writes are kept."""
    with db.session.begin_nested():
        yield


def _keep_so_far() -> None:
    """Flush, and start a savepoint: a later refusal rolls back to here, not further."""
    db.session.flush()
    kept: SessionTransaction | None = g.get("_kept_writes")
    if kept is not None and kept.is_active:
        kept.commit()  # RELEASE: its writes join the ones kept
    g._kept_writes = db.session.begin_nested()


def record_first_opening() -> None:
    """The only way a GET writes: keep the rows written so far by opening the page.

    They are what a page's first opening must record: the student's situation, negotiation,
    draft quote, prospection exercise or jury grid created lazily, the preparation clock started
    by the first reading of a handed-over situation, and the end of a negotiation whose clock
    ran out. They are committed at the end of the request even if it is then refused.
    """
    _keep_so_far()


def keep_despite_refusal() -> None:
    """Keep the writes so far although the answer will be a refusal (e.g. a failed login
    attempt, kept for throttling)."""
    _keep_so_far()


def _end(response_status: int | None) -> None:
    kept: SessionTransaction | None = g.pop("_kept_writes", None)
    ok = response_status is not None and response_status < 400
    if ok and (request.method not in READ_METHODS or kept is not None):
        db.session.commit()
    elif kept is not None and kept.is_active:
        kept.rollback()
        db.session.commit()
    else:
        db.session.rollback()


def register_transaction(app: Flask) -> None:
    """Commit or roll back once per request, after the view (see the module docstring)."""

    @app.after_request
    def end_transaction(response: Response) -> Response:
        _end(response.status_code)
        return response

    @app.teardown_request
    def end_on_error(error: BaseException | None) -> None:
        if error is not None:  # the response never came (or after_request failed)
            g.pop("_kept_writes", None)
            db.session.rollback()
