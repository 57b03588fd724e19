"""Quote engine throughput: quotes of 1, 20 and 200 lines per second, against an in-run baseline.

The baseline sums the same Decimals naively (Σ quantité × PU, then × 1,2): the cost of the
arithmetic alone, so the ratio shows what validation, cascades, allocation and the result objects
add. Run: `.venv/bin/python bench/bench_quote.py` (no argument; prints one line per size).
"""

from __future__ import annotations

import time
from decimal import Decimal

from simulator.engine.quote.models import Devis, Escompte, LigneDevis, Port, Reduction
from simulator.engine.quote.pricing import calculer_devis

TAUX = (Decimal("20"), Decimal("10"), Decimal("5.5"))


def devis_de(n: int) -> Devis:
    """Build a quote of n lines with line remises, a ristourne, escompte and port."""
    lignes = tuple(
        LigneDevis(
            f"R{i}",
            f"Article {i}",
            Decimal(i % 7 + 1),
            Decimal(f"{10 + i}.45"),
            Decimal(f"{6 + i}.10"),
            TAUX[i % 3],
            (Reduction("remise", Decimal("10")), Reduction("remise", Decimal("5"))),
        )
        for i in range(n)
    )
    return Devis(
        lignes,
        (Reduction("ristourne", Decimal("2")),),
        Escompte(Decimal("1"), True),
        Port(Decimal("95.00"), Decimal("5000.00")),
    )


def naif(devis: Devis) -> Decimal:
    """Baseline: the bare Decimal arithmetic of a quote."""
    total = sum((ligne.quantite * ligne.prix_unitaire_ht for ligne in devis.lignes), Decimal(0))
    return total * Decimal("1.2")


def par_seconde(fonction, argument, duree: float = 0.5) -> float:
    """Call fonction(argument) repeatedly for about duree seconds; return calls per second."""
    appels, debut = 0, time.perf_counter()
    while (ecoule := time.perf_counter() - debut) < duree:
        fonction(argument)
        appels += 1
    return appels / ecoule


def main() -> None:
    """Print the throughput of each size and its ratio to the baseline."""
    print(f"{'lignes':>6} {'devis/s':>10} {'base/s':>12} {'ratio':>7}")
    for n in (1, 20, 200):
        devis = devis_de(n)
        calcul, base = par_seconde(calculer_devis, devis), par_seconde(naif, devis)
        print(f"{n:>6} {calcul:>10.0f} {base:>12.0f} {base / calcul:>6.1f}×")


if __name__ == "__main__":
    main()
