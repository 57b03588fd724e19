"""A CRM opportunity at the proposal stage becomes the student's negotiation situation."""

from __future__ import annotations

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import Opportunity, ProspectRow, Situation
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


def test_a_proposal_is_negotiated_with_the_prospect_as_client(student, app):
    opp = _opportunity(student, app)
    _advance(student, opp, ["rdv_planifie", "decouverte", "proposition"])
    response = student.post(f"{BASE}/pipeline/{opp.id}/negocier")
    assert response.status_code == 303 and response.location.endswith("/etudiant/negociation")
    with app.app_context():
        row = db.session.scalar(sa.select(ProspectRow).where(ProspectRow.pid == opp.prospect_id))
        newest = db.session.scalar(sa.select(Situation).order_by(Situation.id.desc()))
        assert newest.origin == "opportunite"
        company = newest.snapshot["client"]["company"]
        assert company["raison_sociale"] == row.data["raison_sociale"]
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
