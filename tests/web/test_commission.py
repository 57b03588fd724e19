"""The trainer sets up an exam board from the browser: juror accounts, two or three members."""

from __future__ import annotations

import re

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import ClassSessionJury, Role, User
from tests.conftest import Actions

PASSWORD = re.compile(r'id="new-juror-password">([^<]+)<')


def _exam(trainer) -> str:
    response = trainer.post(
        "/formateur/sessions",
        {"name": "E4 commission", "mode": "exam", "pack_slug": "materiel-electrique"},
    )
    assert response.status_code == 303
    return response.location


def _new_juror(trainer, url: str, name: str, email: str):
    return trainer.post(url + "/jury/nouveau", {"display_name": name, "email": email})


def test_a_trainer_creates_two_jurors_who_log_in_and_see_the_session(app, trainer):
    url = _exam(trainer)
    first = _new_juror(trainer, url, "Claire Martin", "Claire.Martin@lycee.test")
    html = first.get_data(as_text=True)
    assert first.status_code == 200 and "no-store" in first.headers["Cache-Control"]
    password = PASSWORD.search(html).group(1)
    assert len(password) >= 12 and "claire.martin@lycee.test" in html
    second = _new_juror(trainer, url, "Paul Pro", "paul.pro@entreprise.test")
    other_password = PASSWORD.search(second.get_data(as_text=True)).group(1)
    assert other_password != password
    with app.app_context():
        claire = db.session.scalar(sa.select(User).where(User.email == "claire.martin@lycee.test"))
        assert claire.role == Role.JURY and claire.check_password(password)
        seats = db.session.scalars(sa.select(ClassSessionJury)).all()
        assert len(seats) == 2
    # shown once: the session page does not show it again
    assert password not in trainer.client.get(url).get_data(as_text=True)
    juror = Actions(app.test_client())
    assert juror.login("claire.martin@lycee.test", password).status_code == 303
    assert "E4 commission" in juror.client.get("/jury/").get_data(as_text=True)


def test_a_board_has_at_most_three_members_and_emails_are_unique(app, trainer):
    url = _exam(trainer)
    for n in range(3):
        assert _new_juror(trainer, url, f"Juré {n}", f"jure{n}@lycee.test").status_code == 200
    page = trainer.client.get(url).get_data(as_text=True)
    assert 'id="new-juror-form"' not in page
    refused = _new_juror(trainer, url, "Juré 4", "jure4@lycee.test")
    assert refused.status_code == 409 and "au plus 3 membres" in refused.get_data(as_text=True)
    other = _exam(trainer)
    twice = _new_juror(trainer, other, "Autre", "JURE0@lycee.test")
    assert twice.status_code == 409 and "déjà utilisée" in twice.get_data(as_text=True)
    bad = _new_juror(trainer, other, "Autre", "pas-une-adresse")
    assert bad.status_code == 422 and 'value="Autre"' in bad.get_data(as_text=True)
    with app.app_context():
        assert (
            db.session.scalar(sa.select(sa.func.count(User.id)).where(User.role == Role.JURY)) == 4
        )


def test_a_removed_juror_no_longer_sees_the_candidates(app, trainer, exam):
    with app.app_context():
        jury_id = db.session.scalar(sa.select(User.id).where(User.email == "jury@negolab.test"))
        session_id = db.session.scalar(sa.select(ClassSessionJury.class_session_id))
    url = f"/formateur/sessions/{session_id}"
    juror = Actions(app.test_client())
    juror.login("jury@negolab.test", "jury-demo")
    assert juror.client.get(exam["url"]).status_code == 200
    assert trainer.post(f"{url}/jury/{jury_id}/retrait", {}).status_code == 303
    assert juror.client.get(exam["url"]).status_code == 403
    assert trainer.post(f"{url}/jury/{jury_id}/retrait", {}).status_code == 404


def test_only_the_sessions_trainer_builds_its_board(app, trainer, jury):
    url = _exam(trainer)
    assert (
        jury.post(url + "/jury/nouveau", {"display_name": "X Y", "email": "x@y.test"}).status_code
        == 403
    )
    with app.app_context():
        assert db.session.scalar(sa.select(User).where(User.email == "x@y.test")) is None
