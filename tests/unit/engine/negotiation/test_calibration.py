"""Calibration: the strategy bots on 30 seeds × every shipped pack (issue 11).

The ordering and issue 11's targets that are met (skilled beats every exploiter on score in
≥ 95 % of seeds and on margin in ≥ 90 % of the seeds where the two differ; a deal below cost never
above 10/20; give-away ≤ 8/20 on average). The buyers' diversity targets (100 seeds) are asserted
in tests/unit/scenarios/generator/test_buyer_variety.py; `simulator calibrate` reports them all.
"""

from __future__ import annotations

import json
from statistics import mean

import pytest
from click.testing import CliRunner

from simulator.commands.negotiation import calibrate_command
from simulator.engine.negotiation.bots import BOTS, EXPLOITEURS
from simulator.engine.negotiation.calibration import Ligne, calibrer
from tests.unit.scenarios.negotiation_setup.pack_strategies import PACKS, setup

GRAINES = range(1, 31)


@pytest.fixture(scope="module", params=PACKS)
def lignes(request: pytest.FixtureRequest) -> dict[str, Ligne]:
    resultat = calibrer((setup(request.param, g), g) for g in GRAINES)
    return {ligne.bot: ligne for ligne in resultat}


def test_every_bot_played_every_seed(lignes: dict[str, Ligne]) -> None:
    assert set(lignes) == set(BOTS)
    assert all(len(ligne.parties) == len(GRAINES) for ligne in lignes.values())


def test_skilled_scores_best_on_average_and_beats_each_exploiter_on_most_seeds(
    lignes: dict[str, Ligne],
) -> None:
    habile = mean(p.note for p in lignes["habile"].parties)
    for bot, ligne in lignes.items():
        if bot != "habile":
            assert habile > mean(p.note for p in ligne.parties) + 2, bot
    for bot in EXPLOITEURS:
        assert (lignes[bot].habile_note or 0) >= 0.9, bot


def test_skilled_earns_more_margin_than_every_exploiter(lignes: dict[str, Ligne]) -> None:
    habile = mean(p.marge for p in lignes["habile"].parties)
    for bot in (*EXPLOITEURS, "bradeur", "inflexible"):
        assert habile > mean(p.marge for p in lignes[bot].parties), bot
        assert (lignes[bot].habile_marge or 0) >= 0.75, bot


def test_skilled_beats_every_exploiter_on_score_and_on_margin_when_they_differ(
    lignes: dict[str, Ligne],
) -> None:
    """Issue 11's targets, where met: score ≥ 95 % of seeds; margin ≥ 90 % of the decided seeds.

    On margin, a seed where neither signs is a tie at 0 € (the strict share counts it as a loss
    for skilled); the README reports both shares.
    """
    for bot in EXPLOITEURS:
        assert (lignes[bot].habile_note or 0) >= 0.95, bot
        assert (lignes[bot].habile_marge_hors_egalites or 0) >= 0.9, bot


def test_a_deal_below_cost_never_scores_above_10_out_of_20(lignes: dict[str, Ligne]) -> None:
    sous = [p for ligne in lignes.values() for p in ligne.parties if p.sous_le_cout]
    assert sous  # the give-away and below-cost bots do sign below cost
    assert all(p.note <= 10 for p in sous)


def test_giving_everything_away_averages_at_most_8_out_of_20(lignes: dict[str, Ligne]) -> None:
    assert mean(float(p.note) for p in lignes["bradeur"].parties) <= 8.0


def test_repeating_one_argument_no_longer_pays(lignes: dict[str, Ligne]) -> None:
    """Issue 11: 20 identical arguments beat skilled on margin and score in 22 % of situations."""
    paires = zip(lignes["habile"].parties, lignes["argument_repete"].parties, strict=True)
    assert not any(r.note >= h.note and r.marge >= h.marge and r.accord for h, r in paires)


def test_the_command_prints_the_table_and_the_targets_in_json() -> None:
    r = CliRunner().invoke(calibrate_command, ["--pack", "emballage", "--seeds", "1-2", "--json"])
    assert r.exit_code == 0, r.output
    sortie = json.loads(r.output)
    assert [b["bot"] for b in sortie["bots"]][0] == "habile" and len(sortie["bots"]) == len(BOTS)
    assert set(sortie["cibles"]) >= {
        "habile_bat_exploiteurs_note",
        "sous_le_cout_note_max",
        "vecteurs_de_poids_min",
        "motivations_dominantes_min",
        "budget_egal_plafond_max",
    }
    assert sortie["acheteurs"]["situations"] == 2 and sortie["acheteurs"]["vecteurs_de_poids"] == 2
    assert "habile_gagne_marge_hors_egalites" in sortie["bots"][1]
    mauvais = CliRunner().invoke(calibrate_command, ["--pack", "emballage", "--seeds", "9-1"])
    assert mauvais.exit_code == 1 and "graines" in mauvais.output
