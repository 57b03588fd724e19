"""A trainer opens a class session; students join it with its code."""

from __future__ import annotations

import re

from tests.conftest import Actions


def _create(trainer: Actions, name: str = "BTS CCST 2 — groupe A", mode: str = "practice") -> str:
    response = trainer.post("/formateur/sessions", {"name": name, "mode": mode})
    assert response.status_code == 303
    return response.location


def test_trainer_creates_a_session_and_gets_a_join_code(trainer):
    page = trainer.client.get(_create(trainer)).get_data(as_text=True)
    code = re.search(r'id="join-code">(\w+)<', page).group(1)
    assert len(code) == 6 and not set(code) & set("01OIL")


def test_a_session_needs_a_name(trainer):
    response = trainer.post("/formateur/sessions", {"name": "", "mode": "practice"})
    assert response.status_code == 400


def test_student_joins_and_trainer_sees_them_in_the_live_list(app, trainer):
    location = _create(trainer)
    code = re.search(
        r'id="join-code">(\w+)<', trainer.client.get(location).get_data(as_text=True)
    ).group(1)
    student = Actions(app.test_client())
    assert student.join(code.lower(), "Hugo Bernard").status_code == 303
    dashboard = student.client.get("/etudiant/").get_data(as_text=True)
    assert "BTS CCST 2 — groupe A" in dashboard and "Hugo Bernard" in dashboard

    fragment = trainer.client.get(location + "/etudiants", headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert "Hugo Bernard" in body and "<html" not in body
    assert "HX-Request" in fragment.headers["Vary"]


def test_full_page_for_a_plain_request_of_the_fragment_url(trainer):
    location = _create(trainer)
    assert "<html" in trainer.client.get(location + "/etudiants").get_data(as_text=True)


def test_wrong_code_is_explained(app, demo):
    response = Actions(app.test_client()).join("ZZZZZZ", "Léa")
    assert response.status_code == 400
    assert "Aucune session ouverte" in response.get_data(as_text=True)


def test_a_taken_name_needs_the_resume_code(app, demo):
    first = Actions(app.test_client())
    first.join("DEMO42", "Léa Dubois")
    resume = re.search(
        r'id="resume-code">(\w+)<', first.client.get("/etudiant/").get_data(as_text=True)
    ).group(1)
    intruder = Actions(app.test_client()).join("DEMO42", "Léa Dubois")
    assert intruder.status_code == 409 and "déjà pris" in intruder.get_data(as_text=True)
    back = Actions(app.test_client())
    assert back.join("DEMO42", "Léa Dubois", resume_code=resume).status_code == 303


def test_trainer_cannot_open_another_trainers_session(app, trainer):
    from simulator.extensions import db
    from simulator.models import Role
    from simulator.operations.accounts import create_staff

    location = _create(trainer)
    with app.app_context():
        create_staff("autre@negolab.test", "motdepasse-autre", "Autre Formateur", Role.TRAINER)
        db.session.commit()
    other = Actions(app.test_client())
    other.login("autre@negolab.test", "motdepasse-autre")
    assert other.client.get(location).status_code == 403


def test_demo_command_is_idempotent(app):
    runner = app.test_cli_runner()
    from simulator.cli import demo

    first = runner.invoke(demo)
    second = runner.invoke(demo)
    assert first.exit_code == 0 and second.exit_code == 0
    assert "formateur@negolab.test" in second.output
    from simulator.extensions import db
    from simulator.models import User

    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 2
