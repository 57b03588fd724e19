"""After a hand-over with hidden changes and jury reasons, no candidate page shows any of them."""

from __future__ import annotations

import re

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import SituationVersion
from simulator.scenarios.registry.readable import readable_changes
from simulator.scenarios.situation.visibility import hidden_values

REASON = "tester l'adaptation à une contrainte logistique"
MESSAGE = "Le client vous rappelle avant votre rendez-vous."
LINK = re.compile(r'(?:href|hx-get)="(/etudiant/[^"#?]*)')


def _versions(app) -> list[SituationVersion]:
    with app.app_context():
        return list(db.session.scalars(sa.select(SituationVersion).order_by(SituationVersion.n)))


def _every_candidate_page(candidate) -> dict[str, str]:
    """Every page and fragment reachable from the candidate's dashboard (GET, bounded crawl)."""
    seen: dict[str, str] = {}
    todo = ["/etudiant/", "/etudiant/situation"]
    while todo and len(seen) < 60:
        url = todo.pop(0)
        if url in seen or url.endswith("/pdf"):
            continue
        page = candidate.client.get(url)
        fragment = candidate.client.get(url, headers={"HX-Request": "true"})
        seen[url] = page.get_data(as_text=True) + fragment.get_data(as_text=True)
        todo += [u for u in LINK.findall(seen[url]) if u not in seen]
    return seen


def test_the_candidate_sees_visible_facts_and_the_message_never_the_jurys_hand(app, jury, exam):
    url = exam["url"]
    assert jury.post(url + "/preset/budget_reduit", {"base_n": "0"}).status_code == 303
    assert jury.post(url + "/preset/concurrent_moins_cher", {"base_n": "1"}).status_code == 303
    assert jury.post(url + "/retour/1", {"base_n": "2"}).status_code == 303
    assert jury.post(url + "/preset/concurrent_moins_cher", {"base_n": "3"}).status_code == 303
    assert (
        jury.post(
            url + "/parametres",
            {"base_n": "4", "supplier.lead_time_weeks": "9", "reason": REASON},
        ).status_code
        == 303
    )
    response = jury.post(
        url + "/remise",
        {
            "version": "5",
            "annexes": ["fiche_client", "besoin", "fournisseurs", "concurrence"],
            "highlight": "1",
            "preparation_minutes": "20",
            "message": MESSAGE,
        },
    )
    assert response.status_code == 303
    versions = _versions(app)
    original, handed = versions[0].snapshot, versions[-1].snapshot
    hidden = [c for c in readable_changes(original, handed) if not c.visible]
    assert {c.label for c in hidden} >= {"Budget du client HT"}, hidden

    pages = _every_candidate_page(exam["candidate"])
    situation = pages["/etudiant/situation"]
    assert MESSAGE in situation and "Délai de réapprovisionnement" in situation
    assert "9 semaines" in situation
    forbidden = [v.reason for v in versions if v.reason]
    forbidden += [c.label for c in hidden] + [c.new for c in hidden if "€" in c.new]
    forbidden += hidden_values(handed) + ["Retour à la version", "version 5", "version 4"]
    assert len(pages) >= 3
    for page_url, html in pages.items():
        for text in forbidden:
            assert text not in html, (page_url, text)
