"""In Chromium: a trainer opens a class session, a student joins it, each sees their own page."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.e2e


def test_trainer_opens_a_session_and_a_student_joins_it(live_server, demo, browser, screenshot):
    trainer = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    trainer.goto(live_server + "/")
    trainer.fill("#login input[name=email]", "formateur@negolab.test")
    trainer.fill("#login input[name=password]", "formateur-demo")
    trainer.click("#login button[type=submit]")
    trainer.wait_for_url(re.compile(r"/formateur/$"))
    assert trainer.locator("h1").inner_text() == "Bonjour Claire Martin"

    trainer.fill("input[name=name]", "BTS CCST 2 — groupe A")
    trainer.check("input[name=mode][value=practice]")
    trainer.click("text=Créer la session")
    trainer.wait_for_url(re.compile(r"/formateur/sessions/\d+$"))
    code = trainer.locator("#join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{6}", code)

    student = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    student.goto(live_server + "/")
    student.fill("#join input[name=join_code]", code)
    student.fill("#join input[name=display_name]", "Inès Moreau")
    student.click("#join button[type=submit]")
    student.wait_for_url(re.compile(r"/etudiant/$"))
    assert "BTS CCST 2 — groupe A" in student.locator(".session-name").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{6}", student.locator("#resume-code").inner_text().strip())
    assert student.locator("text=Mes sessions de classe").count() == 0
    screenshot(student, "student-dashboard")

    # the trainer's list refreshes itself over htmx: no reload here
    trainer.wait_for_selector("#students >> text=Inès Moreau", timeout=12000)
    screenshot(trainer, "trainer-session")
    trainer.goto(live_server + "/formateur/")
    assert "BTS CCST 2 — groupe A" in trainer.locator("#sessions").inner_text()
    screenshot(trainer, "trainer-dashboard")

    # the student cannot open the trainer's pages
    response = student.goto(live_server + "/formateur/")
    assert response.status == 403 and "Accès refusé" in student.content()


def test_jury_member_logs_in_and_can_switch_to_english(live_server, demo, browser, screenshot):
    page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    page.goto(live_server + "/")
    page.fill("#login input[name=email]", "jury@negolab.test")
    page.fill("#login input[name=password]", "jury-demo")
    page.click("#login button[type=submit]")
    page.wait_for_url(re.compile(r"/jury/$"))
    assert "Commission d’évaluation" in page.locator("h1").inner_text()
    screenshot(page, "jury-dashboard")
    page.click("button.lang >> text=EN")
    page.wait_for_selector("h1 >> text=Examination board")
    page.click("text=Log out")
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("#login").count() == 1
