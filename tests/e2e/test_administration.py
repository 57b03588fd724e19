"""In Chromium: attempts kept across a new fiche; accounts, a student's data, closing and deleting."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import User
from tests.web.test_class_view import MOVES, negotiate
from tests.web.test_fiche import FORM

pytestmark = pytest.mark.e2e


def _login(browser, url: str, email: str, password: str):
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(url + "/")
    page.fill("#login input[name=email]", email)
    page.fill("#login input[name=password]", password)
    page.click("#login button[type=submit]")
    return page


def test_a_signed_deal_stays_an_attempt_after_a_fiche(
    app, live_server, demo, browser, screenshot, monkeypatch
):
    monkeypatch.setattr("simulator.operations.situations.secrets.randbelow", lambda _n: 7)
    student = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    student.goto(live_server + "/")
    student.fill("#join input[name=join_code]", "DEMO42")
    student.fill("#join input[name=display_name]", "Léa Dubois")
    student.click("#join button[type=submit]")
    student.wait_for_url(re.compile(r"/etudiant/$"))
    with app.app_context():  # attempt 1 with the seed the documented moves win on
        from simulator.operations.situations import ensure_student_situation

        lea = db.session.scalar(sa.select(User).where(User.display_name == "Léa Dubois"))
        db.session.execute(sa.text("DELETE FROM situation_version"))
        db.session.execute(sa.text("DELETE FROM situation"))
        ensure_student_situation(lea)
        db.session.commit()
    negotiate(app, "Léa Dubois", MOVES, {"compte_rendu": "Commande signée.", "actions": []})

    student.goto(live_server + "/etudiant/fiche")
    for name, value in FORM.items():
        if isinstance(value, list):
            for choice in value:
                student.locator(f'[name="{name}"][value="{choice}"]').check()
            continue
        field = student.locator(f'[name="{name}"]').first
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    student.locator('form.fiche-form [name="nouvelle_tentative"]').check()
    student.click("text=Enregistrer et travailler sur ma fiche")
    student.wait_for_url(re.compile(r"/etudiant/situation$"))

    student.goto(live_server + "/etudiant/")
    first = student.locator("#attempt-1").inner_text()
    assert "accord" in first and "/ 20" in first
    assert "Fromagerie des Aravis" in student.locator("#attempt-2").inner_text()
    screenshot(student, "student-attempts")
    student.click("#attempt-1 >> text=Ouvrir")
    assert student.locator("#read-only").count() == 1

    trainer = _login(browser, live_server, "formateur@negolab.test", "formateur-demo")
    trainer.wait_for_url(re.compile(r"/formateur/$"))
    trainer.click("#sessions >> text=démonstration")
    trainer.click("#class-view-link")
    trainer.click("text=2 tentatives")
    assert trainer.locator("#attempts-table tbody tr").count() == 2
    assert trainer.locator("#attempt-1").get_attribute("data-outcome") == "accord"


def test_a_trainer_administers_accounts_students_and_sessions(
    app, live_server, demo, browser, screenshot
):
    trainer = _login(browser, live_server, "formateur@negolab.test", "formateur-demo")
    trainer.wait_for_url(re.compile(r"/formateur/$"))
    trainer.click("nav >> text=Comptes")
    trainer.check("#account-form input[name=role][value=jury]")
    trainer.fill("#account-form input[name=email]", "marc@lycee.fr")
    trainer.fill("#account-form input[name=name]", "Marc Dupont")
    trainer.fill("#account-form input[name=password]", "court")
    trainer.click("#account-form button[type=submit]")
    assert "trop faible" in trainer.locator("#account-error").inner_text()
    trainer.fill("#account-form input[name=password]", "motdepasse42")
    trainer.click("#account-form button[type=submit]")
    trainer.wait_for_selector("#accounts >> text=marc@lycee.fr")
    screenshot(trainer, "trainer-accounts")
    juror = _login(browser, live_server, "marc@lycee.fr", "motdepasse42")
    juror.wait_for_url(re.compile(r"/jury/$"))

    student = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    student.goto(live_server + "/")
    student.fill("#join input[name=join_code]", "DEMO42")
    student.fill("#join input[name=display_name]", "Noé Blanc")
    student.click("#join button[type=submit]")
    student.wait_for_url(re.compile(r"/etudiant/$"))

    trainer.goto(live_server + "/formateur/")
    trainer.click("#sessions >> text=démonstration")
    session_url = trainer.url
    with trainer.expect_download() as download:
        trainer.click("#students >> text=données (ZIP)")
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert json.loads(archive.read("donnees.json"))["etudiant"]["nom"] == "Noé Blanc"

    trainer.click("#students >> text=retirer…")
    assert "1" in trainer.locator("#erase-counts").inner_text()
    trainer.check("#erase-form input[name=confirmation]")
    trainer.click("#erase-form button[type=submit]")
    trainer.wait_for_url(session_url)
    assert "effacé(e)" in trainer.locator(".flash").inner_text()
    with app.app_context():
        assert db.session.scalar(sa.select(User).where(User.display_name == "Noé Blanc")) is None

    trainer.click("#close-form button")
    assert "fermée" in trainer.locator("#session-admin").inner_text()
    student.goto(live_server + "/")
    newcomer = browser.new_context().new_page()
    newcomer.goto(live_server + "/")
    newcomer.fill("#join input[name=join_code]", "DEMO42")
    newcomer.fill("#join input[name=display_name]", "Tom")
    newcomer.click("#join button[type=submit]")
    assert "/etudiant/" not in newcomer.url

    trainer.click("#delete-link")
    assert "étudiant" in trainer.locator("#delete-counts").inner_text()
    trainer.fill("#delete-form input[name=confirmation]", "DEMO42")
    trainer.click("#delete-form button[type=submit]")
    trainer.wait_for_url(re.compile(r"/formateur/$"))
    assert "supprimée" in trainer.locator(".flash").inner_text()
    assert trainer.locator("#sessions >> text=démonstration").count() == 0
