"""Offer grids contain what matters to the situation (issue 11)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.unit.scenarios.negotiation_setup.pack_strategies import PACKS, setup, snapshot


@pytest.mark.parametrize("pack", PACKS)
@pytest.mark.parametrize("graine", [1, 18, 42, 65])
def test_the_grid_holds_the_requested_lead_time_warranties_deposits_and_the_need(
    pack: str, graine: int
) -> None:
    snap, s = snapshot(pack, graine), setup(pack, graine)
    valeurs = {e.cle: e.valeurs for e in s.enjeux}
    domaines = {d["key"]: d for d in snap["negotiation"]["issues"]}

    def dans(cle: str, v: int) -> bool:
        d = domaines[cle]
        return Decimal(d["min"]) <= v <= Decimal(d["max"])

    demande = int(snap["need"]["deadline_weeks"])
    if dans("delai_livraison_semaines", demande):
        assert demande in valeurs["delai_livraison_semaines"]
    for mois in {int(p["warranty_months"]) for p in snap["catalogue"]["products"]} - {0}:
        if dans("garantie_mois", mois):
            assert mois in valeurs["garantie_mois"]
    for pct in (0, 10, 20, 30):
        if dans("acompte_pct", pct):
            assert Decimal(pct) in valeurs["acompte_pct"]
    quantite = int(snap["need"]["lines"][0]["quantity"])
    assert quantite in valeurs["quantite"]
    assert max(valeurs["quantite"]) <= int(Decimal(domaines["quantite"]["max"]))
    assert 30 in valeurs["delai_paiement_jours"]
    assert s.espace.taille <= 32_000
