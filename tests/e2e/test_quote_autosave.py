"""In Chromium: a quote typed and left without saving is there again on the next visit."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_an_unsaved_quote_is_autosaved_and_restored(live_server, demo, browser):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(live_server + "/")
    page.fill("#join input[name=join_code]", "DEMO42")
    page.fill("#join input[name=display_name]", "Chloé Martin")
    page.click("#join button[type=submit]")
    page.wait_for_url(re.compile(r"/etudiant/$"))
    page.goto(live_server + "/etudiant/devis")
    page.fill("#payment_days", "42")
    page.fill("#escompte_pct", "1,5")
    status = page.locator("#autosave-status")
    expect(status).to_contain_text("enregistré automatiquement", timeout=10_000)
    first_lock = page.locator("#quote-lock").input_value()
    page.fill("#payment_days", "41")
    expect(page.locator("#quote-lock")).not_to_have_value(first_lock, timeout=10_000)
    page.goto(live_server + "/etudiant/")  # leave without pressing « Enregistrer »
    page.goto(live_server + "/etudiant/devis")
    expect(page.locator("#payment_days")).to_have_value("41")
    expect(page.locator("#escompte_pct")).to_have_value("1,5")
    expect(page.locator("#autosave-status")).to_contain_text("Brouillon repris")
