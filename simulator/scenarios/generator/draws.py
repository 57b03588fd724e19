"""Seeded draws without floats: decimals from integer draws, weighted choices, rounding helpers."""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from simulator.scenarios.schema.common import DecRange, IntRange

T = TypeVar("T")
_STEPS = 10_000


def between(rng: random.Random, bounds: DecRange, places: int = 2) -> Decimal:
    """Draw a decimal uniformly in [min, max], quantized to places decimals."""
    fraction = Decimal(rng.randint(0, _STEPS)) / Decimal(_STEPS)
    value = bounds.min + (bounds.max - bounds.min) * fraction
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def int_between(rng: random.Random, bounds: IntRange) -> int:
    """Draw an integer uniformly in [min, max]."""
    return rng.randint(bounds.min, bounds.max)


def chance(rng: random.Random, probability: Decimal) -> bool:
    """Return True with the given probability (0..1), from an integer draw."""
    return Decimal(rng.randint(0, _STEPS - 1)) < probability * _STEPS


def weighted(rng: random.Random, items: Sequence[T], weights: Sequence[Decimal]) -> T:
    """Pick one item with probability proportional to its (non-negative) weight."""
    scaled = [int(max(w, Decimal(0)) * 1_000_000) for w in weights]
    if not sum(scaled):
        return items[rng.randrange(len(items))]
    ticket = rng.randint(1, sum(scaled))
    for item, weight in zip(items, scaled, strict=True):
        ticket -= weight
        if ticket <= 0:
            return item
    raise AssertionError("unreachable: the ticket always falls in a slot")


def euros(value: Decimal) -> Decimal:
    """Round to the whole euro, shown with cents (financial statements are kept in euros)."""
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP).quantize(Decimal("0.01"))


def round_to(value: Decimal, step: int) -> Decimal:
    """Round half-up to a multiple of step (budgets are announced in round figures)."""
    return ((value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step).quantize(
        Decimal("0.01")
    )
