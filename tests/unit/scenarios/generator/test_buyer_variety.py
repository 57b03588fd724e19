"""Buyers that differ (issue 11): weights jittered around the persona's profile, seeded, and
motivations drawn per situation from each role's pool on their own random stream."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from simulator.scenarios.generator.company import MOTIVATIONS_PER_CONTACT, draw_motivations
from simulator.scenarios.generator.core import generate
from simulator.scenarios.negotiation_setup.diversity import buyer_diversity, diversity_verdicts
from simulator.scenarios.schema.common import Soncas
from simulator.scenarios.situation.model import to_json
from tests.unit.scenarios.conftest import SHIPPED, shipped_pack

GRAINES = range(1, 101)


@pytest.mark.parametrize("slug", SHIPPED)
def test_100_seeds_give_90_weight_vectors_3_dominant_motivations_and_no_budget_leak(
    slug: str,
) -> None:
    pack = shipped_pack(slug)
    situations = [generate(pack, graine) for graine in GRAINES]
    for s in situations:
        assert sum(s.negotiation.hidden.weights.values()) == 1
    figures = buyer_diversity(json.loads(to_json(s)) for s in situations)
    assert figures["situations"] == 100
    assert figures["vecteurs_de_poids"] >= 90
    assert len(figures["motivations_dominantes"]) >= 3
    assert max(figures["motivations_dominantes"].values()) <= 60  # no motivation dominates all
    assert figures["budget_egal_plafond"] <= 0.05
    assert all(diversity_verdicts(figures).values())


@pytest.mark.parametrize("slug", SHIPPED)
def test_every_contact_holds_two_distinct_motivations_of_its_roles_pool(slug: str) -> None:
    pack = shipped_pack(slug)
    pools = {r.role.value: [m.value for m in r.motivations] for r in pack.buying_centre}
    for graine in range(1, 31):
        s = generate(pack, graine)
        for contact in s.client.contacts:
            assert len(set(contact.motivations)) == MOTIVATIONS_PER_CONTACT
            assert set(contact.motivations) <= set(pools[contact.role])
        acheteur = next(c for c in s.client.contacts if c.role == s.buyer.role)
        assert s.buyer.motivations == acheteur.motivations
        assert s.negotiation.hidden.motivations == s.buyer.motivations


def test_the_draw_is_weighted_towards_the_pools_first_motivations_and_seeded() -> None:
    pool = [Soncas.argent, Soncas.securite, Soncas.confort, Soncas.nouveaute, Soncas.sympathie]
    dominantes = Counter(draw_motivations(pool, random.Random(g))[0] for g in range(2000))
    assert set(dominantes) == {m.value for m in pool}
    rangs = [dominantes[m.value] for m in pool]
    assert rangs == sorted(rangs, reverse=True)  # weights 5, 4, 3, 2, 1
    assert 0.28 <= dominantes["argent"] / 2000 <= 0.39
    assert draw_motivations(pool, random.Random("7:motivations")) == draw_motivations(
        pool, random.Random("7:motivations")
    )


def test_a_roles_pool_does_not_shift_the_rest_of_the_situation() -> None:
    """The motivations have their own stream: a bigger pool changes them, and nothing else drawn."""
    pack = shipped_pack("materiel-electrique")
    roles = [
        r.model_copy(update={"motivations": [*r.motivations, Soncas.orgueil]})
        if Soncas.orgueil not in r.motivations
        else r
        for r in pack.buying_centre
    ]
    autre = pack.model_copy(update={"buying_centre": roles})
    for graine in (3, 7, 42):
        a, b = generate(pack, graine), generate(autre, graine)
        assert a.client.company == b.client.company
        assert (
            a.client.financials == b.client.financials and a.client.budget_ht == b.client.budget_ht
        )
        assert a.need == b.need and a.supply == b.supply and a.competitors == b.competitors
        assert [c.phone for c in a.client.contacts] == [c.phone for c in b.client.contacts]
        assert [c.persona for c in a.client.contacts] == [c.persona for c in b.client.contacts]
