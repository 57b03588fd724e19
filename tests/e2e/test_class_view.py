"""In Chromium: the trainer follows the class live, reads the chart and opens a replay."""

from __future__ import annotations

import re

from tests.conftest import Actions
from tests.web.test_class_view import MOVES, negotiate


def test_trainer_follows_the_class_and_opens_a_replay(
    app, live_server, demo, browser, screenshot, monkeypatch
):
    monkeypatch.setattr("simulator.operations.situations.secrets.randbelow", lambda _n: 7)
    for name in ("Léa Dubois", "Hugo Petit"):
        assert Actions(app.test_client()).join("DEMO42", name).status_code == 303
    negotiate(app, "Léa Dubois", MOVES, {"compte_rendu": "Commande signée.", "actions": []})
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(live_server + "/")
    page.fill("#login input[name=email]", "formateur@negolab.test")
    page.fill("#login input[name=password]", "formateur-demo")
    page.click("#login button[type=submit]")
    page.wait_for_url(re.compile(r"/formateur/$"))
    page.click("text=BTS CCST 2e année")
    page.click("#class-view-link")
    page.wait_for_selector("#class-chart circle.dot.deal")
    assert page.locator("#class-table tbody tr").count() == 2
    negotiate(app, "Hugo Petit", [{"type": "question", "theme": "besoin"}, {"type": "rupture"}])
    page.wait_for_selector("#class-chart circle.dot.no-deal", timeout=12_000)  # the 5 s poll
    screenshot(page, "trainer-class-view")
    page.click("tr[data-outcome='accord'] >> text=Rejeu")
    page.wait_for_selector("#transcript .cv-reason")
    assert "pourquoi" in page.locator("#transcript").inner_text().lower()
    assert page.locator("#criteria tr").count() == 10
