"""Exact ratio helpers: percentages and unit costs as Decimal, None when not computable."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from simulator.engine.money import HUNDRED, cents

POURCENT_PRECISION = Decimal("0.01")


def pourcentage(numerateur: int | Decimal, denominateur: int | Decimal) -> Decimal | None:
    """numerateur / denominateur × 100, half-up to 0.01 point; None when the denominator is 0."""
    if not denominateur:
        return None
    value = Decimal(numerateur) * HUNDRED / Decimal(denominateur)
    return value.quantize(POURCENT_PRECISION, rounding=ROUND_HALF_UP)


def cout_unitaire(cout: Decimal, nombre: int) -> Decimal | None:
    """cout / nombre, half-up to the cent; None when nombre is 0."""
    if nombre <= 0:
        return None
    return cents(cout / Decimal(nombre))
