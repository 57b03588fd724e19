"""Split an amount in cents across keys prorata of weights, the parts summing exactly to it."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import ROUND_FLOOR, Decimal
from typing import TypeVar

from simulator.engine.money import CENT, ZERO

K = TypeVar("K", bound=Hashable)


def repartir_prorata(montant: Decimal, poids: Mapping[K, Decimal]) -> dict[K, Decimal]:
    """Split montant (in cents, >= 0) prorata of poids by the largest-remainder method."""
    # Each share is floored to the cent; the cents left over go one by one to the largest
    # fractional remainders, ties to the key that comes first in poids (callers pass keys in
    # a deterministic order, e.g. VAT rates sorted descending).
    keys = list(poids)
    total = sum((poids[k] for k in keys), ZERO)
    if not keys:
        return {}
    if total == 0:
        return {k: (montant if i == 0 else ZERO) for i, k in enumerate(keys)}
    exact = {k: montant * poids[k] / total for k in keys}
    parts = {k: exact[k].quantize(CENT, rounding=ROUND_FLOOR) for k in keys}
    reste = int((montant - sum(parts.values(), ZERO)) / CENT)
    ordre = sorted(range(len(keys)), key=lambda i: (-(exact[keys[i]] - parts[keys[i]]), i))
    for i in ordre[:reste]:
        parts[keys[i]] += CENT
    return parts
