"""The parameter registry: validate and apply the jury's overrides as a pure function."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from simulator.engine.money import MoneyError, cents, format_eur, to_decimal
from simulator.scenarios.generator.core import refresh_negotiation
from simulator.scenarios.registry.changes import Change, diff
from simulator.scenarios.registry.parameters import (
    PARAMETERS,
    PARAMETERS_BY_KEY,
    PERSONAS,
    Parameter,
)
from simulator.scenarios.registry.presets import PRESETS, Preset
from simulator.scenarios.registry.setters import SETTERS, Value
from simulator.scenarios.situation.model import RangeLimit, Situation

MAX_TEXT = 300

__all__ = [
    "PARAMETERS",
    "PRESETS",
    "Change",
    "OverrideError",
    "Preset",
    "apply",
    "choices_for",
    "diff",
    "limits_for",
]


class OverrideError(ValueError):
    """Overrides refused by the registry; problems are French sentences."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


#: overrides are bounded before any arithmetic (rounding 1e30 to cents would overflow)
MAX_DIGITS = 15
MAX_MAGNITUDE = Decimal(10) ** 15


def _show(param: Parameter, value: Decimal) -> str:
    """Display a bound the way the jury reads it."""
    return format_eur(value) if param.type == "money" else f"{value.normalize():f}"


def limits_for(param: Parameter, situation: Situation) -> RangeLimit:
    """The allowed range of a numeric parameter in this situation (pack range, else default)."""
    return situation.registry.get(param.key) or RangeLimit(min=param.min, max=param.max)


def choices_for(param: Parameter, situation: Situation) -> tuple[str, ...]:
    """Allowed values of an enum parameter in this situation."""
    if param.key == "buyer.decision_maker":
        present = {c.role for c in situation.client.contacts}
        return tuple(role for role in param.choices if role in present)
    return param.choices if param.choices else PERSONAS


def _parse(param: Parameter, raw: str, situation: Situation) -> Value:
    """Read and check one value; raise ValueError with a French message."""
    text = raw.strip()
    if param.type == "text":
        if not text or len(text) > MAX_TEXT:
            raise ValueError(f"texte vide ou trop long (maximum {MAX_TEXT} caractères)")
        return text
    if param.type == "enum":
        allowed = choices_for(param, situation)
        if text not in allowed:
            raise ValueError(f"« {text} » n'est pas une valeur possible ({', '.join(allowed)})")
        return text
    shown = text if len(text) <= 40 else text[:40] + "…"
    if param.type == "integer":
        digits = text[1:] if text.startswith("-") else text
        # ASCII digits only: "²".isdigit() is True but int("²") fails
        if not (digits.isascii() and digits.isdigit()) or len(digits) > MAX_DIGITS:
            raise ValueError(f"« {shown} » n'est pas un nombre entier")
        number = Decimal(int(text))
    else:
        try:
            number = to_decimal(text.replace("%", ""), param.label)
        except MoneyError:
            raise ValueError(f"« {shown} » n'est pas un nombre") from None
        if not number.is_finite() or abs(number) >= MAX_MAGNITUDE:
            raise ValueError(f"valeur {shown} trop grande")
    limits = limits_for(param, situation)
    low, high = limits.min, limits.max
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = (
            f"[{_show(param, low) if low is not None else '…'} ; "
            f"{_show(param, high) if high is not None else '…'}]"
        )
        raise ValueError(f"valeur {shown} hors plage {bounds}")
    if param.type == "money":  # rounded only once known to be in range
        return cents(number)
    return int(number) if param.type == "integer" else number


def apply(snapshot: dict[str, Any], overrides: dict[str, str]) -> dict[str, Any]:
    """Return a NEW snapshot with the overrides applied; refuse unknown keys and bad values."""
    situation = Situation.model_validate(snapshot)
    problems: list[str] = []
    values: dict[str, Value] = {}
    for key, raw in sorted(overrides.items()):
        param = PARAMETERS_BY_KEY.get(key)
        if param is None:
            problems.append(
                f"{key} : paramètre inconnu (paramètres possibles : "
                f"{', '.join(p.key for p in PARAMETERS)})"
            )
        elif key not in situation.registry:
            problems.append(f"{key} : paramètre non modifiable dans ce pack")
        else:
            try:
                values[key] = _parse(param, str(raw), situation)
            except ValueError as exc:
                problems.append(f"{key} ({param.label}) : {exc}")
    if problems:
        raise OverrideError(problems)
    for param in PARAMETERS:
        if param.key in values:
            SETTERS[param.key](situation, values[param.key])
    refresh_negotiation(situation)
    return situation.model_dump(mode="json")
