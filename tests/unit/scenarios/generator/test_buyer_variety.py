"""Buyers that differ (issue 11): weights jittered around the persona's profile, seeded."""

from __future__ import annotations

from simulator.scenarios.generator.core import generate
from tests.unit.scenarios.conftest import shipped_pack


def test_100_seeds_give_at_least_90_distinct_weight_vectors() -> None:
    pack = shipped_pack("materiel-electrique")
    vecteurs = set()
    for graine in range(1, 101):
        poids = generate(pack, graine).negotiation.hidden.weights
        assert sum(poids.values()) == 1
        vecteurs.add(tuple(sorted(poids.items())))
    assert len(vecteurs) >= 90
