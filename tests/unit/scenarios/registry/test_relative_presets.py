"""Every preset and every live event moves the CURRENT situation in the announced direction and size."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from simulator.scenarios.generator.core import generate
from simulator.scenarios.registry.core import PRESETS, apply
from simulator.scenarios.registry.presets import (
    conditions_paiement_imposees,
    offre_concurrente,
    retard_fournisseur,
)
from simulator.scenarios.registry.readable import looks_like_a_path, readable_changes
from simulator.scenarios.situation.model import to_json
from tests.unit.scenarios.conftest import shipped_pack

SLUGS = ("materiel-electrique", "equipements-protection", "emballage")


def snapshot(slug: str, seed: int = 21) -> dict[str, Any]:
    return json.loads(to_json(generate(shipped_pack(slug), seed)))


def offer(s: dict[str, Any]) -> Decimal:
    return Decimal(s["competitors"][0]["offer_total_ht"])


def lead(s: dict[str, Any]) -> int:
    return max(int(x["lead_time_weeks"]) for x in s["supply"])


def close(actual: Decimal, expected: Decimal, tolerance: Decimal) -> bool:
    return abs(actual - expected) <= tolerance


@pytest.mark.parametrize("slug", SLUGS)
def test_competitor_preset_lowers_the_current_offer_by_8_percent_each_time(slug: str) -> None:
    before = snapshot(slug)
    once = apply(before, PRESETS["concurrent_moins_cher"].build(before))
    assert close(offer(once), offer(before) * Decimal("0.92"), offer(before) / 1000)
    twice = apply(before, PRESETS["concurrent_moins_cher"].build(once))
    assert close(offer(twice), offer(once) * Decimal("0.92"), offer(before) / 1000)


@pytest.mark.parametrize("slug", SLUGS)
def test_competing_offer_event_is_5_percent_cheaper_never_dearer(slug: str) -> None:
    before = snapshot(slug)
    after = apply(before, offre_concurrente(before))
    assert offer(after) < offer(before)
    assert close(offer(after), offer(before) * Decimal("0.95"), offer(before) / 1000)


@pytest.mark.parametrize("slug", SLUGS)
def test_budget_preset_cuts_the_current_budget_by_15_percent(slug: str) -> None:
    before = snapshot(slug)
    after = apply(before, PRESETS["budget_reduit"].build(before))
    old, new = Decimal(before["client"]["budget_ht"]), Decimal(after["client"]["budget_ht"])
    assert new < old and close(new, old * Decimal("0.85"), Decimal(100))


@pytest.mark.parametrize("slug", SLUGS)
def test_lead_time_preset_and_delay_event_add_three_weeks_to_the_current_delay(slug: str) -> None:
    before = snapshot(slug)
    after = apply(before, PRESETS["delai_fournisseur_allonge"].build(before))
    assert lead(after) == lead(before) + 3
    late = apply(before, retard_fournisseur(after))
    assert lead(late) == lead(before) + 6 and late["supply"][0]["stock"] == 0


@pytest.mark.parametrize("slug", SLUGS)
def test_partial_shortage_keeps_40_percent_of_the_current_stock(slug: str) -> None:
    before = snapshot(slug)
    after = apply(before, PRESETS["rupture_partielle"].build(before))
    old, new = before["supply"][0]["stock"], after["supply"][0]["stock"]
    needed = before["supply"][0]["needed"]
    assert new <= min(old, needed) * Decimal("0.4") + 1
    assert new < needed and after["supply"][0]["shortage"] is True


@pytest.mark.parametrize("slug", SLUGS)
def test_quantity_incident_and_counterpart_presets(slug: str) -> None:
    before = snapshot(slug)
    doubled = apply(before, PRESETS["quantite_modifiee"].build(before))
    assert doubled["need"]["lines"][0]["quantity"] == 2 * before["need"]["lines"][0]["quantity"]
    incident = apply(before, PRESETS["incident_de_paiement"].build(before))
    count = len(before["client"]["payment_history"]["incidents"])
    assert len(incident["client"]["payment_history"]["incidents"]) == count + 1
    other = apply(before, PRESETS["changement_interlocuteur"].build(before))
    assert other["buyer"]["contact_id"] != before["buyer"]["contact_id"]
    assert other["buyer"]["persona"] == "directif"


def test_imposed_payment_term_never_lengthens_a_shorter_one() -> None:
    before = snapshot("materiel-electrique")
    shorter = apply(before, {"terms.max_payment_days": "20"})
    assert conditions_paiement_imposees(shorter) == {"terms.max_payment_days": "20"}
    longer = apply(before, {"terms.max_payment_days": "45"})
    after = apply(before, PRESETS["conditions_paiement_imposees"].build(longer))
    assert after["terms"]["max_payment_days"] == 30


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_every_preset_reads_in_euros_weeks_units_and_designations(key: str) -> None:
    before = snapshot("materiel-electrique")
    after = apply(before, PRESETS[key].build(before))
    changes = readable_changes(before, after)
    assert changes, key
    for change in changes:
        assert not looks_like_a_path(change.sentence), change.sentence
        assert " → " in change.sentence


def test_readable_changes_name_the_product_and_the_unit() -> None:
    before = snapshot("materiel-electrique")
    designation = before["need"]["lines"][0]["designation"]
    after = apply(before, PRESETS["delai_fournisseur_allonge"].build(before))
    texts = [c.sentence for c in readable_changes(before, after)]
    assert any(designation in t and "semaines" in t for t in texts), texts
    cheaper = apply(before, PRESETS["concurrent_moins_cher"].build(before))
    texts = [c.sentence for c in readable_changes(before, cheaper)]
    assert any("€" in t and "−8" in t for t in texts), texts
