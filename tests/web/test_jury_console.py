"""The jury modifies a candidate's situation, versions it, reverts, and hands it over."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from simulator.engine.money import format_eur
from simulator.extensions import db
from simulator.models import Event, Role, Situation, SituationVersion
from simulator.operations.accounts import create_staff
from simulator.scenarios.situation.visibility import hidden_values
from tests.conftest import Actions


def _latest(app) -> SituationVersion:
    with app.app_context():
        return db.session.scalar(sa.select(SituationVersion).order_by(SituationVersion.n.desc()))


def test_jury_sees_the_candidate_and_the_console(jury, exam):
    assert "Camille Petit" in jury.client.get("/jury/").get_data(as_text=True)
    html = jury.client.get(exam["url"]).get_data(as_text=True)
    assert "Budget du client HT" in html and "Côté caché" in html and "version 0" in html


def test_a_value_in_range_creates_a_new_version_with_a_readable_diff(app, jury, exam):
    response = jury.post(
        exam["url"] + "/parametres",
        {"base_n": "0", "client.budget_ht": "4000", "reason": "budget serré"},
    )
    assert response.status_code == 303
    latest = _latest(app)
    assert latest.n == 1 and latest.snapshot["client"]["budget_ht"] == "4000.00"
    html = jury.client.get(exam["url"]).get_data(as_text=True)
    assert "budget serré" in html and "4\u202f000,00\xa0€" in html


def test_a_value_out_of_range_is_refused_and_the_input_kept(app, jury, exam):
    response = jury.post(
        exam["url"] + "/parametres", {"base_n": "0", "terms.max_payment_days": "90"}
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "hors plage" in html and 'value="90"' in html
    assert _latest(app).n == 0


def test_a_stale_version_is_refused_never_overwritten(app, jury, exam):
    assert (
        jury.post(exam["url"] + "/parametres", {"base_n": "0", "order.quantity": "12"}).status_code
        == 303
    )
    stale = jury.post(exam["url"] + "/parametres", {"base_n": "0", "client.budget_ht": "3000"})
    assert stale.status_code == 409 and "Rien n" in stale.get_data(as_text=True)
    latest = _latest(app)
    assert latest.n == 1 and latest.overrides == {"order.quantity": "12"}


def test_a_preset_is_previewed_then_moves_the_current_offer_by_8_percent(app, jury, exam):
    before = Decimal(_latest(app).snapshot["competitors"][0]["offer_total_ht"])
    page = jury.client.get(exam["url"]).get_data(as_text=True)
    preview = page.split('id="preset-concurrent_moins_cher"')[1].split("</form>")[0]
    assert (
        jury.post(exam["url"] + "/preset/concurrent_moins_cher", {"base_n": "0"}).status_code == 303
    )
    latest = _latest(app)
    after = Decimal(latest.snapshot["competitors"][0]["offer_total_ht"])
    # the offer is list total × price index, so −8 % lands within a few cents of before × 0.92
    assert abs(after - before * Decimal("0.92")) <= Decimal("0.05")
    # the preview announced exactly what was applied
    assert format_eur(before) in preview and format_eur(after) in preview and "−8" in preview
    assert latest.reason.startswith("L'offre du concurrent principal baisse de 8 %")
    assert format_eur(before) in latest.reason and "→" in latest.reason


def test_revert_is_a_new_version_with_the_old_parameters(app, jury, exam):
    jury.post(exam["url"] + "/parametres", {"base_n": "0", "client.budget_ht": "4000"})
    assert jury.post(exam["url"] + "/retour/0", {"base_n": "1"}).status_code == 303
    latest = _latest(app)
    with app.app_context():
        original = db.session.scalar(sa.select(Situation)).snapshot
    assert latest.n == 2 and latest.overrides == {} and latest.snapshot == original


def test_compare_lists_exactly_what_changed(jury, exam):
    jury.post(
        exam["url"] + "/parametres", {"base_n": "0", "need.extra_constraint": "Norme ATEX zone 2"}
    )
    html = jury.client.get(exam["url"] + "/comparer?de=0&a=1").get_data(as_text=True)
    assert "Norme ATEX zone 2" in html and "Contraintes du cahier des charges" in html
    assert "need.constraints" not in html


def test_candidate_sees_only_what_was_handed_over(app, jury, exam):
    candidate = exam["candidate"]
    jury.post(
        exam["url"] + "/parametres",
        {
            "base_n": "0",
            "need.extra_constraint": "Norme ATEX zone 2",
            "reason": "nouvelle contrainte technique",
        },
    )
    assert "Norme ATEX zone 2" not in candidate.client.get("/etudiant/situation").get_data(
        as_text=True
    )
    response = jury.post(
        exam["url"] + "/remise",
        {
            "version": "1",
            "annexes": ["fiche_client", "besoin"],
            "highlight": "1",
            "preparation_minutes": "15",
        },
    )
    assert response.status_code == 303
    html = candidate.client.get("/etudiant/situation").get_data(as_text=True)
    assert "Norme ATEX zone 2" in html and "nouvelle contrainte technique" not in html
    assert 'id="prep-timer"' in html and "États financiers" not in html
    candidate.client.get("/etudiant/situation")
    with app.app_context():
        starts = db.session.scalars(
            sa.select(Event).where(Event.kind == "preparation_started")
        ).all()
        snapshot = _latest(app).snapshot
    assert len(starts) == 1
    for value in hidden_values(snapshot):
        assert value not in html


def test_handover_needs_an_annex_and_a_sane_time(jury, exam):
    response = jury.post(exam["url"] + "/remise", {"version": "0", "preparation_minutes": "15"})
    assert response.status_code == 400 and "au moins une annexe" in response.get_data(as_text=True)


def test_a_jury_member_of_another_board_sees_nothing(app, exam):
    with app.app_context():
        create_staff("autre.jury@negolab.test", "motdepasse-jury2", "Autre Juré", Role.JURY)
        db.session.commit()
    other = Actions(app.test_client())
    other.login("autre.jury@negolab.test", "motdepasse-jury2")
    assert other.client.get(exam["url"]).status_code == 403
    assert "Camille Petit" not in other.client.get("/jury/").get_data(as_text=True)


def test_the_candidate_cannot_reach_jury_urls(exam):
    candidate = exam["candidate"]
    assert candidate.client.get(exam["url"]).status_code == 403
    assert candidate.post(exam["url"] + "/parametres", {"base_n": "0"}).status_code == 403


def test_difficulty_is_shown_per_candidate_for_fair_variants(jury, exam):
    response = jury.client.get(exam["url"] + "/difficulte", headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert "zone d’accord" in body and "risque client" in body
    assert exam["url"] + "/difficulte" in jury.client.get("/jury/").get_data(as_text=True)


def test_a_tougher_persona_shows_in_the_difficulty(jury, exam):
    jury.post(exam["url"] + "/parametres", {"base_n": "0", "buyer.persona": "directif"})
    body = jury.client.get(exam["url"] + "/difficulte", headers={"HX-Request": "true"}).get_data(
        as_text=True
    )
    assert "directif, très dur" in body and "cède tard" in body and "e = " not in body
