"""Offers beyond the legal payment cap, below the supplier lead time or over budget make the buyer doubt."""

from __future__ import annotations

import pytest

from simulator.engine.negotiation import play, start

BAS = {
    "prix": "3400",
    "delai": 3,
    "paiement": 60,
    "acompte": "0",
    "garantie": 36,
    "service": "installation + formation",
}


@pytest.mark.parametrize("persona", ["directif", "analytique", "aimable", "expressif"])
@pytest.mark.parametrize(
    ("change", "regle"),
    [
        ({"paiement": 90}, "hors_cadre_legal"),
        ({"delai": 2}, "offre_intenable"),
    ],
)
def test_the_buyer_doubts_instead_of_accepting(
    make_setup, persona: str, change: dict, regle: str
) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(persona=persona, objections=[])
    etat, rep = play(s, start(s, 3), {"type": "offre", "termes": {**BAS, **change}})
    assert rep.type == "objection" and rep.emotion == "méfiant" and rep.raison["regle"] == regle
    assert etat.statut == "en_cours" and etat.patience < s.patience


def test_over_budget_is_refused(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(objections=[], quantite_ref=20)
    _, rep = play(s, start(s, 3), {"type": "offre", "termes": BAS})
    assert rep.raison["regle"] == "hors_budget"


def test_legal_and_tenable_offer_is_accepted(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(objections=[])
    _, rep = play(s, start(s, 3), {"type": "offre", "termes": BAS})
    assert rep.type == "accepte"
