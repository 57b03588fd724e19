"""In Chromium: every main page at 375 px without horizontal scroll, and axe-core (WCAG 2.1 A/AA)
without critical or serious violation, for each role; README screenshots of the room and the quote."""

from __future__ import annotations

import re

import pytest

from tests.e2e.audit import assert_fits, axe_violations, describe
from tests.e2e.test_jury_flow import trainer_builds_the_board
from tests.e2e.test_negotiation_flow import play
from tests.e2e.waiting import wait_until

pytestmark = pytest.mark.e2e
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


class Audit:
    """Collects every page's findings, so one run names all the offenders at once."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fits(self, page, label: str) -> None:
        try:
            assert_fits(page, label)
        except AssertionError as exc:
            self.problems.append(str(exc))
            print(exc)

    def axe(self, page, label: str) -> None:
        found = axe_violations(page)
        if found:
            self.problems.append(f"{label} (axe) : {describe(found)}")
            print(self.problems[-1])

    def check(self) -> None:
        assert not self.problems, "\n\n".join(self.problems)


def join(browser, url: str, viewport: dict, code: str = "DEMO42", name: str = "Léa Fontaine"):
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(url + "/")
    page.fill("#join input[name=join_code]", code)
    page.fill("#join input[name=display_name]", name)
    page.click("#join button[type=submit]")
    page.wait_for_url(re.compile(r"/etudiant/$"))
    return page


def staff(browser, url: str, viewport: dict, email: str, password: str, home: str):
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(url + "/")
    page.fill("#login input[name=email]", email)
    page.fill("#login input[name=password]", password)
    page.click("#login button[type=submit]")
    page.wait_for_url(re.compile(home))
    return page


STUDENT_PAGES = {
    "tableau de bord": "/etudiant/",
    "situation": "/etudiant/situation",
    "devis": "/etudiant/devis",
    "analyse du risque": "/etudiant/risque",
    "prospection": "/etudiant/prospection",
    "fichier de prospection": "/etudiant/prospection/fichier",
    "ciblage": "/etudiant/prospection/ciblage",
    "pipeline": "/etudiant/prospection/pipeline",
    "fiche": "/etudiant/fiche",
}


def test_student_pages_fit_a_phone_and_pass_axe(live_server, demo, browser, screenshot):
    audit = Audit()
    phone = join(browser, live_server, PHONE)
    desktop = join(browser, live_server, DESKTOP, name="Hugo Bernard")
    for label, path in STUDENT_PAGES.items():
        phone.goto(live_server + path)
        audit.fits(phone, f"{label} à 375 px")
        desktop.goto(live_server + path)
        audit.fits(desktop, f"{label} à 1280 px")
        audit.axe(desktop, label)
        audit.axe(phone, f"{label} à 375 px")
    # the student's nav holds on one line at 1280 px
    nav = desktop.evaluate(
        "() => { const tops = [...document.querySelectorAll('.topnav a')].map(a => a.getBoundingClientRect().top);"
        " return new Set(tops.map(Math.round)).size; }"
    )
    if nav != 1:
        audit.problems.append(f"la navigation tient sur {nav} lignes à 1280 px")
    # on a phone the nav folds behind a « Menu » button; the first Tab reaches the skip link
    phone.goto(live_server + "/etudiant/situation")
    assert phone.locator("#topnav").is_hidden()
    assert phone.locator(".account .who").is_visible()
    phone.click("[data-menu-toggle]")
    assert phone.locator("#topnav a", has_text="Mon devis").is_visible()
    assert phone.get_attribute("[data-menu-toggle]", "aria-expanded") == "true"
    phone.goto(live_server + "/etudiant/situation")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.className") == "skip-link"
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"
    phone.goto(live_server + "/etudiant/devis")
    screenshot(phone, "quote-375")
    desktop.goto(live_server + "/etudiant/devis")
    screenshot(desktop, "quote-1280")

    # the room (one question played), then the end page and the debrief
    for page in (phone, desktop):
        page.goto(live_server + "/etudiant/negociation")
        page.wait_for_url(re.compile(r"/preparation$"))
        audit.fits(page, f"préparation à {page.viewport_size['width']} px")
        page.fill("input[name=q-besoin]", "Quel usage et quels problèmes aujourd'hui ?")
        page.click("#start-negotiation")
        page.wait_for_url(re.compile(r"/salle$"))
        play(page, "question", theme="besoin", texte="Pouvez-vous m'en dire plus ?")
        # after the move: focus back on the composer, the buyer's reply announced (aria-live)
        wait_until(page, "document.activeElement && document.activeElement.id === 'f-type'")
        announced = page.inner_text("#neg-announce")
        reply = page.locator("#transcript .neg-buyer .neg-said").last.inner_text()
        assert announced.startswith("Réplique de l’acheteur") and reply in announced
        # the clock stays in view while the exchange scrolls
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        top = page.evaluate("document.getElementById('clock').getBoundingClientRect().top")
        assert 0 <= top < page.viewport_size["height"], top
        label = f"salle à {page.viewport_size['width']} px"
        audit.fits(page, label)
        audit.axe(page, label)
    screenshot(phone, "negotiation-room-375")
    screenshot(desktop, "negotiation-room-1280")
    for page in (phone, desktop):
        page.select_option("#f-type", "rupture")
        page.click("#play-move")
        page.wait_for_selector("#neg-over")
        page.goto(page.url.replace("/salle", "/fin"))
        label = f"fin d'entretien à {page.viewport_size['width']} px"
        audit.fits(page, label)
        audit.axe(page, label)
        page.fill("textarea[name=compte_rendu]", "Entretien interrompu : besoin à requalifier.")
        page.click("#save-follow-up")
        page.wait_for_url(re.compile(r"/debrief$"))
        label = f"débriefing à {page.viewport_size['width']} px"
        audit.fits(page, label)
        audit.axe(page, label)
    audit.check()


def test_trainer_pages_fit_a_phone_and_pass_axe(live_server, demo, browser):
    audit = Audit()
    student = join(browser, live_server, DESKTOP)  # so the class view has a row with its steps
    student.goto(live_server + "/etudiant/devis")
    pages = [
        staff(browser, live_server, v, "formateur@negolab.test", "formateur-demo", r"/formateur/$")
        for v in (PHONE, DESKTOP)
    ]
    desktop = pages[1]
    session = desktop.locator("main a[href*='/formateur/sessions/']").first.get_attribute("href")
    desktop.goto(live_server + "/formateur/packs")
    pack = desktop.locator("main a[href*='/formateur/packs/'][href*='/v']").first.get_attribute(
        "href"
    )
    paths = {
        "tableau de bord formateur": "/formateur/",
        "vue de la classe": session + "/classe",
        "packs": "/formateur/packs",
        "éditeur de pack": pack + "/modifier",
    }
    for page in pages:
        width = page.viewport_size["width"]
        for label, path in paths.items():
            page.goto(live_server + path if path.startswith("/") and "://" not in path else path)
            audit.fits(page, f"{label} à {width} px")
            audit.axe(page, f"{label} à {width} px")
    audit.check()


def test_jury_pages_fit_a_phone_and_pass_axe(app, live_server, demo, browser):
    audit = Audit()
    code, jurors = trainer_builds_the_board(browser, live_server)
    email, password = jurors[0]
    candidate = join(browser, live_server, DESKTOP, code=code, name="Camille Petit")
    phone, desktop = (
        staff(browser, live_server, v, email, password, r"/jury/$") for v in (PHONE, DESKTOP)
    )
    for page in (phone, desktop):
        audit.fits(page, f"tableau de bord du jury à {page.viewport_size['width']} px")
        audit.axe(page, f"tableau de bord du jury à {page.viewport_size['width']} px")
    desktop.click("tr:has-text('Camille Petit') >> text=Ouvrir la console")
    desktop.wait_for_url(re.compile(r"/jury/candidats/\d+$"))
    console = desktop.url
    candidate.goto(live_server + "/etudiant/negociation")
    candidate.wait_for_url(re.compile(r"/preparation$"))
    candidate.click("#start-negotiation")
    candidate.wait_for_url(re.compile(r"/salle$"))
    play(candidate, "question", theme="besoin", texte="Quel est votre besoin ?")
    for page in (phone, desktop):
        width = page.viewport_size["width"]
        for label, path in (("console", ""), ("direct", "/negociation"), ("grille", "/grille")):
            page.goto(console + path)
            audit.fits(page, f"{label} du jury à {width} px")
            audit.axe(page, f"{label} du jury à {width} px")

    # 200 % zoom (a 640 px-wide window at 1280 px CSS): the parameter table never slides under
    # the « Remettre au candidat » card
    zoomed = staff(
        browser,
        live_server,
        {"width": 640, "height": 450},
        email,
        password,
        r"/jury/$",
    )
    zoomed.goto(console)
    audit.fits(zoomed, "console du jury à 200 %")
    overlap = zoomed.evaluate(
        "() => { const c = document.querySelector('#console'), t = document.querySelector('#console table'),"
        " b = document.querySelector('#remise'); if (!c || !t || !b) return 'absent';"
        " let r = t.getBoundingClientRect(); const k = c.getBoundingClientRect();"
        " const right = getComputedStyle(c).overflowX === 'visible' ? r.right : Math.min(r.right, k.right);"
        " const s = b.getBoundingClientRect();"
        " return r.left < s.right && s.left < right && r.top < s.bottom && s.top < r.bottom; }"
    )
    if overlap is not False:
        audit.problems.append(
            f"console du jury à 200 % : #console et #remise se chevauchent ({overlap})"
        )
    audit.check()
