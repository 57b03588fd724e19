"""A jury event and a candidate's move race for the same place, over two real connections.

The first writer holds its row until it commits; the second one's insert at the same position
waits for it, then is refused by the unique (stream, seq) constraint: one is applied, the other
gets a French 409 and nothing of it is half-written. Runs on PostgreSQL (DATABASE_URL) and SQLite.
"""

from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import Event, Negotiation, SituationVersion, User
from simulator.models._time import utcnow
from simulator.operations import jury_live
from simulator.operations import negotiations as ops
from simulator.operations.errors import ConflictError
from tests.web.test_negotiation_room import move, start


@pytest.fixture
def running(app, student) -> int:
    """A running negotiation with one move played."""
    nid = start(student)
    move(student, nid, type="question", theme="besoin")
    return nid


def _jury_event(nid: int) -> None:
    n = db.session.get(Negotiation, nid)
    juror = db.session.scalar(sa.select(User).where(User.email == "jury@negolab.test"))
    jury_live.inject(n.situation_version.situation, n, "offre_concurrente", juror)


def _candidate_move(nid: int) -> None:
    ops.play_move(
        db.session.get(Negotiation, nid), {"type": "question", "theme": "budget"}, utcnow()
    )


def race(app, nid: int, first, second) -> tuple[str, str]:
    """Run `first` up to its flush, start `second`, then commit `first`; report both outcomes."""
    flushed, outcomes = threading.Event(), {}

    def run(name, action, hold: bool) -> None:
        with app.test_request_context():  # French messages need a request (the locale)
            try:
                if not hold:
                    flushed.wait(5)
                action(nid)
                if hold:
                    flushed.set()
                    time.sleep(0.6)  # the second writer is now waiting on our row
                db.session.commit()
                outcomes[name] = "applied"
            except ConflictError as refused:
                db.session.rollback()
                outcomes[name] = refused.message
            finally:
                flushed.set()

    threads = [
        threading.Thread(target=run, args=("first", first, True)),
        threading.Thread(target=run, args=("second", second, False)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    return outcomes["first"], outcomes["second"]


def _counts(app, nid: int) -> tuple[int, int, int]:
    with app.app_context():
        kinds = list(
            db.session.scalars(
                sa.select(Event.kind).where(
                    Event.stream_type == "negotiation", Event.stream_id == nid
                )
            )
        )
        versions = db.session.scalar(sa.select(sa.func.count()).select_from(SituationVersion))
    return kinds.count("coup"), kinds.count("evenement_jury"), versions


def test_the_jury_event_wins_and_the_move_is_refused_then_replayed(app, running):
    first, second = race(app, running, _jury_event, _candidate_move)
    assert first == "applied"
    assert second.startswith("Le jury vient d'annoncer") and "rejouez" in second
    assert _counts(app, running) == (1, 1, 2)
    with app.app_context():
        _candidate_move(running)  # the candidate plays again: the event applies to this move
        db.session.commit()
        game = ops.game_of(db.session.get(Negotiation, running))
        assert len(game.transcript.tours) == 2 and game.notices[0]["avant_tour"] == 2


def test_the_move_wins_and_the_jury_event_is_refused_whole_or_serialised_after_it(app, running):
    first, second = race(app, running, _candidate_move, _jury_event)
    assert first == "applied"
    if second != "applied":  # PostgreSQL: both read the same position, the second insert loses
        assert "même moment" in second
        assert _counts(app, running) == (2, 0, 1)  # no orphan situation version either
        return
    # SQLite locks the whole file: the jury's write waited for the move, then read the new
    # position, so its event lands after the move and applies to the following turn
    assert _counts(app, running) == (2, 1, 2)
    with app.app_context():
        game = ops.game_of(db.session.get(Negotiation, running))
        assert game.notices == [{"avant_tour": 3, "texte": game.notices[0]["texte"]}]
