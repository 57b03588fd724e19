"""In Chromium, three browsers: two jury members and a candidate, from the console to the signed grid."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import ClassSession, ClassSessionJury, Role, SessionMode, User
from simulator.operations.accounts import create_staff
from tests.e2e.test_negotiation_flow import play

pytestmark = pytest.mark.e2e
VIEW = {"width": 1366, "height": 900}


def exam_session(app) -> str:
    """An exam session on the electrical pack with two jury members on its board; its join code."""
    with app.app_context():
        second = create_staff("jury2@negolab.test", "jury2-demo-pass", "Nadia Roux", Role.JURY)
        first = db.session.scalar(sa.select(User).where(User.email == "jury@negolab.test"))
        trainer = db.session.scalar(sa.select(User).where(User.role == Role.TRAINER))
        session = ClassSession(
            name="E4 juin",
            mode=SessionMode.EXAM,
            join_code="EXAM42",
            trainer_id=trainer.id,
            pack_slug="materiel-electrique",
        )
        db.session.add(session)
        db.session.flush()
        for member in (first, second):
            db.session.add(ClassSessionJury(class_session_id=session.id, user_id=member.id))
        db.session.commit()
    return "EXAM42"


def login(browser, url: str, email: str, password: str):
    page = browser.new_context(viewport=VIEW).new_page()
    page.goto(url + "/")
    page.fill("#login input[name=email]", email)
    page.fill("#login input[name=password]", password)
    page.click("#login button[type=submit]")
    page.wait_for_url(re.compile(r"/jury/$"))
    return page


def test_two_jurors_and_a_candidate_from_the_console_to_the_signed_grid(
    app, live_server, demo, browser, screenshot
):
    code = exam_session(app)
    candidate = browser.new_context(viewport=VIEW).new_page()
    candidate.goto(live_server + "/")
    candidate.fill("#join input[name=join_code]", code)
    candidate.fill("#join input[name=display_name]", "Camille Petit")
    candidate.click("#join button[type=submit]")
    candidate.wait_for_url(re.compile(r"/etudiant/$"))

    # the first juror modifies two parameters and hands the version over
    jury = login(browser, live_server, "jury@negolab.test", "jury-demo")
    jury.click("tr:has-text('Camille Petit') >> text=Ouvrir la console")
    jury.wait_for_url(re.compile(r"/jury/candidats/\d+$"))
    console = jury.url
    jury.fill('input[name="client.budget_ht"]', "4000")
    jury.fill('input[name="order.quantity"]', "30")
    jury.fill("#console input[name=reason]", "Budget serré et quantité revue")
    jury.click("#console button[type=submit]")
    jury.wait_for_selector("#historique >> text=Budget serré et quantité revue")
    screenshot(jury, "jury-console")
    jury.fill("#remise input[name=preparation_minutes]", "10")
    jury.click("#remise button[type=submit]")
    jury.wait_for_selector("#remise .alert-ok")

    # before the start: the simulated buyer, every objection guaranteed
    jury.goto(console + "/negociation")
    for box in jury.locator("input[name=garanties]").all():
        box.check()
    jury.click("#live-settings button[type=submit]")
    jury.wait_for_selector("#live-status")

    # the candidate prepares, then negotiates
    candidate.goto(live_server + "/etudiant/situation")
    candidate.goto(live_server + "/etudiant/negociation")
    candidate.wait_for_url(re.compile(r"/preparation$"))
    candidate.fill("input[name=q-besoin]", "Quel usage et quels problèmes aujourd'hui ?")
    candidate.click("#start-negotiation")
    candidate.wait_for_url(re.compile(r"/salle$"))
    jury.wait_for_selector(
        "#jury-live", timeout=10000
    )  # the waiting page reloads itself at the start
    play(candidate, "question", theme="besoin", texte="Quel est votre besoin ?")

    # the second juror watches live: new turns arrive without reloading
    watcher = login(browser, live_server, "jury2@negolab.test", "jury2-demo-pass")
    watcher.goto(console + "/negociation")
    watcher.wait_for_selector("#turn-1")
    watcher.evaluate("window.__same_page = true")
    for theme in ("criteres", "budget", "concurrence"):
        play(candidate, "question", theme=theme, texte="Pouvez-vous m'en dire plus ?")
    watcher.wait_for_selector("#turn-4", timeout=10000)
    assert watcher.evaluate("window.__same_page") is True
    assert "soulevée au tour" in watcher.locator("#objection-checklist").inner_text()

    # a jury event applies at the candidate's next move and shows in their exchange
    jury.goto(console + "/negociation")
    jury.click("#live-events button:has-text('offre concurrente')")
    jury.wait_for_url(re.compile(r"/negociation$"))
    play(candidate, "reformulation", texte="Si je vous comprends bien, le prix compte beaucoup.")
    assert "offre concurrente" in candidate.locator("#transcript").inner_text()
    watcher.wait_for_selector("#turn-5", timeout=10000)
    watcher.wait_for_selector(".neg-notice")
    screenshot(watcher, "jury-live")
    assert candidate.locator("text=Fiche de l’acheteur").count() == 0
    assert candidate.locator(".neg-why").count() == 0

    candidate.select_option("#f-type", "rupture")
    candidate.click("#play-move")
    candidate.wait_for_selector("#neg-over")

    # the grid: the interview questions, a mark per criterion, reconciled, signed, exported
    jury.goto(console + "/grille")
    assert jury.locator("#entretien li").count() >= 1
    for row in jury.locator("#ma-grille tr[id^=critere-]").all():
        row.locator("input[type=radio]").nth(2).check()
    jury.fill("#ma-grille textarea[name=valeur_ajoutee]", "Conseil pertinent sur l'éclairage LED.")
    jury.click("#ma-grille button[type=submit]")
    jury.wait_for_url(re.compile(r"/grille#commission$"))
    jury.click("#commission button:has-text('Concilier')")
    jury.wait_for_selector("#commission form.grid-form")
    jury.click("#commission button:has-text('Signer')")
    jury.wait_for_selector("#commission .alert-ok")
    screenshot(jury, "jury-grid")
    pdf = jury.request.get(console + "/grille.pdf")
    assert pdf.status == 200 and pdf.headers["content-type"].startswith("application/pdf")
