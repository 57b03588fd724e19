"""Read the current value of every registry parameter from a snapshot, for the jury's console."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_FLOOR, Decimal
from typing import Any

Snapshot = dict[str, Any]


def _stock_coverage(snapshot: Snapshot) -> str:
    supply = snapshot.get("supply") or []
    if not supply or not supply[0]["needed"]:
        return ""
    pct = Decimal(supply[0]["stock"]) * 100 / Decimal(supply[0]["needed"])
    return str(min(Decimal(100), pct.to_integral_value(rounding=ROUND_FLOOR)))


_READERS: dict[str, Callable[[Snapshot], object]] = {
    "buyer.decision_maker": lambda s: s["buyer"]["role"],
    "buyer.persona": lambda s: s["buyer"]["persona"],
    "order.quantity": lambda s: str(s["need"]["lines"][0]["quantity"]),
    "client.budget_ht": lambda s: s["client"]["budget_ht"],
    "competitor.price_index": lambda s: s["competitors"][0]["price_index"]
    if s["competitors"]
    else "",
    "supplier.lead_time_weeks": lambda s: str(
        max((x["lead_time_weeks"] for x in s["supply"]), default="")
    ),
    "supplier.stock_coverage": _stock_coverage,
    "client.payment_incidents": lambda s: str(len(s["client"]["payment_history"]["incidents"])),
    "terms.max_payment_days": lambda s: str(s["terms"]["max_payment_days"]),
    "need.extra_constraint": lambda s: "",
}


def current_values(snapshot: Snapshot) -> dict[str, str]:
    """The value each parameter has in this snapshot, as text (empty when not applicable)."""
    return {key: str(read(snapshot)) for key, read in _READERS.items()}


def suggested_preparation_minutes(changed_parameters: int) -> int:
    """A preparation time that grows with the size of the changes (a suggestion; the jury decides).

    The référentiel leaves the time to the jury; the former BTS technico-commercial text tied it to
    « l'ampleur des changements de paramètres opérés ». We suggest 10 minutes, plus 5 per changed
    parameter, capped at 30.
    """
    return min(30, 10 + 5 * max(0, changed_parameters))
