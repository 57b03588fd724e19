"""Sessions: rotated at login, revoked server-side on logout, bounded in time per role."""

from __future__ import annotations

import time

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import Actions


def _cookie(client: FlaskClient) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def _replay(app: Flask, cookie: str, path: str) -> int:
    """Open path in another browser carrying a saved copy of the session cookie."""
    other = app.test_client()
    other.set_cookie("session", cookie)
    return other.get(path).status_code


def test_trainer_logout_revokes_a_saved_cookie(app, trainer):
    saved = _cookie(trainer.client)
    assert _replay(app, saved, "/formateur/") == 200
    assert trainer.post("/deconnexion").status_code == 303
    assert _replay(app, saved, "/formateur/") == 302  # sent to the login page
    assert trainer.client.get("/formateur/").status_code == 302


def test_student_logout_revokes_a_saved_cookie(app, student):
    saved = _cookie(student.client)
    assert _replay(app, saved, "/etudiant/") == 200
    assert student.post("/deconnexion").status_code == 303
    assert _replay(app, saved, "/etudiant/") == 302


def test_bumping_the_session_version_revokes_cookies(app, trainer):
    """What a password change does (issue 14 calls accounts.invalidate_sessions)."""
    from simulator.extensions import db
    from simulator.models import User
    from simulator.operations.accounts import invalidate_sessions

    saved = _cookie(trainer.client)
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "formateur@negolab.test"))
        invalidate_sessions(user)
        db.session.commit()
    assert _replay(app, saved, "/formateur/") == 302
    assert trainer.client.get("/formateur/").status_code == 302


def test_login_rotates_the_session(app, client, demo):
    actions = Actions(client)
    with client.session_transaction() as session:
        session["planted"] = "avant connexion"
        session["lang"] = "en"
    assert actions.login("formateur@negolab.test", "formateur-demo").status_code == 303
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["lang"] == "en"
        assert not session.permanent  # keeps strong session protection in force


def test_session_ends_after_its_role_lifetime(app, client, demo, monkeypatch):
    actions = Actions(client)
    assert actions.login("formateur@negolab.test", "formateur-demo").status_code == 303
    assert client.get("/formateur/").status_code == 200
    hours = app.config["STAFF_SESSION_HOURS"]
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + hours * 3600 + 5)
    assert client.get("/formateur/").status_code == 302


def test_student_and_staff_lifetimes_differ(app, client, demo):
    actions = Actions(client)
    assert actions.join("DEMO42", "Paul Petit").status_code == 303
    with client.session_transaction() as session:
        remaining = session["_until"] - time.time()
    hours = app.config["STUDENT_SESSION_HOURS"]
    assert hours * 3600 - 60 < remaining <= hours * 3600
    assert app.config["STAFF_SESSION_HOURS"] != hours


def test_strong_protection_is_on(app):
    from simulator.extensions import login_manager

    assert login_manager.session_protection == "strong"
