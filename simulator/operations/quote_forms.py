"""The quote inputs: defaults, and their parsing with French field errors (read from the
posted form by simulator/web/student/quote_form.py)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from simulator.engine.numbers import NumberRefused, parse_decimal

NATURES = ("rabais", "remise", "ristourne")
ARTICLES = {"rabais": "Le rabais", "remise": "La remise", "ristourne": "La ristourne"}
PAYMENT_MODES = ("date_facture", "fin_de_mois")
MAX_LINES = 200
MAX_QUANTITY = Decimal(1000000)


def new_key() -> str:
    """A short stable key that names a line's fields and error slots."""
    return secrets.token_hex(3)


def blank_line(ref: str = "", quantity: str = "1") -> dict[str, str]:
    """A new quote line as the form shows it."""
    return {"key": new_key(), "ref": ref, "quantity": quantity, "remise_pct": ""}


def default_inputs(snapshot: dict[str, Any]) -> dict[str, Any]:
    """Inputs pre-filled from the situation: the client's need lines and the seller's CGV."""
    need = snapshot.get("need", {})
    lines = [
        blank_line(item["ref"], str(item["quantity"]))
        for item in need.get("lines", []) + need.get("services", [])
    ]
    terms = snapshot.get("terms", {})
    return {
        "lines": lines or [blank_line()],
        "footer": {n: {"value": "", "unit": "pct"} for n in NATURES},
        "escompte_pct": "",
        "escompte_taken": False,
        "port_ht": "",
        "payment_days": str(terms.get("seller_payment_days", 30)),
        "payment_mode": "date_facture",
        "validity_days": "30",
        "delivery_weeks": str(need.get("deadline_weeks", "")),
        "acompte_pct": "",
    }


@dataclass
class ParsedLine:
    """One filled line: its key, catalogue ref, quantity and line remise (percent)."""

    key: str
    ref: str
    quantity: Decimal
    remise_pct: Decimal


@dataclass
class ParsedQuote:
    """The inputs as exact numbers; errors maps a field slot to a French message."""

    lines: list[ParsedLine] = field(default_factory=list)
    footer: list[tuple[str, str, Decimal]] = field(default_factory=list)
    escompte_pct: Decimal = Decimal(0)
    escompte_taken: bool = False
    port_ht: Decimal = Decimal(0)
    payment_days: int = 30
    end_of_month: bool = False
    validity_days: int = 30
    delivery_weeks: int | None = None
    acompte_pct: Decimal = Decimal(0)
    errors: dict[str, str] = field(default_factory=dict)


class _Reader:
    """Parse one value after another, collecting the errors instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def number(self, raw: str, slot: str, what: str, default: str = "0") -> Decimal | None:
        if not raw and not default:
            self.errors[slot] = f"{what} est obligatoire."
            return None
        try:
            value = parse_decimal((raw or default).replace("€", ""), what)
        except NumberRefused as refused:
            self.errors[slot] = refused.message
            return None
        if value < 0:
            self.errors[slot] = f"{what} : valeur négative refusée (reçu : {raw})."
            return None
        return value

    def rate(self, raw: str, slot: str, what: str) -> Decimal | None:
        value = self.number(raw, slot, what)
        if value is not None and value > 100:
            self.errors[slot] = f"{what} ne peut pas dépasser 100 % (reçu : {raw} %)."
            return None
        return value

    def amount(self, raw: str, slot: str, what: str) -> Decimal | None:
        value = self.number(raw, slot, what)
        if value is not None and value != value.quantize(Decimal("0.01")):
            self.errors[slot] = f"{what} s'exprime au centime près (reçu : {raw})."
            return None
        return value

    def whole(self, raw: str, slot: str, what: str, low: int, high: int) -> int | None:
        value = self.number(raw, slot, what, default="")
        if value is None:
            return None
        if value != value.to_integral_value() or not low <= value <= high:
            self.errors[slot] = f"{what} : nombre entier entre {low} et {high} attendu."
            return None
        return int(value)


def parse(inputs: dict[str, Any], catalogue_refs: set[str]) -> ParsedQuote:
    """Turn raw inputs into exact numbers; every bad field gets its own French message."""
    r = _Reader()
    parsed = ParsedQuote()
    for index, line in enumerate(inputs.get("lines", []), start=1):
        _parse_line(r, parsed, line, index, catalogue_refs)
    if not parsed.lines and not any(f"line-{x['key']}-ref" in r.errors for x in inputs["lines"]):
        r.errors["lines"] = "Le devis doit comporter au moins une ligne : choisissez un article."
    for nature in NATURES:
        entry = inputs["footer"][nature]
        if not entry["value"]:
            continue
        read = r.rate if entry["unit"] == "pct" else r.amount
        value = read(entry["value"], f"footer-{nature}", ARTICLES[nature])
        if value:
            parsed.footer.append((nature, entry["unit"], value))
    parsed.escompte_pct = r.rate(
        inputs["escompte_pct"], "escompte", "Le taux d'escompte"
    ) or Decimal(0)
    parsed.escompte_taken = bool(inputs["escompte_taken"])
    parsed.port_ht = r.amount(inputs["port_ht"], "port", "Le port") or Decimal(0)
    days = r.whole(inputs["payment_days"], "payment", "Le délai de paiement", 0, 365)
    parsed.payment_days = 30 if days is None else days
    parsed.end_of_month = inputs["payment_mode"] == "fin_de_mois"
    validity = r.whole(inputs["validity_days"], "validity", "La durée de validité", 1, 365)
    parsed.validity_days = 30 if validity is None else validity
    if inputs["delivery_weeks"]:
        parsed.delivery_weeks = r.whole(
            inputs["delivery_weeks"], "delivery", "Le délai de livraison", 0, 104
        )
    parsed.acompte_pct = r.rate(inputs["acompte_pct"], "acompte", "L'acompte") or Decimal(0)
    parsed.errors = r.errors
    return parsed


def _parse_line(
    r: _Reader, parsed: ParsedQuote, line: dict[str, str], index: int, refs: set[str]
) -> None:
    """Parse one line unless it is still blank (no article chosen yet)."""
    key = line["key"]
    if not line["ref"]:
        return
    if line["ref"] not in refs:
        r.errors[f"line-{key}-ref"] = (
            f"Ligne {index} : la référence « {line['ref']} » n'existe " "pas dans votre catalogue."
        )
        return
    quantity = r.number(
        line["quantity"], f"line-{key}-quantity", f"Ligne {index} : la quantité", default=""
    )
    if quantity is not None and (quantity == 0 or quantity > MAX_QUANTITY):
        r.errors[f"line-{key}-quantity"] = (
            f"Ligne {index} : la quantité doit être comprise "
            f"entre 0 (exclu) et {MAX_QUANTITY:,}.".replace(",", " ")
        )
        quantity = None
    remise = r.rate(line["remise_pct"], f"line-{key}-remise", f"Ligne {index} : la remise")
    if quantity is not None and remise is not None:
        parsed.lines.append(ParsedLine(key, line["ref"], quantity, remise))
