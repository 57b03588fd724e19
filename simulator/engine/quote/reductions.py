"""The cascade of commercial reductions: rabais → remise → ristourne, each on the previous net."""

from __future__ import annotations

from decimal import Decimal

from simulator.engine.errors import QuoteError
from simulator.engine.money import format_eur, percent_of
from simulator.engine.quote.models import NATURES_REDUCTION, EtapeReduction, Reduction


def ordonner(reductions: tuple[Reduction, ...]) -> list[tuple[int, Reduction]]:
    """Sort reductions in the taught order, keeping the input order within one nature."""
    indexees = list(enumerate(reductions))
    return sorted(indexees, key=lambda item: NATURES_REDUCTION.index(item[1].nature))


def appliquer_cascade(
    base: Decimal, reductions: tuple[Reduction, ...], chemin: str
) -> tuple[tuple[EtapeReduction, ...], Decimal]:
    """Apply the reductions in cascade to base; return the steps and the final net."""
    # Each percentage amount is rounded half-up to the cent before it is deducted, so every
    # displayed step is an amount in cents (as in the reference's worked quote).
    etapes = []
    net = base
    for index, reduction in ordonner(reductions):
        etape = appliquer_une(net, reduction, f"{chemin}[{index}]")
        etapes.append(etape)
        net = etape.net_ht
    return tuple(etapes), net


def appliquer_une(base: Decimal, reduction: Reduction, chemin: str) -> EtapeReduction:
    """Deduct one reduction from base, refusing a fixed amount larger than the base."""
    nom = reduction.nature.capitalize()
    if reduction.taux is not None:
        montant = percent_of(base, reduction.taux)
        explication = (
            f"{nom} de {reduction.taux} % sur {format_eur(base)} = "
            f"{format_eur(montant)} → net {format_eur(base - montant)}"
        )
    else:
        montant = reduction.montant if reduction.montant is not None else Decimal("0")
        if montant > base:
            raise QuoteError(
                f"{chemin}.montant",
                f"le {reduction.nature} de {format_eur(montant)} dépasse la base "
                f"de {format_eur(base)} à laquelle il s'applique",
            )
        explication = (
            f"{nom} de {format_eur(montant)} sur {format_eur(base)} "
            f"→ net {format_eur(base - montant)}"
        )
    return EtapeReduction(
        nature=reduction.nature,
        libelle=reduction.libelle or nom,
        taux=reduction.taux,
        base_ht=base,
        montant_ht=montant,
        net_ht=base - montant,
        explication=explication,
    )


def taux_equivalent(etapes: tuple[EtapeReduction, ...]) -> Decimal | None:
    """Return the single equivalent rate 1 − Π(1 − ti) in percent, None if a step is an amount."""
    if any(e.taux is None for e in etapes):
        return None
    reste = Decimal("1")
    for etape in etapes:
        reste *= 1 - (etape.taux or Decimal("0")) / 100
    return (1 - reste) * 100
