"""In Chromium: the static scripts that replaced the inline ones (countdown, htmx error swaps,
fields shown per move type), on the negotiation room; no inline script is left on the page."""

from __future__ import annotations

import re

import pytest

from tests.e2e.waiting import wait_until

pytestmark = pytest.mark.e2e


def test_room_countdown_error_swap_and_fields(live_server, demo, browser):
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(live_server + "/")
    page.fill("#join input[name=join_code]", "DEMO42")
    page.fill("#join input[name=display_name]", "Noé Martin")
    page.click("#join button[type=submit]")
    page.wait_for_url(re.compile(r"/etudiant/$"))
    page.goto(live_server + "/etudiant/negociation")
    page.wait_for_url(re.compile(r"/preparation$"))
    page.click("#start-negotiation")
    page.wait_for_url(re.compile(r"/salle$"))
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0

    # one countdown module: mm:ss, ticking down every second
    first = page.inner_text("#clock")
    wait_until(page, f"document.getElementById('clock').textContent !== {first!r}", timeout=5000)
    later = page.inner_text("#clock")
    assert re.fullmatch(r"\d\d:\d\d", later) and later < first

    # fields follow the move type (data-toggled-by / data-show-for)
    page.select_option("#f-type", "question")
    assert page.locator("#composer [data-show-for=argument]").is_hidden()
    page.select_option("#f-type", "argument")
    assert page.locator("#composer [data-show-for=argument]").is_visible()

    # a refused move answers 400 with the room's fragment: htmx swaps it (the policy), the text stays
    page.evaluate("window.__same_page = true")
    page.fill("#composer textarea[name=texte]", "Mon texte précieux")
    with page.expect_response(lambda r: r.url.endswith("/coup")) as answer:
        page.click("#play-move")
    assert answer.value.status == 400
    page.wait_for_selector("#move-error")
    assert page.input_value("#composer textarea[name=texte]") == "Mon texte précieux"
    assert page.evaluate("window.__same_page") is True
    # the swapped clock keeps counting
    swapped = page.inner_text("#clock")
    wait_until(page, f"document.getElementById('clock').textContent !== {swapped!r}", timeout=5000)
