"""In Chromium: a trainer edits a pack in the code editor (CodeMirror), sees every error at its line
while typing, in French, previews the unsaved draft, fixes it, saves, previews."""

from __future__ import annotations

import re

import pytest

from tests.e2e.waiting import wait_until

pytestmark = pytest.mark.e2e


def _login_trainer(page, base: str) -> None:
    page.goto(base + "/")
    page.fill("#login input[name=email]", "formateur@negolab.test")
    page.fill("#login input[name=password]", "formateur-demo")
    page.click("#login button[type=submit]")
    page.wait_for_url(re.compile(r"/formateur/$"))


def _type(page, text: str) -> None:
    """Replace the editor's text as a trainer would (select all, then type or paste)."""
    page.locator("#yaml_text-editor .cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)


def test_trainer_fixes_a_broken_pack_and_previews_it(live_server, demo, browser, screenshot):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _login_trainer(page, live_server)
    page.click("text=Packs de scénarios")
    page.click("#packs >> text=Distribution de matériel électrique")
    page.click("text=Modifier (nouvelle version)")
    area = page.locator("#yaml_text")
    original = area.input_value()
    assert re.search(r"^version: 2$", original, re.M)
    # a code editor: line numbers, YAML highlighting; the textarea stays the (hidden) form field
    page.wait_for_selector("#yaml_text-editor .cm-lineNumbers")
    assert area.is_hidden()
    assert page.locator("#yaml_text-editor .cm-line span").count() > 10  # highlighted tokens

    # a YAML syntax error, explained in French at its line
    _type(page, "slug: essai\nversion: 1\ntitle: [\n")
    wait_until(page, "document.querySelector('#pack-errors li[data-line]')")
    message = page.locator("#pack-errors li").first.inner_text()
    assert "erreur de syntaxe YAML" in message
    assert not re.search(r"expected|found|block", message), message

    # two schema errors: both shown at once, each at its line in the editor
    broken = original.replace("list_price_ht: 12.40", "list_price_ht: douze", 1)
    broken = broken.replace("version: 2", "version: deux", 1)
    assert broken.count("douze") == 1 and "version: deux" in broken
    lines = [
        i
        for i, text in enumerate(broken.splitlines(), 1)
        if text.strip() in ("version: deux", "list_price_ht: douze")
    ]
    assert len(lines) == 2
    _type(page, broken)
    for line in lines:
        page.locator(f'#pack-errors li[data-line="{line}"]').wait_for(timeout=10000)
    assert area.input_value() == broken
    error = page.locator(f'#pack-errors li[data-line="{lines[-1]}"]')
    assert "list_price_ht" in error.inner_text() and "nombre" in error.inner_text()
    # each error is marked at its line in the editor; « ligne n » goes to it
    marker = "document.querySelectorAll('#yaml_text-editor .cm-lint-marker-error').length"
    for line, text in zip(lines, ("version: deux", "      list_price_ht: douze"), strict=True):
        page.locator(f'#pack-errors li[data-line="{line}"] a.goto-line').click()
        wait_until(
            page,
            "(document.querySelector('#yaml_text-editor .cm-activeLine') || {}).textContent"
            f" === {text!r}",
        )
        wait_until(page, f"{marker} >= 1")
        assert page.evaluate("document.activeElement.classList.contains('cm-content')")
    screenshot(page, "pack-editor-error", full_page=False)

    # the unsaved draft (valid again) previewed in a new tab, nothing stored
    _type(page, original)
    page.wait_for_selector("#pack-errors >> text=Le pack est valide", timeout=10000)
    with page.context.expect_page() as opened:
        page.click("#preview-draft")
    draft = opened.value
    draft.wait_for_selector("#draft-preview")
    assert "Brouillon non enregistré" in draft.locator(".crumbs").inner_text()
    draft.wait_for_selector("#fiche-client")
    draft.close()
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
