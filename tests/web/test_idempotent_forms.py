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


def test_a_replayed_quote_issue_shows_the_first_quote(app, student):
    import sqlalchemy as sa

    from simulator.extensions import db
    from simulator.models import Quote, QuoteStatus
    from tests.web.test_quotes import BUILDER, form_of

    html = student.client.get(BUILDER).get_data(as_text=True)
    data = {**form_of(html), "form_token": TOKEN_RE.search(html).group(1)}
    first = student.post(f"{BUILDER}/emettre", data)
    assert first.status_code == 303
    replay = student.post(f"{BUILDER}/emettre", data)
    assert replay.status_code == 303 and replay.location == first.location
    with app.app_context():
        issued = db.session.scalar(
            sa.select(sa.func.count()).select_from(Quote).where(Quote.status == QuoteStatus.SENT)
        )
    assert issued == 1


def test_a_replayed_campaign_launch_shows_its_results(student):
    from tests.web.test_prospection import BASE, PLAN, _qualified

    _qualified(student)
    token = TOKEN_RE.search(student.client.get(f"{BASE}/campagne").get_data(as_text=True))
    assert token
    data = {**PLAN, "form_token": token.group(1)}
    assert student.post(f"{BASE}/campagne/lancer", data).status_code == 303
    replay = student.post(f"{BASE}/campagne/lancer", data)
    assert replay.status_code == 303 and replay.location.endswith("/prospection/resultats")
    # without the form's token a second launch is still refused, as before
    assert student.post(f"{BASE}/campagne/lancer", PLAN).status_code == 409


def test_a_replayed_grid_signature_shows_the_signed_grid(jury, exam):
    url = exam["url"] + "/grille"
    from tests.web.test_evaluation_grid import _fill, _lock

    assert _fill(jury, url, {3: 2}).status_code == 303
    assert jury.post(url + "/concilier").status_code == 303
    html = jury.client.get(url).get_data(as_text=True)
    sign_form = html[html.index(f'action="{url}/signer"') :]
    data = {
        "lock": _lock(html, url + "/commission"),
        "form_token": TOKEN_RE.search(sign_form).group(1),
    }
    assert jury.post(url + "/signer", data).status_code == 303
    replay = jury.post(url + "/signer", data)
    assert replay.status_code == 303 and replay.location.endswith("/grille#commission")
    assert jury.post(url + "/signer", {"lock": data["lock"]}).status_code == 409
