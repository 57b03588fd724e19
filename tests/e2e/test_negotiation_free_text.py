"""In Chromium: the student types a sentence, sees what NegoLab understood, and plays it."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.e2e


def test_student_types_a_sentence_sees_the_understanding_and_plays_it(live_server, demo, browser):
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server + "/")
    page.fill("#join input[name=join_code]", "DEMO42")
    page.fill("#join input[name=display_name]", "Nora Benali")
    page.click("#join button[type=submit]")
    page.wait_for_url(re.compile(r"/etudiant/$"))
    page.goto(live_server + "/etudiant/negociation")
    page.wait_for_url(re.compile(r"/preparation$"))
    page.click("#start-negotiation")
    page.wait_for_url(re.compile(r"/salle$"))
    page.evaluate("window.__same_page = true")

    phrase = "Quel budget avez-vous prévu pour ce projet ?"
    page.fill("#f-phrase", phrase)
    page.click("#understand")
    page.wait_for_selector("#understood")
    assert "J'ai compris" in page.inner_text("#understood")
    assert "budget" in page.inner_text("#understood-text").lower()

    before = page.locator("#transcript .neg-turn").count()
    page.click("#play-understood")
    page.locator("#transcript .neg-turn, #move-error").nth(before).wait_for()
    assert page.locator("#move-error").count() == 0
    assert phrase in page.inner_text("#transcript")
    assert page.evaluate("window.__same_page") is True, "htmx swapped, the page did not reload"

    page.fill("#f-phrase", "bof, on verra peut-être à 10 environ")
    page.click("#understand")
    page.wait_for_selector("#clarification, #understood")
    page.fill("#f-phrase", "Quels sont vos délais de livraison ?")
    page.click("#understand")
    page.wait_for_selector("#understood #correct-understood")
    page.click("#correct-understood")
    page.locator("#understood").wait_for(state="detached")
    assert page.input_value("#f-type") == "question"
    assert page.input_value("#f-theme") == "delai"
    assert not [e for e in errors if "Content Security Policy" in e], errors
