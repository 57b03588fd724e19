"""Strategy tests over many seeds and all personas: good selling pays, giving away or stonewalling does not."""

from __future__ import annotations

import statistics
from decimal import Decimal

import pytest

from simulator.engine.scoring import debrief
from tests.unit.engine.negotiation.seller_strategies import bradeur, habile, inflexible, jouer
from tests.unit.engine.negotiation.setup_factory import fabriquer

PERSONAS = ["directif", "analytique", "aimable", "expressif"]
GRAINES = range(12)


def _resultats(persona: str, politique, reservation: float = 0.3):  # type: ignore[no-untyped-def]
    sortie = []
    for g in GRAINES:
        s = fabriquer(persona=persona, graine=g, reservation=reservation)
        tr, _ = jouer(s, g, politique)
        sortie.append(debrief(s, tr))
    return sortie


@pytest.mark.parametrize("persona", PERSONAS)
def test_giving_everything_at_once_gets_a_deal_with_a_poor_margin_and_debrief(persona: str) -> None:
    for d in _resultats(persona, bradeur):
        m = d["mesures"]
        assert m["accord"] is not None
        assert m["marge"] < m["marge_plancher"]
        assert d["note_sur_20"] < 10
        assert d["criteres"][3]["niveau"] == 0


@pytest.mark.parametrize("persona", ["directif", "analytique"])
def test_never_conceding_loses_against_a_boulware_buyer_with_a_low_batna(persona: str) -> None:
    for d in _resultats(persona, inflexible, reservation=0.2):
        assert d["mesures"]["accord"] is None


@pytest.mark.parametrize("persona", PERSONAS)
def test_discovering_arguing_and_trading_does_clearly_better(persona: str) -> None:
    bons, mauvais = _resultats(persona, habile), _resultats(persona, bradeur)
    assert sum(d["mesures"]["accord"] is not None for d in bons) >= len(GRAINES) - 1
    marges = [d["mesures"]["marge"] for d in bons if d["mesures"]["accord"] is not None]
    assert statistics.mean(marges) > statistics.mean(
        d["mesures"]["marge"] for d in mauvais
    ) + Decimal(3000)
    assert min(marges) >= fabriquer().vendeur.marge_plancher
    assert (
        statistics.mean(d["note_sur_20"] for d in bons)
        >= statistics.mean(d["note_sur_20"] for d in mauvais) + 6
    )
    assert statistics.mean(float(d["mesures"]["part_zopa"]) for d in bons) > 40


def test_arguments_on_heard_motivations_raise_perceived_value() -> None:
    """The same trading seller with and without discovery and arguments."""
    avec, sans = [], []
    for g in GRAINES:
        s = fabriquer(persona="analytique", graine=g)
        tr, _ = jouer(s, g, habile)
        avec.append(tr.etat)
        tr2, _ = jouer(
            s,
            g,
            lambda s_, v, r, n: (
                habile(s_, v, r, n + 40) if n else {"type": "message", "texte": "Bonjour"}
            ),
        )
        sans.append(tr2.etat)
    assert statistics.mean(e.valeur_percue for e in avec) > 0.05
    assert all(e.valeur_percue == 0 for e in sans)
