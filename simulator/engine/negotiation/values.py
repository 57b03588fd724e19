"""Issue values: reading, JSON form, French display and piecewise-linear interpolation."""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal
from functools import lru_cache

from simulator.engine.money import MoneyError, to_decimal
from simulator.engine.negotiation import wording
from simulator.engine.negotiation.vocabulary import NATURES_DECIMALES, NATURES_ENTIERES

Valeur = Decimal | int | str
ValeurJson = str | int


class ValeurInvalide(ValueError):
    """A term that cannot be read for its issue."""


def lire_valeur(nature: str, brut: object, cle: str = "") -> Valeur:
    """Read a raw JSON value for an issue of the given kind (floats refused for decimal kinds).

    JSON strings and integers (the state's own form) are read once and memoised: every turn
    re-reads the standing offers, and the result (Decimal, int or str) is immutable.
    """
    genre = type(brut)
    if genre is str or genre is int:
        return _lire_memo(nature, brut, cle)
    return _lire(nature, brut, cle)


@lru_cache(maxsize=8192, typed=True)
def _lire_memo(nature: str, brut: str | int, cle: str) -> Valeur:
    """Memoised reading of a JSON string or integer (errors are raised, never cached)."""
    return _lire(nature, brut, cle)


def _lire(nature: str, brut: object, cle: str) -> Valeur:
    """Read one raw value (uncached)."""
    if nature in NATURES_DECIMALES:
        try:
            return to_decimal(brut, cle or nature)
        except MoneyError as exc:
            raise ValeurInvalide(str(exc)) from None
    if nature in NATURES_ENTIERES:
        if isinstance(brut, bool) or not isinstance(brut, (int, str, Decimal)):
            raise ValeurInvalide(f"{cle or nature} : entier attendu ({brut!r})")
        try:
            valeur = Decimal(str(brut).strip())
        except ArithmeticError:
            raise ValeurInvalide(f"{cle or nature} : entier attendu ({brut!r})") from None
        if valeur != valeur.to_integral_value():
            raise ValeurInvalide(f"{cle or nature} : entier attendu ({brut!r})")
        return int(valeur)
    if isinstance(brut, bool):
        return "oui" if brut else "non"
    if not isinstance(brut, str):
        raise ValeurInvalide(f"{cle or nature} : option attendue ({brut!r})")
    return brut


def en_json(valeur: Valeur) -> ValeurJson:
    """Return the JSON-safe form of a value (Decimal as a string)."""
    return str(valeur) if isinstance(valeur, Decimal) else valeur


def est_numerique(nature: str) -> bool:
    """Tell whether an issue kind is ordered numerically (everything but service options)."""
    return nature in NATURES_DECIMALES or nature in NATURES_ENTIERES


def afficher(nature: str, valeur: Valeur, designations: dict[str, str] | None = None) -> str:
    """Format a value the French way, with its agreed unit (services by their designations)."""
    return wording.afficher(nature, valeur, designations)


def interpoler(xs: list[Decimal], ys: list[Decimal], x: Decimal) -> Decimal:
    """Interpolate ys over sorted xs at x, extrapolating linearly from the edge segments."""
    if len(xs) == 1:
        return ys[0]
    k = min(max(bisect_right(xs, x) - 1, 0), len(xs) - 2)
    x0, x1, y0, y1 = xs[k], xs[k + 1], ys[k], ys[k + 1]
    if x1 == x0:
        return y0
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def interpoler_borne(xs: list[float], ys: list[float], x: float) -> float:
    """Interpolate ys over sorted xs at x, clamped to the edge values."""
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    k = bisect_right(xs, x) - 1
    x0, x1 = xs[k], xs[k + 1]
    return ys[k] + (ys[k + 1] - ys[k]) * (x - x0) / (x1 - x0)
