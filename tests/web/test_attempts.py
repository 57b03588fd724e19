"""Attempts are never overwritten: a signed deal, then a CRM opportunity, then a fiche (issue 14)."""

from __future__ import annotations

import csv
import io
import re

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import Situation
from tests.web.test_class_view import MOVES, negotiate, seeded  # noqa: F401  (fixture)
from tests.web.test_fiche import FORM
from tests.web.test_opportunity_negotiation import _advance
from tests.web.test_prospection import BASE, _opportunity
from tests.web.test_quotes import issue


def _three_attempts(app, student) -> str:
    """Léa issues a quote and signs a deal, then negotiates a CRM lead, then enters her fiche."""
    assert student.client.get("/etudiant/").status_code == 200  # attempt 1 is generated
    location = issue(student)
    number = re.search(r"D-\d{4}-\d{4}", student.client.get(location).get_data(as_text=True)).group(
        0
    )
    negotiate(app, "Léa Dubois", MOVES, {"compte_rendu": "Commande signée.", "actions": []})
    opp = _opportunity(student, app)
    _advance(student, opp, ["rdv_planifie", "decouverte", "proposition"])
    confirm = {"nouvelle_tentative": "oui"}
    assert student.post(f"{BASE}/pipeline/{opp.id}/negocier", confirm).status_code == 303
    assert student.post("/etudiant/fiche", {**FORM, **confirm}).status_code == 303
    return number


def test_three_attempts_are_kept_for_the_student_the_trainer_and_the_csv(
    app,
    student,
    trainer,
    seeded,  # noqa: F811
):
    number = _three_attempts(app, student)
    with app.app_context():
        rows = db.session.execute(
            sa.select(Situation.attempt, Situation.origin).order_by(Situation.id)
        ).all()
    assert [tuple(r) for r in rows] == [(1, "generated"), (2, "opportunite"), (3, "fiche")]

    # the student lists all three, the signed one with its outcome and mark
    page = student.client.get("/etudiant/").get_data(as_text=True)
    first = re.search(r'<tr id="attempt-1">.*?</tr>', page, re.DOTALL).group(0)
    assert "accord" in first and "/ 20" in first and "€" in first
    assert 'id="attempt-2"' in page and 'id="attempt-3"' in page
    # and reopens the first one read-only, with its quote and its debrief
    old = student.client.get("/etudiant/tentatives/1").get_data(as_text=True)
    assert 'id="read-only"' in old and number in old and "/debrief" in old
    current = student.client.get("/etudiant/tentatives/3").get_data(as_text=True)
    assert 'id="read-only"' not in current and "Fromagerie des Aravis" in current
    assert student.client.get("/etudiant/tentatives/4").status_code == 404

    # the trainer sees the latest attempt with the count, and drills down to all three
    html = trainer.client.get("/formateur/").get_data(as_text=True)
    session_url = re.search(r'href="(/formateur/sessions/\d+)"', html).group(1)
    table = trainer.client.get(session_url + "/classe").get_data(as_text=True)
    assert "3 tentatives" in table
    assert 'class="dot ' in table  # the signed deal stays on the class chart
    drill = re.search(r'href="(/formateur/sessions/\d+/classe/etudiants/\d+)"', table).group(1)
    detail = trainer.client.get(drill).get_data(as_text=True)
    assert detail.count('<tr id="attempt-') == 3
    assert re.search(r'<tr id="attempt-1" data-outcome="accord">', detail)
    assert number in detail

    # the CSV has one row per attempt; the quote stays with the attempt it was made on
    text = trainer.client.get(session_url + "/resultats.csv").get_data(as_text=True)
    lines = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    head, body = lines[0], [dict(zip(lines[0], r, strict=True)) for r in lines[1:]]
    lea = [r for r in body if r["Étudiant"] == "Léa Dubois"]
    assert [r["Tentative"] for r in lea] == ["1", "2", "3"]
    assert lea[0]["Résultat"] == "accord" and lea[0]["Devis émis"] == number
    assert lea[1]["Devis émis"] == "" and lea[2]["Devis émis"] == ""
    assert lea[2]["Client"] == "Fromagerie des Aravis"
    assert "Tentative" in head


def test_another_students_attempt_does_not_exist(app, student, trainer):
    assert student.client.get("/etudiant/").status_code == 200
    other = type(student)(app.test_client())
    assert other.join("DEMO42", "Hugo Petit").status_code == 303
    assert other.client.get("/etudiant/tentatives/1").status_code == 404  # none of his own yet
