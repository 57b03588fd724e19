"""The app factory, secrets, cookies, CSRF and the append-only log."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from simulator import create_app
from simulator.config import instance_secret_key
from simulator.extensions import db
from simulator.models import Event, EventAppendOnlyError


def test_factory_takes_test_config():
    assert create_app({"TESTING": True}).testing
    assert not create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).debug


def test_secret_key_is_generated_once_per_install(tmp_path):
    first = instance_secret_key(str(tmp_path))
    assert len(first) == 64
    assert instance_secret_key(str(tmp_path)) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_session_cookie_is_httponly_and_samesite(trainer):
    cookie = trainer.client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"


def test_post_without_csrf_token_is_refused_in_french(client, demo):
    response = client.post(
        "/connexion", data={"email": "formateur@negolab.test", "password": "formateur-demo"}
    )
    assert response.status_code == 400
    assert "Rechargez la page et recommencez" in response.get_data(as_text=True)


def test_htmx_post_without_csrf_header_is_refused(trainer):
    response = trainer.client.post(
        "/formateur/sessions",
        data={"name": "Groupe B", "mode": "exam"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400


def test_htmx_post_with_csrf_header_is_accepted(trainer):
    response = trainer.post("/formateur/sessions", {"name": "Groupe B", "mode": "exam"}, htmx=True)
    assert response.status_code == 303


def test_events_are_append_only(app):
    with app.app_context():
        db.session.add(
            Event(
                stream_type="class_session",
                stream_id=1,
                seq=1,
                actor="system",
                kind="opened",
                payload={"a": 1},
            )
        )
        db.session.commit()
        stored = db.session.scalar(sa.select(Event))
        stored.kind = "rewritten"
        with pytest.raises(EventAppendOnlyError):
            db.session.commit()
        db.session.rollback()
        with pytest.raises(EventAppendOnlyError):
            db.session.delete(db.session.scalar(sa.select(Event)))
            db.session.commit()
        db.session.rollback()


def test_two_appends_at_the_same_seq_are_refused(app):
    with app.app_context():
        db.session.add(
            Event(stream_type="negotiation", stream_id=7, seq=1, actor="seller", kind="a")
        )
        db.session.commit()
        db.session.add(Event(stream_type="negotiation", stream_id=7, seq=1, actor="jury", kind="b"))
        with pytest.raises(sa.exc.IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_health_touches_the_database(client):
    assert client.get("/sante").get_json()["status"] == "ok"
