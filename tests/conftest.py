"""Fixtures: one migrated database per run, emptied after every test; role helpers."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.engine import make_url

from simulator import create_app
from simulator.extensions import db

#: tests only: a one-iteration hash instead of scrypt (production keeps scrypt, see config.py)
FAST_HASH = "pbkdf2:sha256:1"


def _create_pg_database(url: str) -> tuple[str, sa.Engine]:
    """Create a database of its own beside the one DATABASE_URL names, so runs never collide."""
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"negolab_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    return make_url(url).set(database=name).render_as_string(hide_password=False), admin


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """SQLite in a temporary file by default; a fresh PostgreSQL database when DATABASE_URL says so."""
    env_url = os.environ.get("DATABASE_URL", "")
    if not env_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    url, admin = _create_pg_database(env_url)
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The app, migrated once with Alembic for the whole run."""
    from flask_migrate import upgrade

    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "tests-only-secret",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "PASSWORD_HASH_METHOD": FAST_HASH,
        }
    )
    with application.app_context():
        upgrade()
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_tables(request: pytest.FixtureRequest) -> Iterator[None]:
    """Empty every table after a test that used the database."""
    yield
    if "app" not in request.fixturenames:
        return
    application: Flask = request.getfixturevalue("app")
    with application.app_context():
        db.session.remove()
        tables = list(reversed(db.metadata.sorted_tables))
        with db.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                names = ", ".join(f'"{t.name}"' for t in tables)
                conn.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            else:
                for table in tables:
                    conn.execute(table.delete())


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser-like test client with cookies."""
    return app.test_client()


CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class Actions:
    """What a person does through the pages, as a test client with CSRF tokens from the pages."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        #: (the session's raw CSRF secret, the token a page showed for it)
        self._token: tuple[str | None, str] | None = None

    def csrf(self, path: str = "/") -> str:
        """Read a CSRF token from a page, as a browser form would carry it."""
        html = self.client.get(path, follow_redirects=True).get_data(as_text=True)
        match = CSRF_RE.search(html)
        assert match, f"pas de jeton CSRF sur {path}"
        return match.group(1)

    def _session_secret(self) -> str | None:
        with self.client.session_transaction() as session:
            return session.get("csrf_token")

    def token(self) -> str:
        """The CSRF token of this browser: read from a page once, again only when the session's
        secret changed (Flask-WTF's token is per session: login and logout may renew it)."""
        secret = self._session_secret()
        if self._token is None or secret is None or self._token[0] != secret:
            token = self.csrf("/confidentialite")  # a page without side effects
            self._token = (self._session_secret(), token)
        return self._token[1]

    def post(self, path: str, data: dict[str, str] | None = None, htmx: bool = False, **kw):
        """POST a form with its CSRF token (in the header for htmx, as the page does)."""
        token = self.token()
        payload = dict(data or {})
        headers = kw.pop("headers", {})
        if htmx:
            headers.update({"HX-Request": "true", "X-CSRFToken": token})
        else:
            payload["csrf_token"] = token
        return self.client.post(path, data=payload, headers=headers, **kw)

    def login(self, email: str, password: str):
        """Log a trainer or jury member in."""
        return self.post("/connexion", {"email": email, "password": password})

    def join(self, code: str, name: str, resume_code: str = ""):
        """Join a class session as a student."""
        return self.post(
            "/rejoindre", {"join_code": code, "display_name": name, "resume_code": resume_code}
        )


@pytest.fixture
def demo(app: Flask) -> None:
    """The demo accounts and class session."""
    from simulator.operations.demo import load_demo

    with app.app_context():
        load_demo(app.config["PACKS_DIR"])
        db.session.commit()


@pytest.fixture
def trainer(client: FlaskClient, demo: None) -> Actions:
    """A logged-in demo trainer."""
    actions = Actions(client)
    assert actions.login("formateur@negolab.test", "formateur-demo").status_code == 303
    return actions


@pytest.fixture
def jury(app: Flask, demo: None) -> Actions:
    """A logged-in demo jury member, in a browser of their own."""
    actions = Actions(app.test_client())
    assert actions.login("jury@negolab.test", "jury-demo").status_code == 303
    return actions


@pytest.fixture
def student(app: Flask, demo: None) -> Actions:
    """A student who joined the demo class session, in a browser of their own."""
    actions = Actions(app.test_client())
    assert actions.join("DEMO42", "Léa Dubois").status_code == 303
    return actions
