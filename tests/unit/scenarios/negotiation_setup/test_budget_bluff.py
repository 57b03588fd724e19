"""The budget answer is a negotiating statement drawn below the true limit, never a reliable read."""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal
from pathlib import Path

from simulator.commands.negotiation import _situation
from simulator.scenarios.negotiation_setup.adapter import setup_from_snapshot

from simulator.scenarios.negotiation_setup.dialogue import _euros, budget_annonce


def test_the_stated_budget_is_below_the_hidden_ceiling_sometimes_refused_or_vague() -> None:
    rng = random.Random(11)
    modes: Counter[str] = Counter()
    egal_plafond = 0
    for graine in range(1000):
        plafond = Decimal(rng.randint(3000, 90000)) + Decimal("0.37")
        budget = plafond + Decimal(rng.choice([0, 0, 500]))
        mode, montant, phrase = budget_annonce(graine, plafond, budget)
        modes[mode] += 1
        if montant is None:
            assert "€" not in phrase
            continue
        assert montant < plafond and montant <= plafond * Decimal("0.94")
        assert montant % 100 == 0 and _euros(montant) in phrase
        egal_plafond += _euros(montant) == _euros(plafond)
    assert egal_plafond <= 50  # ≤ 5 % of seeds (the draw makes it 0)
    assert egal_plafond == 0
    assert modes["refus"] >= 80 and modes["flou"] >= 120 and modes["chiffre"] >= 500


def test_the_answer_is_seeded() -> None:
    assert budget_annonce(7, Decimal(5000), Decimal(5200)) == budget_annonce(
        7, Decimal(5000), Decimal(5200)
    )
    reponses = {budget_annonce(g, Decimal(5000), Decimal(5200))[2] for g in range(40)}
    assert len(reponses) >= 5


def test_the_buyer_states_the_drawn_answer_not_the_budget() -> None:
    packs = Path(__file__).resolve().parents[4] / "scenario_packs"
    for graine in (1, 2, 3, 4, 5, 6):
        snapshot = _situation("materiel-electrique", graine, (), packs)
        s = setup_from_snapshot(snapshot)
        hidden = snapshot["negotiation"]["hidden"]
        attendu = budget_annonce(
            graine,
            Decimal(str(hidden["price_ceiling_ht"])),
            Decimal(snapshot["client"]["budget_ht"]),
        )
        premier = next(f for f in s.faits if f.theme == "budget")
        assert premier.texte == attendu[2]
        assert f"{_euros(Decimal(snapshot['client']['budget_ht']))}." not in premier.texte
