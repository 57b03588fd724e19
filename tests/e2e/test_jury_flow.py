"""In Chromium, three browsers: two jury members and a candidate, from the console to the signed grid."""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from tests.e2e.test_negotiation_flow import play

pytestmark = pytest.mark.e2e
VIEW = {"width": 1366, "height": 900}


def login(browser, url: str, email: str, password: str):
    page = browser.new_context(viewport=VIEW).new_page()
    page.goto(url + "/")
    page.fill("#login input[name=email]", email)
    page.fill("#login input[name=password]", password)
    page.click("#login button[type=submit]")
    page.wait_for_url(re.compile(r"/jury/$"))
    return page


def euros(text: str) -> list[Decimal]:
    """Every French amount « 6 162,32 € » in a text, as Decimals."""
    found = re.findall(r"(\d{1,3}(?:[\u202f\xa0 ]\d{3})*,\d{2})\s?€", text)
    return [Decimal(re.sub(r"[\u202f\xa0 ]", "", f).replace(",", ".")) for f in found]


def pdf_text(page, url: str, tmp_path: Path, name: str) -> str:
    response = page.request.get(url)
    assert response.status == 200 and response.headers["content-type"].startswith("application/pdf")
    path = tmp_path / name
    path.write_bytes(response.body())
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def trainer_builds_the_board(browser, url: str) -> tuple[str, list[tuple[str, str]]]:
    """The trainer opens an exam session and creates two juror accounts from its page."""
    trainer = browser.new_context(viewport=VIEW).new_page()
    trainer.goto(url + "/")
    trainer.fill("#login input[name=email]", "formateur@negolab.test")
    trainer.fill("#login input[name=password]", "formateur-demo")
    trainer.click("#login button[type=submit]")
    trainer.wait_for_url(re.compile(r"/formateur/$"))
    trainer.fill("input[name=name]", "E4 juin")
    trainer.check("input[name=mode][value=exam]")
    trainer.select_option("select[name=pack_slug]", "materiel-electrique")
    trainer.click("text=Créer la session")
    trainer.wait_for_url(re.compile(r"/formateur/sessions/\d+$"))
    code = trainer.locator("#join-code").inner_text().strip()
    jurors = []
    for name, email in (
        ("Hélène Garnier", "helene.garnier@lycee.test"),
        ("Paul Mercier", "paul.mercier@entreprise.test"),
    ):
        trainer.fill("#new-juror-form input[name=display_name]", name)
        trainer.fill("#new-juror-form input[name=email]", email)
        trainer.click("#new-juror-form button[type=submit]")
        trainer.wait_for_selector("#new-juror-password")
        jurors.append((email, trainer.locator("#new-juror-password").inner_text().strip()))
    assert trainer.locator("#jury .people li").count() == 2
    return code, jurors


def test_two_jurors_and_a_candidate_from_the_console_to_the_signed_grid(
    app, live_server, demo, browser, screenshot, tmp_path
):
    code, jurors = trainer_builds_the_board(browser, live_server)
    candidate = browser.new_context(viewport=VIEW).new_page()
    candidate.goto(live_server + "/")
    candidate.fill("#join input[name=join_code]", code)
    candidate.fill("#join input[name=display_name]", "Camille Petit")
    candidate.click("#join button[type=submit]")
    candidate.wait_for_url(re.compile(r"/etudiant/$"))

    # the first juror previews a preset in €, applies it, then two more, and hands over
    jury = login(browser, live_server, *jurors[0])
    jury.click("tr:has-text('Camille Petit') >> text=Ouvrir la console")
    jury.wait_for_url(re.compile(r"/jury/candidats/\d+$"))
    console = jury.url
    preview = jury.locator("#preset-concurrent_moins_cher li").first.inner_text()
    before, after = euros(preview)[:2]
    assert abs(after - before * Decimal("0.92")) <= Decimal("0.05"), preview
    with jury.expect_navigation():
        jury.click("#preset-concurrent_moins_cher button")
    history = jury.locator("#historique li").first.inner_text()
    assert euros(history)[:2] == [before, after], history
    for key in ("budget_reduit", "delai_fournisseur_allonge"):
        with jury.expect_navigation():
            jury.click(f"#preset-{key} button")
    assert "Délai de réapprovisionnement" in jury.locator("#historique").inner_text()
    screenshot(jury, "jury-console")
    jury.fill("#remise input[name=preparation_minutes]", "10")
    jury.fill("#remise textarea[name=message]", "Le client vous rappelle avant le rendez-vous.")
    jury.click("#remise button[type=submit]")
    jury.wait_for_selector("#remise .alert-ok")

    # the candidate sees the visible facts and the message, never the jury's hand
    candidate.goto(live_server + "/etudiant/situation")
    handed = candidate.locator("#remise-jury").inner_text()
    assert "Le client vous rappelle" in handed and "Délai de réapprovisionnement" in handed
    for secret in ("Budget", "concurrent", "baisse de 8", "version", "Seuil", "caché"):
        assert secret not in handed, secret

    # before the start: the simulated buyer, every objection guaranteed
    jury.goto(console + "/negociation")
    for box in jury.locator("input[name=garanties]").all():
        box.check()
    jury.click("#live-settings button[type=submit]")
    jury.wait_for_selector("#live-status")

    # the candidate prepares, then negotiates
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
    watcher = login(browser, live_server, *jurors[1])
    watcher.goto(console + "/negociation")
    watcher.wait_for_selector("#turn-1")
    watcher.evaluate("window.__same_page = true")
    for theme in ("criteres", "budget", "concurrence"):
        play(candidate, "question", theme=theme, texte="Pouvez-vous m'en dire plus ?")
    watcher.wait_for_selector("#turn-4", timeout=10000)
    assert watcher.evaluate("window.__same_page") is True
    assert "soulevée au tour" in watcher.locator("#objection-checklist").inner_text()

    # a jury event, previewed in €, applies at the candidate's next move
    jury.goto(console + "/negociation")
    assert "€" in jury.locator("#live-events form:has-text('offre concurrente')").inner_text()
    jury.click("#live-events button:has-text('offre concurrente')")
    jury.wait_for_url(re.compile(r"/negociation$"))
    play(candidate, "reformulation", texte="Si je vous comprends bien, le prix compte beaucoup.")
    assert "offre concurrente" in candidate.locator("#transcript").inner_text()
    watcher.wait_for_selector("#turn-5", timeout=10000)
    watcher.wait_for_selector(".neg-notice")
    screenshot(watcher, "jury-live")
    assert candidate.locator("text=Fiche de l’acheteur").count() == 0
    assert candidate.locator(".neg-why").count() == 0

    # two grids on all ten criteria, reconciled: every criterion stays
    for juror, level in ((jury, 2), (watcher, 3)):
        juror.goto(console + "/grille?criteres=tous")
        rows = juror.locator("#ma-grille tr[id^=critere-]").all()
        assert len(rows) == 10
        for index, row in enumerate(rows):
            row.locator("input[type=radio]").nth(level if index % 2 else 2).check()
        juror.click("#ma-grille button[type=submit]")
        juror.wait_for_url(re.compile(r"/grille#commission$"))
    jury.goto(console + "/grille")
    jury.click("#commission button:has-text('Concilier')")
    jury.wait_for_selector("#commission form.grid-form")
    assert jury.locator("#commission tr[id^=critere-]").count() == 10
    assert jury.locator("#commission tr[id^=critere-] input:checked").count() == 10
    jury.fill("#commission input[name=final_mark]", "10,5")
    jury.click("#commission form.grid-form button[type=submit]")
    jury.wait_for_url(re.compile(r"/grille#commission$"))

    # signing waits for the end, or « malgré tout »; the signed PDF never changes
    jury.click("#commission button:has-text('Signer')")
    jury.wait_for_selector("text=n’est pas terminée")
    jury.check("#commission input[name=malgre_tout]")
    jury.click("#commission button:has-text('Signer')")
    jury.wait_for_selector("#commission .alert-ok")
    screenshot(jury, "jury-grid")
    signed = pdf_text(jury, console + "/grille.pdf", tmp_path, "signed.pdf")
    assert "Camille Petit" in signed and "en cours" in signed
    candidate.select_option("#f-type", "rupture")
    candidate.click("#play-move")
    candidate.wait_for_selector("#neg-over")
    assert pdf_text(jury, console + "/grille.pdf", tmp_path, "later.pdf") == signed
