"""A CRM opportunity at the proposal stage becomes the student's negotiation situation."""

from __future__ import annotations

import html

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import Opportunity, ProspectRow, Situation
from simulator.models import PackVersion
from simulator.operations import packs
from simulator.scenarios.generator.from_prospect import headcount_band
from tests.web.test_prospection import BASE, _opportunity


def _advance(student, opp: Opportunity, stages: list[str]) -> None:
    lock = opp.lock_version
    for stage in stages:
        response = student.post(
            f"{BASE}/pipeline/{opp.id}/deplacer", {"vers": stage, "lock_version": lock}, htmx=True
        )
        assert response.status_code == 200
        lock += 1


def test_too_early_an_opportunity_cannot_be_negotiated(student, app):
    opp = _opportunity(student, app)
    response = student.post(f"{BASE}/pipeline/{opp.id}/negocier")
    assert response.status_code == 409 and "proposition" in response.get_data(as_text=True)


NEW_ATTEMPT = {"nouvelle_tentative": "oui"}  # the student already has a working situation


def test_a_proposal_is_negotiated_with_the_prospect_as_client(student, app):
    opp = _opportunity(student, app)
    _advance(student, opp, ["rdv_planifie", "decouverte", "proposition"])
    response = student.post(f"{BASE}/pipeline/{opp.id}/negocier", NEW_ATTEMPT)
    assert response.status_code == 303 and response.location.endswith("/etudiant/negociation")
    with app.app_context():
        row = db.session.scalar(sa.select(ProspectRow).where(ProspectRow.pid == opp.prospect_id))
        newest = db.session.scalar(sa.select(Situation).order_by(Situation.id.desc()))
        assert newest.origin == "opportunite"
        company = newest.snapshot["client"]["company"]
        assert company["raison_sociale"] == row.data["raison_sociale"]
        # a coherent client: the prospect's sector and size, a need of the archetype that fits
        low, high = headcount_band(row.data["tranche_effectif"])
        assert low <= company["headcount"] <= high
        assert company["naf"]["code"] == row.data["naf_code"]
        pack = packs.parse(db.session.get(PackVersion, newest.pack_version_id))
        archetype = next(a for a in pack.archetypes if a.key == company["archetype"])
        assert row.data["naf_code"] in {n.code for n in archetype.naf}
        assert newest.snapshot["need"]["label"] in {n.label for n in archetype.needs}
        domain = company["email"].partition("@")[2]
        assert all(c["email"].endswith("@" + domain) for c in newest.snapshot["client"]["contacts"])
    page = student.client.get("/etudiant/situation").get_data(as_text=True)
    assert row.data["raison_sociale"] in page
    room = student.client.get("/etudiant/negociation", follow_redirects=True).get_data(as_text=True)
    assert row.data["raison_sociale"] in room


def test_a_new_opportunity_opens_a_new_negotiation_the_old_one_is_kept(student, app):
    from simulator.models import Negotiation

    first = student.client.get("/etudiant/negociation", follow_redirects=True)
    assert first.status_code == 200
    opp = _opportunity(student, app)
    _advance(student, opp, ["rdv_planifie", "decouverte", "proposition"])
    refused = student.post(f"{BASE}/pipeline/{opp.id}/negocier")
    assert refused.status_code == 409
    assert "nouvelle tentative" in refused.get_data(as_text=True)
    confirmed = student.post(f"{BASE}/pipeline/{opp.id}/negocier", {"nouvelle_tentative": "oui"})
    assert confirmed.status_code == 303
    student.client.get("/etudiant/negociation", follow_redirects=True)
    with app.app_context():
        negotiations = db.session.scalars(sa.select(Negotiation).order_by(Negotiation.id)).all()
        assert len(negotiations) == 2
        situations = [n.situation_version.situation_id for n in negotiations]
        assert situations[0] != situations[1]


def test_a_100_to_249_employee_plastics_maker_is_not_a_4_employee_installer(student, app):
    """Issue 17: the opportunity's prospect, whatever the generator would have drawn."""
    opp = _opportunity(student, app)
    with app.app_context():
        row = db.session.scalar(sa.select(ProspectRow).where(ProspectRow.pid == opp.prospect_id))
        row.data = {
            **row.data,
            "naf_code": "22.29A",
            "naf_libelle": "Fabrication de pièces techniques à base de matières plastiques",
            "tranche_effectif": "100 à 249 salariés",
        }
        db.session.commit()
    _advance(student, opp, ["rdv_planifie", "decouverte", "proposition"])
    assert student.post(f"{BASE}/pipeline/{opp.id}/negocier", NEW_ATTEMPT).status_code == 303
    with app.app_context():
        newest = db.session.scalar(sa.select(Situation).order_by(Situation.id.desc()))
        company = newest.snapshot["client"]["company"]
    assert 100 <= company["headcount"] <= 249
    assert company["archetype_label"] != "Entreprise d'installation électrique"
    assert "bornes de recharge" not in newest.snapshot["need"]["label"]
    page = student.client.get("/etudiant/situation").get_data(as_text=True)
    assert "Entreprise d'installation électrique" not in html.unescape(page)
    assert f"{company['headcount']} salariés" in html.unescape(page).replace("\u202f", " ")


def test_an_off_target_prospect_is_refused_with_the_reason(student, app):
    opp = _opportunity(student, app)
    with app.app_context():
        row = db.session.scalar(sa.select(ProspectRow).where(ProspectRow.pid == opp.prospect_id))
        row.data = {**row.data, "naf_code": "56.10A", "naf_libelle": "Restauration traditionnelle"}
        db.session.commit()
        before = db.session.scalar(sa.select(sa.func.count(Situation.id)))
    _advance(student, opp, ["rdv_planifie", "decouverte", "proposition"])
    refused = student.post(f"{BASE}/pipeline/{opp.id}/negocier", NEW_ATTEMPT)
    body = html.unescape(refused.get_data(as_text=True))
    assert refused.status_code == 422
    assert "Impossible de négocier avec ce prospect" in body and "NAF 56.10A" in body
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Situation.id))) == before
