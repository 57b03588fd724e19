"""The jury's registry: apply at bounds, refuse beyond, presets and a readable diff."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import pytest

from simulator.scenarios.generator.core import generate
from simulator.scenarios.registry.core import PARAMETERS, PRESETS, OverrideError, apply, diff
from simulator.scenarios.registry.presets import (
    budget_reduit,
    changement_interlocuteur,
    concurrent_moins_cher,
    conditions_paiement_imposees,
    delai_fournisseur_allonge,
    incident_de_paiement,
    quantite_modifiee,
    rupture_partielle,
)
from simulator.scenarios.situation.model import to_json
from tests.unit.scenarios.conftest import shipped_pack


def snapshot(slug: str = "materiel-electrique", seed: int = 7) -> dict[str, Any]:
    return json.loads(to_json(generate(shipped_pack(slug), seed)))


def changed_paths(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    return {c.path for c in diff(before, after) if not c.path.startswith("negotiation.")}


def test_apply_returns_a_new_snapshot_and_leaves_the_input_alone() -> None:
    before = snapshot()
    kept = copy.deepcopy(before)
    after = apply(before, {"client.budget_ht": "5000"})
    assert before == kept and after is not before
    assert after["client"]["budget_ht"] == "5000.00"


def test_no_override_changes_nothing() -> None:
    before = snapshot()
    assert apply(before, {}) == before


@pytest.mark.parametrize("value", ["0", "60"])
def test_payment_days_at_the_bounds_are_accepted(value: str) -> None:
    after = apply(snapshot(), {"terms.max_payment_days": value})
    assert after["terms"]["max_payment_days"] == int(value)
    issue = next(i for i in after["negotiation"]["issues"] if i["key"] == "delai_paiement_jours")
    assert Decimal(issue["max"]) == int(value)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("terms.max_payment_days", "61", "valeur 61 hors plage [0 ; 60]"),
        ("terms.max_payment_days", "-1", "valeur -1 hors plage [0 ; 60]"),
        ("competitor.price_index", "69.9", "valeur 69.9 hors plage [70 ; 120]"),
        ("order.quantity", "2001", "valeur 2001 hors plage [1 ; 2000]"),
        ("supplier.lead_time_weeks", "six", "« six » n'est pas un nombre entier"),
        ("client.budget_ht", "beaucoup", "« beaucoup » n'est pas un nombre"),
        ("buyer.persona", "colérique", "« colérique » n'est pas une valeur possible"),
    ],
)
def test_values_beyond_the_range_are_refused(key: str, value: str, message: str) -> None:
    with pytest.raises(OverrideError) as caught:
        apply(snapshot(), {key: value})
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(f"{key} (")
    assert message in caught.value.problems[0]


def test_unknown_keys_are_refused_with_every_problem_listed() -> None:
    with pytest.raises(OverrideError) as caught:
        apply(snapshot(), {"client.couleur": "bleu", "terms.max_payment_days": "90"})
    assert len(caught.value.problems) == 2
    assert caught.value.problems[0].startswith("client.couleur : paramètre inconnu")


def test_a_key_the_pack_does_not_open_is_refused() -> None:
    snap = snapshot()
    del snap["registry"]["client.payment_incidents"]
    with pytest.raises(OverrideError, match="non modifiable dans ce pack"):
        apply(snap, {"client.payment_incidents": "2"})


def test_money_accepts_the_french_notation() -> None:
    assert apply(snapshot(), {"client.budget_ht": "4 999,5"})["client"]["budget_ht"] == "4999.50"


def test_budget_reduit_lowers_the_budget_by_the_given_share() -> None:
    before = snapshot()
    overrides = budget_reduit(before, Decimal(15))
    after = apply(before, overrides)
    expected = Decimal(before["client"]["budget_ht"]) * Decimal("0.85")
    assert abs(Decimal(after["client"]["budget_ht"]) - expected) <= 50
    assert changed_paths(before, after) == {"client.budget_ht"}
    assert Decimal(after["negotiation"]["hidden"]["price_ceiling_ht"]) <= Decimal(
        after["client"]["budget_ht"]
    )


def test_concurrent_moins_cher_lowers_the_current_index_and_offer() -> None:
    before = snapshot()
    after = apply(before, concurrent_moins_cher(before, Decimal(8)))
    expected = Decimal(before["competitors"][0]["price_index"]) * Decimal("0.92")
    assert abs(Decimal(after["competitors"][0]["price_index"]) - expected) < Decimal("0.001")
    assert changed_paths(before, after) == {
        "competitors.0.price_index",
        "competitors.0.offer_total_ht",
    }


def test_delai_fournisseur_allonge_moves_every_supply_line_and_the_delivery_domain() -> None:
    before = snapshot()
    after = apply(before, delai_fournisseur_allonge(before, 6))
    longest = max(s["lead_time_weeks"] for s in before["supply"])
    assert {s["lead_time_weeks"] for s in after["supply"]} == {longest + 6}


def test_rupture_partielle_leaves_part_of_the_current_stock() -> None:
    before = snapshot()
    after = apply(before, rupture_partielle(before, Decimal(40)))
    main, old = after["supply"][0], before["supply"][0]
    assert main["stock"] <= min(old["stock"], old["needed"]) * 40 // 100 + 1
    assert main["shortage"] is True
    delivery = next(
        i for i in after["negotiation"]["issues"] if i["key"] == "delai_livraison_semaines"
    )
    assert Decimal(delivery["min"]) == max(s["lead_time_weeks"] for s in after["supply"])


def test_changement_interlocuteur_hands_over_to_a_directive_decider() -> None:
    before = snapshot()
    assert before["buyer"]["role"] == "acheteur"
    after = apply(before, changement_interlocuteur(before))
    assert after["buyer"]["role"] == "decideur" and after["buyer"]["persona"] == "directif"
    contact = next(
        c for c in after["client"]["contacts"] if c["id"] == after["buyer"]["contact_id"]
    )
    assert contact["persona"] == "directif"
    hidden = after["negotiation"]["hidden"]
    assert hidden["persona"] == "directif" and hidden["concession_exponent"] == "0.3"


def test_incident_de_paiement_adds_one_incident() -> None:
    before = snapshot()
    after = apply(before, incident_de_paiement(before))
    count = len(before["client"]["payment_history"]["incidents"])
    assert len(after["client"]["payment_history"]["incidents"]) == count + 1


def test_quantite_modifiee_doubles_the_main_line_and_scales_the_budget() -> None:
    before = snapshot()
    after = apply(before, quantite_modifiee(before))
    assert after["need"]["lines"][0]["quantity"] == 2 * before["need"]["lines"][0]["quantity"]
    assert Decimal(after["client"]["budget_ht"]) > Decimal(before["client"]["budget_ht"])
    assert "need.list_total_ht" in changed_paths(before, after)


def test_conditions_paiement_imposees_cap_the_payment_issue() -> None:
    before = snapshot()
    after = apply(before, conditions_paiement_imposees(before, 30))
    assert changed_paths(before, after) == {"terms.max_payment_days"}
    assert Decimal(after["negotiation"]["hidden"]["reservation"]["delai_paiement_jours"]) <= 30


def test_every_preset_produces_overrides_the_registry_accepts() -> None:
    for slug in ("materiel-electrique", "equipements-protection", "emballage"):
        before = snapshot(slug, 21)
        for preset in PRESETS.values():
            apply(before, preset.build(before))


def test_extra_constraint_is_appended() -> None:
    after = apply(snapshot(), {"need.extra_constraint": "Livraison avant 7 h"})
    assert after["need"]["constraints"][-1] == "Livraison avant 7 h"


def test_diff_shows_exactly_what_changed_with_french_labels() -> None:
    before = snapshot()
    after = apply(before, {"terms.max_payment_days": "45", "client.budget_ht": "5000"})
    visible = [
        (c.path, c.label, c.old, c.new)
        for c in diff(before, after)
        if not c.path.startswith("negotiation.")
    ]
    assert visible == [
        ("client.budget_ht", "Budget du client HT", before["client"]["budget_ht"], "5000.00"),
        ("terms.max_payment_days", "Délai de paiement maximal (jours)", 60, 45),
    ]
    hidden = [c for c in diff(before, after) if c.path.startswith("negotiation.")]
    assert all(c.label in ("Enjeux négociables", "Paramètres cachés de l'acheteur") for c in hidden)


def test_every_registry_parameter_has_a_french_label_and_a_type() -> None:
    for param in PARAMETERS:
        assert param.label and param.type in ("money", "percent", "integer", "enum", "text")
        assert param.affects
