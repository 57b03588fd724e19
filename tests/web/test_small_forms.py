"""The login, join, class session and exam settings forms: pydantic models read by parse_form,
rendered by the `field` macro with the same HTML and the same French messages as before."""

from __future__ import annotations

from flask import Flask

from simulator.web.forms import FieldSpec, FormView, html_attributes
from tests.conftest import Actions


def test_attributes_are_sorted_and_booleans_are_bare() -> None:
    assert html_attributes(value='a "b"', required=True, id="x", disabled=False, max=None) == (
        'id="x" required value="a &#34;b&#34;"'
    )


def test_a_field_renders_its_constraints_and_never_echoes_a_password(app: Flask) -> None:
    specs = {
        "email": FieldSpec("E-mail", "email", {"maxlength": 254, "required": True}),
        "password": FieldSpec("Mot de passe", "password", {"maxlength": 200, "required": True}),
    }
    with app.test_request_context():
        form = FormView(specs, {"email": "a@b.fr", "password": "secret"}, {"email": "Non."})
        assert str(form.email(autocomplete="username")) == (
            '<input autocomplete="username" id="email" maxlength="254" name="email" required '
            'type="email" value="a@b.fr">'
        )
        assert 'value=""' in str(form.password()) and "secret" not in str(form.password())
        assert form.email.errors == ["Non."] and form.password.errors == []
        assert 'name="csrf_token" type="hidden"' in str(form.csrf_token)


def test_an_empty_login_says_both_fields_are_required(client) -> None:
    response = Actions(client).post("/connexion", {"email": "", "password": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert html.count('<small class="error">Ce champ est requis.</small>') == 2


def test_a_bad_email_and_a_long_password_are_refused_with_their_messages(client) -> None:
    response = Actions(client).post(
        "/connexion", {"email": "pas une adresse", "password": "x" * 300}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Adresse e-mail invalide." in html and 'value="pas une adresse"' in html
    assert "Le champ ne peut pas contenir plus de 200 caractères." in html
    assert "x" * 300 not in html


def test_a_one_letter_name_cannot_join_and_the_message_is_translated(client) -> None:
    actions = Actions(client)
    data = {"join_code": "DEMO42", "display_name": "a", "resume_code": ""}
    html = actions.post("/rejoindre", data).get_data(as_text=True)
    assert "La longueur du champ doit être comprise entre 2 et 80 caractères." in html
    actions.post("/langue/en")
    html = actions.post("/rejoindre", data).get_data(as_text=True)
    assert "Field must be between 2 and 80 characters long." in html


def test_a_session_needs_a_known_pack(app: Flask, trainer: Actions) -> None:
    response = trainer.post("/formateur/sessions", {"name": "Groupe B", "pack_slug": "inconnu"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "N&#39;est pas un choix valide." in html
    assert 'value="Groupe B"' in html
    ok = trainer.post("/formateur/sessions", {"name": "Groupe B", "mode": "exam", "pack_slug": ""})
    assert ok.status_code == 303


def test_exam_timings_must_be_numbers(app: Flask, trainer: Actions, exam: dict) -> None:
    from simulator.extensions import db
    from simulator.models import User

    with app.app_context():
        session_id = db.session.get(User, exam["student_id"]).class_session_id
    response = trainer.post(
        f"/formateur/sessions/{session_id}/reglages",
        {"exam_label": "E4", "negotiation_minutes": "abc", "interview_minutes": "31"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Ce champ est requis." in html
    assert "Le nombre doit être compris entre 0 et 30." in html
    zero = trainer.post(
        f"/formateur/sessions/{session_id}/reglages",
        {"exam_label": "E4", "negotiation_minutes": "20", "interview_minutes": "0"},
    )
    assert zero.status_code == 303


def test_the_preparation_sheet_keeps_only_what_was_filled_in() -> None:
    from types import SimpleNamespace

    from werkzeug.datastructures import MultiDict

    from simulator.engine.negotiation import vocabulary as voc
    from simulator.web.negotiation_forms import preparation_from_form

    theme = next(iter(voc.THEMES))
    setup = SimpleNamespace(enjeux=[SimpleNamespace(cle="remise_pct"), SimpleNamespace(cle="x")])
    form = MultiDict(
        [
            ("obj-ideal-remise_pct", "  3 "),
            ("obj-rupture-remise_pct", "8" * 1200),
            (f"q-{theme}", " Quels volumes ? "),
            ("arguments", "2"),
            ("arguments", "pas un nombre"),
            ("arguments", "5"),
            ("conc-donne-1", "délai"),
            ("couverture_risque", " acompte "),
        ]
    )
    assert preparation_from_form(form, setup) == {  # type: ignore[arg-type]
        "objectifs": {"remise_pct": {"ideal": "3", "realiste": "", "rupture": "8" * 1000}},
        "decouverte": {theme: "Quels volumes ?"},
        "arguments": ["2", "5"],
        "concessions": [{"donne": "délai", "contre": ""}],
        "couverture_risque": "acompte",
        "notes": "",
    }


def test_the_follow_up_needs_a_report_and_dated_actions() -> None:
    import pytest
    from werkzeug.datastructures import MultiDict

    from simulator.operations.errors import OperationError
    from simulator.web.negotiation_forms import follow_up_from_form

    with pytest.raises(OperationError, match="compte rendu"):
        follow_up_from_form(MultiDict({"compte_rendu": "  ", "action-0": "Relancer"}))
    with pytest.raises(OperationError, match="Relancer"):
        follow_up_from_form(MultiDict({"compte_rendu": "Vu.", "action-0": "Relancer"}))
    form = MultiDict({"compte_rendu": " Vu. ", "action-1": "Relancer", "date-1": "2026-12-01"})
    assert follow_up_from_form(form) == {
        "compte_rendu": "Vu.",
        "actions": [{"action": "Relancer", "date": "2026-12-01", "responsable": ""}],
    }


def test_a_forged_console_version_is_a_400(jury: Actions, exam: dict) -> None:
    for forged in ("abc", "-5", "1.5", str(2**40)):
        response = jury.post(
            exam["url"] + "/parametres", {"base_n": forged, "order.quantity": "12"}
        )
        assert response.status_code == 400, forged
    ok = jury.post(exam["url"] + "/parametres", {"base_n": " ", "order.quantity": "12"})
    assert ok.status_code != 400
