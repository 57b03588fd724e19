"""The student's fiche descriptive: form, YAML import, and the situation every page works on."""

from __future__ import annotations

import io

import sqlalchemy as sa
import yaml

from simulator.extensions import db
from simulator.models import Situation

FORM = {
    "vendeur.name": "Rexel Annecy",
    "vendeur.city": "Annecy",
    "client.raison_sociale": "Fromagerie des Aravis",
    "client.siren": "381 590 835",
    "client.naf": "10.51C",
    "client.city": "Thônes",
    "client.postcode": "74230",
    "client.headcount": "48",
    "contacts.0.name": "Julie Perrin",
    "contacts.0.job_title": "Responsable achats",
    "contacts.0.role": "acheteur",
    "contacts.0.persona": "analytique",
    "contacts.0.motivations": ["argent", "securite"],
    "lines.0.ref": "LED-HB-100",
    "lines.0.designation": "Projecteur LED 100 W IP65",
    "lines.0.quantity": "40",
    "lines.0.list_price_ht": "145,00",
    "lines.0.purchase_cost_ht": "92",
    "lines.0.vat_rate": "20",
    "conditions.payment_days": "45",
    "conditions.delivery_weeks": "3",
    "concurrent.name": "Sonepar",
    "concurrent.price_index": "94",
    "objectifs.target_discount_max_pct": "12",
    "objectifs.budget_ht": "5 500",
    "constraints": "Intervention hors production\nNorme IP65 en zone de lavage",
}

YAML = {
    "vendeur": {"name": "Sonepar Lyon", "city": "Lyon"},
    "client": {
        "raison_sociale": "Chocolaterie Bernachon",
        "siren": "381590835",
        "naf": "10.82Z",
        "city": "Lyon",
        "postcode": "69006",
        "headcount": 60,
    },
    "contacts": [
        {
            "name": "Paul Roche",
            "job_title": "Acheteur",
            "role": "acheteur",
            "persona": "aimable",
            "motivations": ["sympathie"],
        }
    ],
    "lines": [
        {
            "ref": "TAB-01",
            "designation": "Tableau divisionnaire",
            "quantity": 2,
            "list_price_ht": 900,
            "purchase_cost_ht": 600,
            "vat_rate": 20,
        }
    ],
    "conditions": {"payment_days": 30, "delivery_weeks": 2},
    "concurrent": {"name": "Rexel", "price_index": 97},
    "constraints": ["Travaux en août"],
    "objectifs": {"target_discount_max_pct": 8, "budget_ht": 1700},
}


def _fiches(app):
    """The snapshots of the stored fiche situations."""
    with app.app_context():
        return [
            s.snapshot
            for s in db.session.scalars(sa.select(Situation).where(Situation.origin == "fiche"))
        ]


def test_student_posts_the_form_and_works_on_the_fiche(app, student):
    page = student.client.get("/etudiant/fiche")
    assert page.status_code == 200
    assert "Ma fiche descriptive" in page.get_data(as_text=True)
    response = student.post("/etudiant/fiche", FORM)
    assert response.status_code == 303
    assert response.location.endswith("/etudiant/situation")
    html = student.client.get("/etudiant/situation").get_data(as_text=True)
    assert "Fromagerie des Aravis" in html
    (stored,) = _fiches(app)
    assert stored["client"]["budget_ht"] == "5500.00"
    assert stored["need"]["constraints"] == [
        "Intervention hors production",
        "Norme IP65 en zone de lavage",
    ]
    for path in ("/etudiant/", "/etudiant/devis", "/etudiant/risque"):
        shown = student.client.get(path)
        assert shown.status_code == 200, path
        assert "Fromagerie des Aravis" in shown.get_data(as_text=True), path


def test_bad_siren_gives_a_french_error_and_keeps_the_input(app, student):
    response = student.post("/etudiant/fiche", {**FORM, "client.siren": "381590836"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "la clé de contrôle (algorithme de Luhn) ne correspond pas" in html
    assert 'value="381590836"' in html
    assert 'value="Fromagerie des Aravis"' in html
    assert _fiches(app) == []


def test_payment_days_over_60_refused_next_to_the_field(student):
    response = student.post("/etudiant/fiche", {**FORM, "conditions.payment_days": "90"})
    assert response.status_code == 422
    assert 'id="err-conditions-payment_days"' in response.get_data(as_text=True)


def test_yaml_import_creates_the_situation(app, student):
    raw = yaml.safe_dump(YAML, allow_unicode=True).encode()
    response = student.post(
        "/etudiant/fiche/import",
        {"file": (io.BytesIO(raw), "fiche.yaml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    assert "Chocolaterie Bernachon" in student.client.get("/etudiant/situation").get_data(
        as_text=True
    )
    (stored,) = _fiches(app)
    assert stored["buyer"]["name"] == "Paul Roche"


def test_yaml_import_errors_carry_the_field_path(app, student):
    bad = {**YAML, "conditions": {"payment_days": 75, "delivery_weeks": 2}}
    raw = yaml.safe_dump(bad, allow_unicode=True).encode()
    response = student.post(
        "/etudiant/fiche/import",
        {"file": (io.BytesIO(raw), "fiche.yaml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "conditions.payment_days" in html and "inférieure ou égale à 60" in html
    too_big = student.post(
        "/etudiant/fiche/import",
        {"file": (io.BytesIO(b"#" * (101 * 1024)), "gros.yaml")},
        content_type="multipart/form-data",
    )
    assert "trop volumineux" in too_big.get_data(as_text=True)
    broken = student.post(
        "/etudiant/fiche/import",
        {"file": (io.BytesIO(b"a: [1, 2"), "x.yaml")},
        content_type="multipart/form-data",
    )
    assert "YAML illisible" in broken.get_data(as_text=True)
    assert _fiches(app) == []


def test_staff_get_403(trainer, jury):
    assert trainer.client.get("/etudiant/fiche").status_code == 403
    assert jury.client.get("/etudiant/fiche").status_code == 403


def test_jury_console_opens_and_modifies_the_candidates_fiche(app, jury, exam):
    candidate = exam["candidate"]
    # the candidate already works on a generated situation: the fiche starts a new attempt,
    # which must be confirmed, and the generated one is kept
    refused = candidate.post("/etudiant/fiche", FORM)
    assert refused.status_code == 422
    assert "Commencer une nouvelle tentative" in refused.get_data(as_text=True)
    assert (
        candidate.post("/etudiant/fiche", {**FORM, "nouvelle_tentative": "oui"}).status_code == 303
    )
    html = jury.client.get(exam["url"]).get_data(as_text=True)
    assert "Fromagerie des Aravis" in html
    response = jury.post(exam["url"] + "/parametres", {"base_n": "0", "client.budget_ht": "4000"})
    assert response.status_code == 303
    with app.app_context():
        situation = db.session.scalar(
            sa.select(Situation)
            .where(Situation.student_id == exam["student_id"])
            .order_by(Situation.id.desc())
            .limit(1)
        )
        assert situation.origin == "fiche"
        assert len(situation.versions) == 2


def test_the_negotiation_room_runs_on_the_fiche(student):
    from tests.web.test_negotiation_room import move, start

    assert student.post("/etudiant/fiche", FORM).status_code == 303
    nid = start(student)
    html = student.client.get(f"/etudiant/negociation/{nid}/salle").get_data(as_text=True)
    assert "Julie Perrin" in html
    assert move(student, nid, type="question", theme="besoin").status_code == 200
