"""The snapshot -> NegotiationSetup adapter over many seeds of every shipped pack."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from simulator.engine.negotiation import NegotiationSetup
from simulator.engine.negotiation.outcome_space import frontiere, point_nash
from simulator.engine.scoring.metrics import zopa
from simulator.scenarios.negotiation_setup.adapter import setup_from_snapshot
from simulator.scenarios.negotiation_setup.grids import MAX_OUTCOMES
from tests.unit.scenarios.negotiation_setup.pack_strategies import PACKS, setup, snapshot

GRAINES = range(30)


@pytest.mark.parametrize("slug", PACKS)
def test_setups_valid_small_and_mostly_with_a_zopa(slug: str) -> None:
    """30 seeds per pack: valid setups, ≤ 20k outcomes, a ZOPA for most, Nash computable."""
    avec_zopa = 0
    for g in GRAINES:
        s = setup(slug, g)
        esp = s.espace
        assert 1 < esp.taille <= MAX_OUTCOMES
        assert {e.cle for e in s.enjeux} == {
            i["key"] for i in snapshot(slug, g)["negotiation"]["issues"]
        }
        assert all(isinstance(x, Decimal) for e in s.enjeux for x in e.impact_marge)
        assert s.vendeur.marge_plancher < s.vendeur.marge_cible <= s.vendeur.marge_fixe
        assert esp.pareto and all(esp.ub[a] < esp.ub[b] for a, b in zip(esp.pareto, esp.pareto[1:]))
        if zopa(s, esp)["zopa_existe"]:
            avec_zopa += 1
            assert esp.nash is not None
    assert avec_zopa >= 27, f"{slug}: ZOPA on {avec_zopa}/30 seeds"


@pytest.mark.parametrize("slug", PACKS)
def test_reservation_and_exponent_come_from_the_hidden_side(slug: str) -> None:
    """Same GENIUS convention as the generator: the exponent and reservation pass unchanged."""
    for g in range(5):
        hidden = snapshot(slug, g)["negotiation"]["hidden"]
        s = setup(slug, g)
        assert s.exposant == float(hidden["concession_exponent"])
        assert (s.exposant < 1) == (s.persona in ("directif", "analytique"))
        assert s.acheteur.reservation == pytest.approx(float(hidden["reservation_utility"]))
        assert s.patience == pytest.approx(hidden["patience"] / 10)
        # the engine's utility of the hidden reservation package is the generator's (grid ends kept)
        u = sum(
            s.espace.poids[i] * _u_lin(e, hidden["reservation"][e.cle], s)
            for i, e in enumerate(s.enjeux)
        )
        assert u == pytest.approx(float(hidden["reservation_utility"]), abs=2e-3)


def _u_lin(e, brut, s: NegotiationSetup) -> float:
    """Generator's linear utility of a raw reservation value on the engine's grid ends."""
    if e.nature == "service":
        n = int(brut)
        return n / (len(e.valeurs) - 1) if len(e.valeurs) > 1 else 1.0
    lo, hi, v = float(e.valeurs[0]), float(e.valeurs[-1]), float(Decimal(str(brut)))
    part = (v - lo) / (hi - lo) if hi > lo else 1.0
    return part if e.sens_acheteur == "hausse" else 1 - part


def test_pareto_and_nash_match_brute_force_on_a_real_setup() -> None:
    """The frontier and the Nash point of a pack setup, checked by enumeration."""
    s = setup("emballage", 3)
    esp = s.espace
    pareto = set(frontiere(esp.ub, esp.us))
    echantillon = range(0, esp.taille, max(1, esp.taille // 400))
    for o in echantillon:  # a sampled outcome is on the frontier iff nothing dominates it
        domine = any(
            esp.ub[p] >= esp.ub[o]
            and esp.us[p] >= esp.us[o]
            and (esp.ub[p], esp.us[p]) != (esp.ub[o], esp.us[o])
            for p in pareto
        )
        assert (
            domine
            or o in pareto
            or any(
                math.isclose(esp.ub[p], esp.ub[o]) and math.isclose(esp.us[p], esp.us[o])
                for p in pareto
            )
        )
    nash = point_nash(esp.pareto, esp.ub, esp.us, esp.res_b, esp.res_s)
    produit = max(
        (esp.ub[o] - esp.res_b) * (esp.us[o] - esp.res_s)
        for o in range(esp.taille)
        if esp.ub[o] >= esp.res_b and esp.us[o] >= esp.res_s
    )
    assert nash is not None
    assert (esp.ub[nash] - esp.res_b) * (esp.us[nash] - esp.res_s) == pytest.approx(produit)


def test_margin_impacts_follow_the_quote_engine() -> None:
    """Discount costs the quote's net; offering a billed service loses its price; floor = min tdm."""
    snap = snapshot("materiel-electrique", 7)
    s = setup_from_snapshot(snap)
    remise = s.enjeux[s.index["remise_pct"]]
    assert remise.impact_marge[0] == 0 and list(remise.impact_marge) == sorted(
        remise.impact_marge, reverse=True
    )
    liste = Decimal(snap["need"]["list_total_ht"])
    k = remise.valeurs.index(Decimal(10))
    assert remise.impact_marge[k] == -(liste * Decimal("0.10")).quantize(Decimal("0.01"))
    services = s.enjeux[s.index["services"]]
    assert (
        services.valeurs[0] == "aucun" and services.valeurs[1] == snap["need"]["services"][0]["ref"]
    )
    assert services.impact_marge[1] == -Decimal(snap["need"]["services"][0]["list_price_ht"])
    marge = s.vendeur.marge_plancher
    assert float(marge / (marge + (liste - s.vendeur.marge_fixe))) == pytest.approx(
        float(snap["terms"]["min_taux_de_marque_pct"]) / 100, abs=1e-3
    )
    assert s.paiement_max_jours == snap["terms"]["max_payment_days"]
    assert s.interlocuteur == snap["buyer"]["name"]


def test_objections_facts_and_utterances_come_from_the_situation() -> None:
    """The buyer's objections (and the buying centre's), facts on every theme, persona lines."""
    snap = snapshot("materiel-electrique", 7)
    s = setup_from_snapshot(snap)
    acheteur = next(c for c in snap["client"]["contacts"] if c["id"] == snap["buyer"]["contact_id"])
    textes = [o.texte for o in s.objections]
    assert all(o["text"] in textes for o in acheteur["objections"])
    assert 1 <= len(s.objections) <= 4 and all(o.techniques for o in s.objections)
    assert {f.theme for f in s.faits} >= {"besoin", "budget", "delai", "decideurs", "concurrence"}
    assert any(f.motivation in s.acheteur.motivations for f in s.faits)
    assert any(c["name"] in f.texte for c in snap["competitors"] for f in s.faits)
    assert all("{termes}" in t for t in s.repliques["contre_offre"])


def test_supplier_lead_time_is_the_longest_uncovered_line() -> None:
    """Lead time override: no stock -> the supplier's lead time becomes the minimum."""
    base = setup("equipements-protection", 4)
    plus_long = setup(
        "equipements-protection",
        4,
        (("supplier.lead_time_weeks", "9"), ("supplier.stock_coverage", "0")),
    )
    assert plus_long.delai_min_semaines >= 9 > (base.delai_min_semaines or 0)
    valeurs = plus_long.enjeux[plus_long.index["delai_livraison_semaines"]].valeurs
    assert any(v >= 9 for v in valeurs)
    assert plus_long.espace.taille > 1


def test_overrides_budget_and_persona_change_the_setup() -> None:
    """Budget down -> reservation up (the ceiling falls, a bigger discount is needed); persona."""
    base = setup("materiel-electrique", 11)
    budget = Decimal(snapshot("materiel-electrique", 11)["client"]["budget_ht"])
    serre = setup(
        "materiel-electrique",
        11,
        (("client.budget_ht", str((budget * Decimal("0.8")).quantize(Decimal(1)))),),
    )
    assert serre.acheteur.budget_ht < base.acheteur.budget_ht
    assert serre.acheteur.reservation > base.acheteur.reservation
    prix = [o for o in serre.objections if o.enjeu == "remise_pct"]
    prix_base = [o for o in base.objections if o.enjeu == "remise_pct"]
    if prix and prix_base:
        assert prix[0].levee_si > prix_base[0].levee_si
    for persona, boulware in (("directif", True), ("aimable", False)):
        s = setup("materiel-electrique", 11, (("buyer.persona", persona),))
        assert s.persona == persona and (s.exposant < 1) is boulware
    assert setup("materiel-electrique", 11, (("buyer.persona", "directif"),)).exposant == 0.3
    assert setup("materiel-electrique", 11, (("buyer.persona", "aimable"),)).exposant == 2.0


def test_setup_round_trips_through_json() -> None:
    """The adapter's setup survives the engine's JSON codec (stored with the session)."""
    s = setup("emballage", 5)
    autre = NegotiationSetup.from_dict(s.to_dict())
    assert autre.to_dict() == s.to_dict()
    assert autre.espace.taille == s.espace.taille
