"""The Situation: one complete generated B2B world, serialised as the frozen snapshot."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Literal

from simulator.scenarios.schema.catalogue import Catalogue, Sector, Seller
from simulator.scenarios.schema.frame import Utterances
from simulator.scenarios.situation.client import Client, Model

SCHEMA_VERSION = 1


class PackRef(Model):
    """Which pack and version produced the situation."""

    slug: str
    version: int
    title: str
    allow_student_costs: bool


class NeedLine(Model):
    """A line of the cahier des charges."""

    ref: str
    designation: str
    unit: str
    quantity: int
    list_price_ht: Decimal
    vat_rate: Decimal
    amount_ht: Decimal


class Need(Model):
    """The client's need (cahier des charges)."""

    label: str
    context: str
    lines: list[NeedLine]
    services: list[NeedLine]
    constraints: list[str]
    deadline_weeks: int
    list_total_ht: Decimal


class PriceIncrease(Model):
    """An announced supplier price increase."""

    percent: Decimal
    in_weeks: int


class SupplyLine(Model):
    """Supplier state for one needed product."""

    ref: str
    supplier: str
    needed: int
    stock: int
    shortage: bool
    lead_time_weeks: int
    moq: int
    franco_threshold_ht: Decimal
    price_increase: PriceIncrease | None


class CompetitorOffer(Model):
    """A competitor's offer on the same need (the buyer's BATNA)."""

    name: str
    positioning: str
    price_index: Decimal
    offer_total_ht: Decimal
    lead_time_weeks: int
    payment_days: int
    warranty_months: int
    strengths: list[str]
    weaknesses: list[str]


class Terms(Model):
    """Payment and sale terms framing the deal."""

    max_payment_days: int
    seller_payment_days: int
    franco_threshold_ht: Decimal
    min_taux_de_marque_pct: Decimal


class Buyer(Model):
    """The contact the student negotiates with."""

    contact_id: str
    name: str
    role: str
    persona: str
    motivations: list[str]


class IssueDomain(Model):
    """A negotiable issue and its domain for this situation (numbers as decimal strings in JSON)."""

    key: str
    label: str
    kind: Literal["percent", "integer", "services"]
    min: Decimal
    max: Decimal
    values: list[str]
    buyer_prefers: Literal["haut", "bas"]


class Rules(Model):
    """Pack inputs kept to recompute the buyer's preferences after overrides."""

    issues: list[dict[str, str | None]]
    persona_weights: dict[str, dict[str, Decimal]]
    motivation_bonus: dict[str, dict[str, Decimal]]
    patience_base: int


class Batna(Model):
    """The buyer's best alternative: the cheapest competitor offer."""

    competitor: str
    price_index: Decimal
    offer_total_ht: Decimal


class Hidden(Model):
    """The buyer's hidden parameters: never shown to the student."""

    persona: str
    motivations: list[str]
    weights: dict[str, Decimal]
    ideal: dict[str, Decimal]
    reservation: dict[str, Decimal]
    reservation_utility: Decimal
    price_ceiling_ht: Decimal
    batna: Batna
    desired_services: list[str]
    concession_exponent: Decimal
    patience: int
    rules: Rules


class Negotiation(Model):
    """The negotiation block: public issues and domains, plus the hidden buyer."""

    duration_minutes: int
    issues: list[IssueDomain]
    hidden: Hidden


class RangeLimit(Model):
    """Range the pack allows for one registry parameter."""

    min: Decimal | None
    max: Decimal | None


class Situation(Model):
    """A complete generated situation."""

    schema_version: int
    pack: PackRef
    seed: int
    sector: Sector
    seller: Seller
    catalogue: Catalogue
    client: Client
    need: Need
    supply: list[SupplyLine]
    competitors: list[CompetitorOffer]
    terms: Terms
    buyer: Buyer
    negotiation: Negotiation
    registry: dict[str, RangeLimit]
    utterances: Utterances


def to_json(situation: Situation) -> str:
    """Serialise a situation canonically: sorted keys, compact, decimals as strings, UTF-8 text."""
    return dumps(situation.model_dump(mode="json"))


def dumps(snapshot: dict[str, object]) -> str:
    """Canonical JSON of a snapshot (compact, so the C encoder is used; byte-identical everywhere)."""
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def pretty(snapshot: dict[str, object]) -> str:
    """Indented JSON for humans (golden files, debugging); same content as dumps()."""
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
