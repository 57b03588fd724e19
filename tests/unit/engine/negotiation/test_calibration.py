"""Calibration: the strategy bots on 30 seeds × every shipped pack (issue 11).

The ordering asserted here is what the buyer alone guarantees; the issue's stricter targets
(skilled beats every exploiter on score in ≥ 95 % of seeds, on margin in ≥ 90 %; a deal below
cost never above 10/20) also depend on the grade and are reported by `simulator calibrate`.
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
    assert set(sortie["cibles"]) >= {"habile_bat_exploiteurs_note", "sous_le_cout_note_max"}
    mauvais = CliRunner().invoke(calibrate_command, ["--pack", "emballage", "--seeds", "9-1"])
    assert mauvais.exit_code == 1 and "graines" in mauvais.output
