"""One bounded reader for numbers typed by people: ASCII digits only, few digits, small magnitude.

Pure module. Python's own readers accept what a form must not: ``Decimal("1e30")`` (which later
breaks a ``quantize``), ``"²".isdigit()`` (then ``int("²")`` fails), 5,000-digit integers.
"""

from __future__ import annotations

import re
from decimal import Decimal

MAX_DIGITS = 18
MAX_MAGNITUDE = Decimal(10) ** 12
DB_INT_MAX = 2**31 - 1
_PLAIN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)
_SPACES = ("\u202f", "\xa0", " ", "\u2009")


class NumberRefused(ValueError):
    """A typed number refused, with a French message that quotes at most a few characters."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def shown(text: object, limit: int = 24) -> str:
    """A typed value short enough to quote back in a message."""
    value = str(text)
    return value if len(value) <= limit else value[:limit] + "…"


def parse_decimal(
    text: object,
    what: str = "La valeur",
    *,
    max_abs: Decimal = MAX_MAGNITUDE,
    max_digits: int = MAX_DIGITS,
) -> Decimal:
    """Read « 1 250,50 » or « -3.5 »: no exponent, no Unicode digits, bounded digits and size."""
    if isinstance(text, (bool, float)):
        raise NumberRefused(f"{what} : valeur non décimale refusée.")
    raw = str(text).strip()
    for space in _SPACES:
        raw = raw.replace(space, "")
    raw = raw.replace(",", ".").replace("\u2212", "-")
    if not _PLAIN.fullmatch(raw):
        raise NumberRefused(f"{what} : « {shown(text)} » n'est pas un nombre écrit en chiffres.")
    if sum(ch.isdigit() for ch in raw) > max_digits:
        raise NumberRefused(f"{what} : nombre trop long ({max_digits} chiffres au plus).")
    value = Decimal(raw)
    if abs(value) > max_abs:
        raise NumberRefused(
            f"{what} : valeur trop grande (au plus {max_abs:,} en valeur absolue).".replace(
                ",", "\u202f"
            )
        )
    return value


def parse_int(
    text: object, what: str = "La valeur", *, low: int = 0, high: int = DB_INT_MAX
) -> int:
    """A whole number between low and high, from ASCII digits only."""
    value = parse_decimal(
        text,
        what,
        max_abs=Decimal(max(abs(low), abs(high))),
        max_digits=len(str(max(abs(low), abs(high)))) + 1,
    )
    if value != value.to_integral_value() or not low <= value <= high:
        raise NumberRefused(f"{what} : nombre entier entre {low} et {high} attendu.")
    return int(value)


def int_or_none(text: object, *, low: int = 0, high: int = DB_INT_MAX) -> int | None:
    """A bounded whole number, or None when the text is not one (filters, optional choices)."""
    try:
        return parse_int(text, low=low, high=high)
    except NumberRefused:
        return None
