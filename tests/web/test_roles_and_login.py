"""Each role logs in, lands on its dashboard, and is kept out of the others'."""

from __future__ import annotations

import pytest


def test_home_is_in_french_by_default(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="fr">' in html
    assert "Je suis étudiant" in html and "Se connecter" in html


def test_english_can_be_chosen(client):
    actions_token = client.get("/").get_data(as_text=True)
    import re

    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', actions_token).group(1)
    response = client.post("/langue/en", data={"csrf_token": token, "next": "/"})
    assert response.status_code == 303
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in html and "I am a student" in html


def test_trainer_lands_on_trainer_dashboard(trainer):
    html = trainer.client.get("/formateur/").get_data(as_text=True)
    assert "Mes sessions de classe" in html and "Claire Martin" in html


def test_jury_lands_on_jury_dashboard(jury):
    response = jury.client.get("/")
    assert response.status_code == 302 and response.location.endswith("/jury/")
    assert "Commission d’évaluation" in jury.client.get("/jury/").get_data(as_text=True)


def test_wrong_password_says_why_in_french(client, demo):
    from tests.conftest import Actions

    response = Actions(client).login("formateur@negolab.test", "pas-le-bon")
    assert response.status_code == 401
    assert "Adresse e-mail ou mot de passe incorrect" in response.get_data(as_text=True)


def test_login_is_throttled_after_repeated_failures(app, client, demo):
    from tests.conftest import Actions

    actions = Actions(client)
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert actions.login("formateur@negolab.test", "faux").status_code == 401
    response = actions.login("formateur@negolab.test", "formateur-demo")
    assert response.status_code == 429
    assert "Trop de tentatives" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/formateur/", "/jury/"])
def test_student_cannot_reach_staff_pages(student, path):
    response = student.client.get(path)
    assert response.status_code == 403
    assert "Accès refusé" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/formateur/", "/etudiant/"])
def test_jury_cannot_reach_other_roles_pages(jury, path):
    assert jury.client.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/jury/", "/etudiant/"])
def test_trainer_cannot_reach_other_roles_pages(trainer, path):
    assert trainer.client.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/formateur/", "/jury/", "/etudiant/"])
def test_anonymous_visitor_is_sent_home(client, path):
    response = client.get(path)
    assert response.status_code == 302 and response.location.startswith("/?next=")


def test_logout_ends_the_session(trainer):
    assert trainer.post("/deconnexion").status_code == 303
    assert trainer.client.get("/formateur/").status_code == 302


def test_unknown_page_is_a_french_404(client):
    response = client.get("/nulle-part")
    assert response.status_code == 404 and "Page introuvable" in response.get_data(as_text=True)
