"""In Chromium: a trainer edits a pack, sees a precise error while typing, fixes it, saves, previews."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.e2e


def _login_trainer(page, base: str) -> None:
    page.goto(base + "/")
    page.fill("#login input[name=email]", "formateur@negolab.test")
    page.fill("#login input[name=password]", "formateur-demo")
    page.click("#login button[type=submit]")
    page.wait_for_url(re.compile(r"/formateur/$"))


def test_trainer_fixes_a_broken_pack_and_previews_it(live_server, demo, browser, screenshot):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _login_trainer(page, live_server)
    page.click("text=Packs de scénarios")
    page.click("#packs >> text=Distribution de matériel électrique")
    page.click("text=Modifier (nouvelle version)")
    area = page.locator("#yaml_text")
    original = area.input_value()
    assert re.search(r"^version: 2$", original, re.M)

    broken = original.replace("list_price_ht: 12.40", "list_price_ht: douze", 1)
    assert broken != original
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if "douze" in text)
    area.fill(broken)
    area.press("End")  # a keyup, as typing would
    error = page.locator(f'#pack-errors li[data-line="{line}"]')
    error.wait_for(timeout=10000)
    assert "list_price_ht" in error.inner_text() and "nombre" in error.inner_text()
    screenshot(page, "pack-editor-error")

    area.fill(original)
    area.press("End")
    page.wait_for_selector("#pack-errors >> text=Le pack est valide", timeout=10000)
    page.click("text=Enregistrer la version")
    page.wait_for_url(re.compile(r"/packs/materiel-electrique/v2$"))
    assert "v2" in page.locator("#versions").inner_text()

    page.click("text=Aperçu d’une situation")
    page.fill("input[name=seed]", "42")
    page.check("input[name=vue][value=jury]")
    page.click("text=Générer")
    page.wait_for_selector("#cote-cache")
    screenshot(page, "pack-preview-jury")
    page.check("input[name=vue][value=etudiant]")
    page.click("text=Générer")
    page.wait_for_selector("#fiche-client")
    assert page.locator("#cote-cache").count() == 0
