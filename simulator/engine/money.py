"""Money as Decimal, rounded half-up to the cent as the domain reference prescribes."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal("100")
NARROW_NBSP = "\u202f"


class MoneyError(ValueError):
    """A value that cannot be read as an amount of money."""


def to_decimal(value: object, field: str = "montant") -> Decimal:
    """Read an int, a Decimal or a decimal string (dot or French comma) as a Decimal; refuse floats."""
    if isinstance(value, bool) or isinstance(value, float):
        raise MoneyError(f"{field} : valeur non décimale refusée ({value!r})")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        text = text.replace("€", "").replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise MoneyError(f"{field} : « {value} » n'est pas un nombre") from None
    else:
        raise MoneyError(f"{field} : type non pris en charge ({type(value).__name__})")
    if not result.is_finite():
        raise MoneyError(f"{field} : valeur non finie refusée")
    return result


def cents(value: Decimal) -> Decimal:
    """Round an amount half-up to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def percent_of(amount: Decimal, rate_percent: Decimal) -> Decimal:
    """Return rate_percent % of amount, rounded to the cent."""
    return cents(amount * rate_percent / HUNDRED)


def format_eur(amount: Decimal, symbol: bool = True) -> str:
    """Format an amount the French way: 1 234,50 € (narrow no-break space between thousands)."""
    value = cents(amount)
    sign = "-" if value < 0 else ""
    integer, _, fraction = f"{abs(value):.2f}".partition(".")
    groups: list[str] = []
    while integer:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    text = sign + NARROW_NBSP.join(groups) + "," + fraction
    return f"{text}\xa0€" if symbol else text


def format_pourcent(rate_percent: Decimal) -> str:
    """Format a percentage the French way without useless zeros: 5.5 -> « 5,5 % »."""
    text = format(rate_percent.normalize(), "f") if rate_percent != 0 else "0"
    return text.replace(".", ",") + "\xa0%"
