"""Cause B of issue 15 (and the fuzzer's finds): fragment endpoints called without HX-Request
answer a whole, correct page (or a 4xx), never a 500."""

from __future__ import annotations

from tests.web.test_prospection import BASE, PLAN


def test_campaign_estimate_without_htmx_renders_the_whole_page(student):
    student.client.get(f"{BASE}/fichier")
    response = student.post(f"{BASE}/campagne/estimation", PLAN)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<html" in html and 'id="plan-form"' in html and 'id="estimate"' in html


def test_campaign_estimate_with_htmx_stays_a_fragment(student):
    student.client.get(f"{BASE}/fichier")
    response = student.post(f"{BASE}/campagne/estimation", PLAN, htmx=True)
    assert response.status_code == 200
    assert "<html" not in response.get_data(as_text=True)


def test_quote_recalculation_without_htmx_is_not_a_500(student):
    student.client.get("/etudiant/devis")
    response = student.post("/etudiant/devis/calcul", {"payment_days": "30"})
    assert response.status_code < 500


def test_class_students_fragment_without_htmx_is_not_a_500(trainer, exam):
    import re

    sessions = trainer.client.get("/formateur/sessions").get_data(as_text=True)
    for session_id in set(re.findall(r"/formateur/sessions/(\d+)", sessions)):
        response = trainer.client.get(f"/formateur/sessions/{session_id}/etudiants")
        assert response.status_code < 500
