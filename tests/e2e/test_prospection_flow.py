"""In Chromium: qualify a prospect file, plan and run a campaign, read the KPIs, work the kanban."""

from __future__ import annotations

import re

import pytest

from tests.e2e.waiting import wait_until

pytestmark = pytest.mark.e2e

NAF = ["25.62B", "22.29A", "25.11Z", "43.21A", "52.10B", "52.29A"]


def test_student_qualifies_plans_runs_and_moves_an_opportunity(
    live_server, demo, browser, screenshot
):
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.goto(live_server + "/")
    page.fill("#join input[name=join_code]", "DEMO42")
    page.fill("#join input[name=display_name]", "Léa Dubois")
    page.click("#join button[type=submit]")
    page.wait_for_url(re.compile(r"/etudiant/$"))
    page.goto(live_server + "/etudiant/prospection")
    page.wait_for_url(re.compile(r"/prospection/fichier$"))

    # the file: flag two rows, then filter over htmx (the URL follows)
    first = page.locator("#prospect-table tbody tr").first
    first.locator("button[data-motif=telephone_errone]").click()
    page.wait_for_selector("#prospect-table tbody tr.flagged")
    second = page.locator("#prospect-table tbody tr").nth(1)
    second.locator("button[data-motif=doublon]").click()
    wait_until(page, "document.querySelectorAll('#prospect-table tr.flagged').length == 2")
    page.select_option("select[name=departement]", "38")
    page.wait_for_url(re.compile(r"departement=38"))
    wait_until(
        page,
        "[...document.querySelectorAll('#prospect-table tbody tr')]"
        ".every(tr => tr.textContent.includes('(38)'))",
    )
    assert page.locator("#prospect-table tbody tr").count() <= 25
    screenshot(page, "prospection-file")

    # targeting: choose weights and target NAF codes
    page.click(".pro-steps >> text=2. Ciblage")
    for code in NAF:
        box = page.locator(f"input[name=naf_cibles][value='{code}']")
        if box.count():
            box.check()
    page.fill("#poids_taille", "30")
    page.fill("#poids_secteur", "30")
    page.fill("input[name=seuil_a]", "60")
    page.fill("input[name=seuil_b]", "40")
    page.click("#save-criteria")
    page.wait_for_selector("#seg-count-A")

    # plan: phoning on A and B, visits on the best A; live estimate; run once
    page.click("text=Planifier la campagne")
    page.check("input[name=segments_phoning][value=A]")
    page.check("input[name=segments_phoning][value=B]")
    page.fill("input[name=max_phoning]", "120")
    page.check("input[name=segments_visite][value=A]")
    page.fill("input[name=max_visite]", "8")
    page.fill("input[name=obj_contacts]", "30")
    page.fill("input[name=obj_rdv]", "8")
    page.fill("input[name=obj_opportunites]", "3")
    page.fill("#budget", "-5")
    page.wait_for_selector("#plan-problems >> text=négatif")
    page.fill("#budget", "3000")
    page.wait_for_selector("#plan-ok")
    # a one-time action asks first: dismissing keeps the plan, accepting runs it
    questions: list[str] = []

    def answer(dialog, accept: bool) -> None:
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, False))
    page.click("#run-campaign")
    page.wait_for_timeout(300)
    assert questions and "définitif" in questions[0]
    assert page.url.endswith("/prospection/campagne") and page.locator("#plan-ok").count() == 1
    page.once("dialog", lambda d: answer(d, True))
    page.click("#run-campaign")
    page.wait_for_url(re.compile(r"/prospection/resultats$"))
    assert len(questions) == 2
    assert "Score de ciblage" in page.locator("#targeting-score").inner_text()
    assert page.locator("#kpi-contact strong").inner_text().endswith("%")
    assert page.locator("#chart-funnel rect").count() == 4
    screenshot(page, "prospection-kpi")

    # CRM: the first lead becomes an opportunity, moved across the kanban
    page.locator("button[data-open]").first.click()
    page.wait_for_url(re.compile(r"/prospection/pipeline$"))
    card = page.locator(".kanban-card").first
    assert card.get_attribute("data-stage") == "premier_contact"
    card.locator("button[data-to=rdv_planifie]").click()
    page.wait_for_selector(".col-rdv_planifie .kanban-card")
    page.locator(".kanban-card button[data-to=decouverte]").click()
    page.wait_for_selector(".col-decouverte .kanban-card")
    page.locator(".kanban-card a").first.click()
    page.fill("input[name=done_on]", "2026-02-02")
    page.fill("textarea[name=notes]", "Découverte faite : parc de 40 luminaires à remplacer.")
    page.fill("input[name=next_action]", "Envoyer la proposition")
    page.fill("input[name=next_action_on]", "2026-02-10")
    page.click("#activity-form button[type=submit]")
    page.wait_for_selector(".activity")
    page.click("text=← Pipeline")
    page.wait_for_selector(".kanban-card .next")
    screenshot(page, "crm-kanban")
