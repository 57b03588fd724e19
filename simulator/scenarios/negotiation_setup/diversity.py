"""How much the generated buyers of a pack differ (issue 11), measured on situation snapshots.

Read by `simulator calibrate` next to the bots' table: distinct weight vectors, dominant
motivations (the first drawn, the one the buyer's engine rewards most), and how often the stated
budget gives away the hidden price ceiling.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from simulator.scenarios.negotiation_setup.dialogue import _euros, budget_annonce

#: issue 11's targets on the buyers of one pack over 100 seeds
CIBLES_ACHETEURS = {
    "vecteurs_de_poids_min": 90,
    "motivations_dominantes_min": 3,
    "budget_egal_plafond_max": 0.05,
}


def buyer_diversity(snapshots: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Figures over the situations: weight vectors, dominant motivations, budget = ceiling share.

    « Budget = plafond » counts a stated figure that reads as the hidden ceiling once both are
    rounded like the buyer says them (« 5 800 € HT »); a refused or vague answer never does.
    """
    vecteurs: set[tuple[tuple[str, str], ...]] = set()
    dominantes: Counter[str] = Counter()
    egal, n = 0, 0
    for snap in snapshots:
        n += 1
        hidden = snap["negotiation"]["hidden"]
        vecteurs.add(tuple(sorted((k, str(v)) for k, v in hidden["weights"].items())))
        dominantes[hidden["motivations"][0]] += 1
        plafond = Decimal(str(hidden["price_ceiling_ht"]))
        _, annonce, _ = budget_annonce(
            int(snap.get("seed", 0)), plafond, Decimal(str(snap["client"]["budget_ht"]))
        )
        egal += annonce is not None and _euros(annonce) == _euros(plafond)
    return {
        "situations": n,
        "vecteurs_de_poids": len(vecteurs),
        "motivations_dominantes": dict(sorted(dominantes.items(), key=lambda kv: (-kv[1], kv[0]))),
        "budget_egal_plafond": round(egal / n, 3) if n else None,
    }


def diversity_verdicts(figures: dict[str, Any]) -> dict[str, bool]:
    """Each buyer target met or not (see CIBLES_ACHETEURS); meant for 100 seeds."""
    part = figures["budget_egal_plafond"]
    return {
        "vecteurs_de_poids_min": figures["vecteurs_de_poids"]
        >= CIBLES_ACHETEURS["vecteurs_de_poids_min"],
        "motivations_dominantes_min": len(figures["motivations_dominantes"])
        >= CIBLES_ACHETEURS["motivations_dominantes_min"],
        "budget_egal_plafond_max": part is not None
        and part <= CIBLES_ACHETEURS["budget_egal_plafond_max"],
    }
