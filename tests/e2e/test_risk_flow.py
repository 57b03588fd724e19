"""In Chromium: a student analyses their client's credit risk and gets corrected line by line."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import sqlalchemy as sa

from simulator.engine.risk.credit import analyser_risque
from simulator.extensions import db
from simulator.models import User
from simulator.operations.risk_inputs import dossier
from simulator.operations.situations import current_version, situation_of

pytestmark = pytest.mark.e2e


def _fr(value: Decimal | None, places: str = "0.01") -> str:
    return "NC" if value is None else str(value.quantize(Decimal(places))).replace(".", ",")


def test_student_enters_ratios_and_sees_right_and_wrong_lines(
    app, live_server, demo, browser, screenshot
):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(live_server + "/")
    page.fill("#join input[name=join_code]", "DEMO42")
    page.fill("#join input[name=display_name]", "Inès Moreau")
    page.click("#join button[type=submit]")
    page.wait_for_url(re.compile(r"/etudiant/$"))
    page.click("nav >> text=Analyse du risque")
    page.wait_for_url(re.compile(r"/etudiant/risque$"))
    assert page.locator("#etats-financiers").count() == 1
    assert page.locator("#risk-correction").count() == 0

    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.display_name == "Inès Moreau"))
        analyse = analyser_risque(dossier(current_version(situation_of(user)).snapshot))
    dernier = analyse.ratios[-1]
    autonomie = dernier.valeur("autonomie_financiere") * 100
    page.fill("input[name=autonomie_financiere]", _fr(autonomie) + " %")
    page.fill("input[name=solvabilite_generale]", _fr(dernier.valeur("solvabilite_generale")))
    page.fill("input[name=liquidite_generale]", _fr(dernier.valeur("liquidite_generale") + 1))
    page.fill("input[name=liquidite_reduite]", _fr(dernier.valeur("liquidite_reduite")))
    page.fill("input[name=capacite_remboursement]", _fr(dernier.valeur("capacite_remboursement")))
    page.fill("input[name=dso_jours]", _fr(dernier.valeur("dso_jours"), "1") + " j")
    page.fill("input[name=conan_holder]", _fr(analyse.conan_holder.valeur))
    for code in ("frng", "bfr", "tresorerie_nette"):
        page.fill(f"input[name={code}]", _fr(dernier.valeur(code), "1") + " €")
    for code in ("delai_fournisseurs_jours", "rotation_stocks_jours"):
        page.fill(f"input[name={code}]", _fr(dernier.valeur(code), "1"))
    page.check(f"input[name=classe][value='{analyse.classe.niveau}']")
    page.check("input[name=outils][value=assurance_credit]")
    page.fill("textarea[name=justification]", "Je fais agréer l'encours par l'assureur.")
    page.click("text=Envoyer pour correction")

    page.wait_for_selector("#risk-correction")
    assert page.url.endswith("/etudiant/risque")  # swapped in place, no reload
    assert page.locator("#risk-correction tr.line-ok").count() == 11
    wrong = page.locator("#risk-correction tr.line-ko")
    assert wrong.count() == 1 and "Liquidité générale" in wrong.inner_text()
    assert _fr(dernier.valeur("liquidite_generale"), "0.0001") in wrong.inner_text()
    assert page.locator("#risk-attempts tbody tr").count() == 1
    screenshot(page, "risk-analysis")
