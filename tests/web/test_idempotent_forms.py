"""Non-repeatable forms carry a one-time token: a replay answers without recording twice."""

from __future__ import annotations

import re

from tests.web.test_negotiation_room import ROOT, game, start

TOKEN_RE = re.compile(r'name="form_token" value="([^"]+)"')


def _room_token(student, nid: int) -> str:
    html = student.client.get(f"{ROOT}/{nid}/salle").get_data(as_text=True)
    match = TOKEN_RE.search(html)
    assert match, "le formulaire du coup n'a pas de jeton"
    return match.group(1)


def _move(student, nid: int, token: str, **data):
    return student.post(f"{ROOT}/{nid}/coup", {**data, "form_token": token}, htmx=True)


def test_every_rendering_gets_a_new_token(student):
    nid = start(student)
    assert _room_token(student, nid) != _room_token(student, nid)


def test_a_replayed_move_is_recorded_once(app, student):
    nid = start(student)
    token = _room_token(student, nid)
    first = _move(student, nid, token, type="question", theme="besoin")
    assert first.status_code == 200
    played = len(game(app, nid).transcript.tours)
    replay = _move(student, nid, token, type="question", theme="besoin")
    assert replay.status_code == 200
    assert len(game(app, nid).transcript.tours) == played
    # the replay shows the first result: the transcript with that move, and a fresh form
    assert TOKEN_RE.search(replay.get_data(as_text=True)).group(1) != token
    fresh = TOKEN_RE.search(first.get_data(as_text=True)).group(1)
    assert _move(student, nid, fresh, type="question", theme="budget").status_code == 200
    assert len(game(app, nid).transcript.tours) == played + 1


def test_a_refused_move_does_not_spend_its_token(app, student):
    nid = start(student)
    token = _room_token(student, nid)
    before = len(game(app, nid).transcript.tours)
    refused = _move(student, nid, token, type="offre")  # an offer with no terms
    assert refused.status_code >= 400
    assert _move(student, nid, token, type="question", theme="besoin").status_code == 200
    assert len(game(app, nid).transcript.tours) == before + 1


def test_a_malformed_token_is_refused(app, student):
    nid = start(student)
    response = _move(student, nid, "pas un jeton!", type="question", theme="besoin")
    assert response.status_code == 400
