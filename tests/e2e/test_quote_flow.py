"""In Chromium: a student builds a three-line quote, watches the totals live, issues it, gets the PDF."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.e2e.waiting import wait_until

pytestmark = pytest.mark.e2e


def plain(text: str) -> str:
    """Fold the no-break spaces of French amounts."""
    return text.replace("\u202f", " ").replace("\xa0", " ").strip()


def wait_for(page, condition: str) -> None:
    """Wait until the live panel shows a state and no htmx request is still running."""
    wait_until(page, condition)
    page.wait_for_timeout(400)  # the 300 ms input delay of a trigger still pending
    wait_until(page, "!document.querySelector('.htmx-request')")


def test_student_builds_issues_and_downloads_a_quote(live_server, demo, browser, screenshot):
    page = browser.new_context(
        viewport={"width": 1366, "height": 900}, accept_downloads=True
    ).new_page()
    page.goto(live_server + "/")
    page.fill("#join input[name=join_code]", "DEMO42")
    page.fill("#join input[name=display_name]", "Nora Haddad")
    page.click("#join button[type=submit]")
    page.wait_for_url(re.compile(r"/etudiant/$"))
    page.goto(live_server + "/etudiant/devis")
    page.evaluate("window.__same_page = true")

    rows = page.locator("#quote-lines tr")
    while rows.count() > 1:
        rows.last.locator("button.remove-line").click()
    while (count := rows.count()) < 3:
        page.click("#add-line")
        wait_until(page, f"document.querySelectorAll('#quote-lines tr').length > {count}")
    for index in (1, 2):
        page.locator("#quote-lines tr").nth(index).locator("select").select_option(index=index + 1)
    wait_for(page, "document.querySelector('#quote-result .lines-detail tbody').rows.length === 3")
    first_ttc = plain(page.locator("#total-ttc").inner_text())

    row = page.locator("#quote-lines tr").first
    row.locator("input[name^=remise-]").fill("10")
    wait_for(
        page,
        "document.querySelector('#quote-result .lines-detail tbody').innerText" ".includes('10 %')",
    )
    after_remise = plain(page.locator("#total-ttc").inner_text())
    page.fill("#escompte_pct", "2")
    page.check("#escompte_taken")
    wait_for(
        page, "document.querySelector('[data-step=escompte]').innerText.includes('Escompte pris')"
    )
    assert plain(page.locator("#total-ttc").inner_text()) not in (first_ttc, after_remise)
    assert page.evaluate("window.__same_page") is True  # live update, no reload
    assert page.locator("[data-step=escompte]").count() == 1
    ttc = plain(page.locator("#total-ttc").inner_text())
    screenshot(page, "quote-builder")

    # the draft autosaves 800 ms after the last change: issue once it is saved (issuing while an
    # autosave is in flight is refused as a stale edit, input kept)
    wait_for(
        page,
        "document.querySelector('#autosave-status').textContent.includes('enregistré')"
        " && !document.querySelector('.htmx-request')",
    )
    page.click("#issue-quote")
    page.wait_for_url(re.compile(r"/etudiant/devis/\d+$"))
    assert re.search(r"Devis n° D-\d{4}-\d{4}", page.locator("h1").inner_text())
    assert plain(page.locator("#total-ttc").inner_text()) == ttc
    with page.expect_download() as info:
        page.click("#download-pdf")
    download = info.value
    assert download.suggested_filename.startswith("devis-D-")
    text = subprocess.run(
        ["pdftotext", download.path(), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert ttc in plain(text).replace("\n", " ")
    assert "Escompte" in text and "Bon pour accord" in text
