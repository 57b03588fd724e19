"""Issue 15 (first part): headers, safe redirects, input bounds, YAML bomb, DB-down page, CSV, htmx."""

from __future__ import annotations

import io
import time

import pytest
from sqlalchemy.exc import OperationalError

from simulator import create_app
from simulator.operations.csv_safe import neutralise

BOMB = (
    b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    b"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
)


def test_security_headers_on_every_page(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self';" in csp
    assert "unsafe-inline" not in csp.split("style-src")[0]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers


def test_hsts_only_with_secure_cookies(app):
    app.config["SESSION_COOKIE_SECURE"] = True
    try:
        assert "max-age=" in app.test_client().get("/").headers["Strict-Transport-Security"]
    finally:
        app.config["SESSION_COOKIE_SECURE"] = False


@pytest.mark.parametrize(
    "target",
    [
        "/\t/evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "https://evil.example/",
        "/\n/evil.example",
    ],
)
def test_language_switch_never_leaves_the_site(client, demo, target):
    from tests.conftest import Actions

    response = Actions(client).post("/langue/en", {"next": target})
    assert response.status_code == 303 and response.location == "/"


def test_login_follows_a_local_next_only(client, demo):
    from tests.conftest import Actions

    actions = Actions(client)
    ok = actions.post(
        "/connexion",
        {"email": "formateur@negolab.test", "password": "formateur-demo", "next": "/formateur/"},
    )
    assert ok.location == "/formateur/"
    actions.post("/deconnexion")
    evil = actions.post(
        "/connexion",
        {
            "email": "formateur@negolab.test",
            "password": "formateur-demo",
            "next": "/\t/evil.example/",
        },
    )
    assert evil.status_code == 303 and "evil" not in evil.location


@pytest.mark.parametrize(
    "path",
    [
        "/formateur/sessions/2147483648",
        "/formateur/sessions/0",
        "/formateur/sessions/99999999999999999999",
        "/formateur/sessions/2147483648/etudiants",
    ],
)
def test_ids_beyond_the_database_range_are_404(trainer, path):
    assert trainer.client.get(path).status_code == 404


def test_bounded_query_and_form_integers(trainer, exam, jury):
    url = exam["url"]
    assert jury.client.get(f"{url}/comparer?de=2147483648&a=0").status_code == 400
    assert jury.client.get(f"{url}/comparer?de=%C2%B2&a=0").status_code == 400
    assert jury.post(f"{url}/remise", {"version": "9" * 400}).status_code == 400
    session_url = trainer.client.get("/formateur/").get_data(as_text=True)
    assert session_url


def test_control_characters_are_a_french_400(client, demo):
    from tests.conftest import Actions

    response = Actions(client).post("/connexion", {"email": "a\x00@b.fr", "password": "x"})
    assert response.status_code == 400
    assert "Caractère de contrôle refusé" in response.get_data(as_text=True)
    assert client.get("/?q=a%00b").status_code == 400


def test_oversized_body_is_a_french_413(app, student):
    app.config["MAX_CONTENT_LENGTH"] = 4096
    try:
        response = student.post(
            "/etudiant/fiche/import",
            {"file": (io.BytesIO(b"#" * 10_000), "gros.yaml")},
            content_type="multipart/form-data",
        )
    finally:
        app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
    assert response.status_code == 413
    assert "trop volumineux" in response.get_data(as_text=True)


@pytest.mark.parametrize("typed", ["1e30", "9" * 5000, "²", "1" * 30])
def test_quote_recalculation_bounds_numbers(student, typed):
    page = student.client.get("/etudiant/devis").get_data(as_text=True)
    import re

    key = re.search(r'name="line_key" value="(\w+)"', page).group(1)
    response = student.post(
        "/etudiant/devis/calcul",
        {"line_key": key, f"quantity-{key}": typed, "payment_days": "30", "validity_days": "30"},
        htmx=True,
    )
    assert response.status_code in (200, 422)
    assert len(response.get_data()) < 200_000


def test_yaml_bomb_refused_quickly_with_a_small_response(student):
    assert len(BOMB) < 600
    started = time.monotonic()
    response = student.post(
        "/etudiant/fiche/import",
        {"file": (io.BytesIO(BOMB), "bombe.yaml")},
        content_type="multipart/form-data",
    )
    assert time.monotonic() - started < 2
    assert response.status_code == 422
    assert len(response.get_data()) < 60_000
    assert "alias" in response.get_data(as_text=True)


def test_fiche_import_with_an_impossible_date_is_a_french_error(student):
    response = student.post(
        "/etudiant/fiche/import",
        {"file": (io.BytesIO(b"vendeur:\n  name: 2026-02-30\n"), "f.yaml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "date invalide : 2026-02-30" in response.get_data(as_text=True)


def test_error_page_works_with_the_database_down(database_url):
    broken = create_app(
        {
            "TESTING": True,
            "PROPAGATE_EXCEPTIONS": False,
            "SECRET_KEY": "tests-only-secret",
            "SQLALCHEMY_DATABASE_URI": "sqlite:////nonexistent-dir/none.db",
        }
    )

    @broken.get("/boom")
    def boom():
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    client = broken.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = "1"  # a logged-in user whom nobody can load
    for path in ("/boom",):
        response = client.get(path)
        body = response.get_data(as_text=True)
        assert response.status_code == 500, path
        assert (
            "Erreur interne" in body and "Traceback" not in body and "OperationalError" not in body
        )


def test_csv_cells_never_start_a_formula():
    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert [neutralise(v) for v in ("+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx")] == [
        "'+1+cmd",
        "'-2+3",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
    ]
    assert neutralise("-12,5") == "-12,5" and neutralise("Léa") == "Léa" and neutralise(3) == 3


def test_results_csv_neutralises_a_student_name(app, trainer):
    import re

    from tests.conftest import Actions

    created = trainer.post(
        "/formateur/sessions",
        {"name": "CSV", "mode": "practice", "pack_slug": "materiel-electrique"},
    )
    page = trainer.client.get(created.location).get_data(as_text=True)
    code = re.search(r'id="join-code">(\w+)<', page).group(1)
    Actions(app.test_client()).join(code, "=cmd|' /C calc'!A0")
    for export in ("resultats.csv", "resultats-international.csv", "grilles.csv"):
        body = trainer.client.get(f"{created.location}/{export}").get_data(as_text=True)
        assert "=cmd" in body and "\n=cmd" not in body and ";=cmd" not in body, export
        assert "'=cmd" in body, export


@pytest.mark.parametrize("path", ["/rejoindre", "/connexion"])
def test_htmx_post_to_a_page_route_renders_its_fragment(client, demo, path):
    from tests.conftest import Actions

    response = Actions(client).post(path, {}, htmx=True)
    assert response.status_code == 400
    assert "<form" in response.get_data(as_text=True)


def test_htmx_get_of_trainer_sessions_renders_its_fragment(trainer):
    response = trainer.client.get("/formateur/", headers={"HX-Request": "true"})
    assert response.status_code == 200 and "<html" not in response.get_data(as_text=True)


def test_expired_session_on_an_htmx_poll_sends_the_browser_to_login(client, demo):
    response = client.get(
        "/formateur/sessions/1/etudiants",
        headers={"HX-Request": "true", "HX-Current-URL": "http://localhost/formateur/sessions/1"},
    )
    assert response.status_code == 401
    assert response.headers["HX-Redirect"] == "/?next=/formateur/sessions/1"
    plain = client.get("/formateur/sessions/1")
    assert plain.status_code == 302 and plain.location == "/?next=/formateur/sessions/1"
