"""The same move POSTed twice at once (a double click, a resent request) is recorded once.

Two browsers carrying the same session cookie send the same form (same one-time token) at the
same moment, each request on its own database connection. The token's primary key serialises
them: the second waits for the first to commit, then is answered as a replay. Runs on SQLite
and on PostgreSQL (DATABASE_URL).
"""

from __future__ import annotations

import threading

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import Event
from tests.web.test_idempotent_forms import _room_token
from tests.web.test_negotiation_room import ROOT, start

ROUNDS = 5


def _moves(app, nid: int) -> int:
    with app.app_context():
        return db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Event)
            .where(Event.stream_type == "negotiation", Event.stream_id == nid, Event.kind == "coup")
        )


def test_two_identical_parallel_moves_are_recorded_once(app, student):
    nid = start(student)
    cookie = student.client.get_cookie("session").value
    csrf = student.token()
    clients = [app.test_client(), app.test_client()]
    for client in clients:
        client.set_cookie("session", cookie)
    for round_ in range(ROUNDS):
        token = _room_token(student, nid)
        before = _moves(app, nid)
        barrier, statuses = threading.Barrier(2), []

        def post(client) -> None:
            barrier.wait(5)
            response = client.post(
                f"{ROOT}/{nid}/coup",
                data={"type": "question", "theme": "besoin", "form_token": token},
                headers={"HX-Request": "true", "X-CSRFToken": csrf},
            )
            statuses.append(response.status_code)

        threads = [threading.Thread(target=post, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert statuses == [200, 200], f"tour {round_}: {statuses}"
        assert _moves(app, nid) == before + 1, f"tour {round_}"
