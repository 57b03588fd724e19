"""Pack models for the sector, the seller, its catalogue and its suppliers."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from simulator.scenarios.schema.common import (
    NAF_PATTERN,
    REF_PATTERN,
    DecRange,
    FormeJuridique,
    IntRange,
    MoneyHT,
    Pct,
    Probability,
    Soncas,
    StrictModel,
)


class NafCode(StrictModel):
    """A NAF code with its label and nomenclature version (NAF rév. 2 today, NAF 2025 soon)."""

    code: str = Field(pattern=NAF_PATTERN, description="code NAF, ex. 46.69A")
    label: str = Field(min_length=3)
    version: Literal["NAF rév. 2", "NAF 2025"] = "NAF rév. 2"


class Sector(StrictModel):
    """The sector of the seller and the typical client segments."""

    label: str = Field(min_length=3)
    naf: list[NafCode] = Field(min_length=1)
    segments: list[str] = Field(min_length=1)


class Seller(StrictModel):
    """The company the student works for and its general terms of sale (CGV)."""

    name: str = Field(min_length=2)
    legal_form: FormeJuridique = FormeJuridique.SAS
    city: str
    description: str
    payment_days: int = Field(default=30, ge=0, le=60, description="délai de paiement des CGV")
    franco_threshold_ht: MoneyHT = Field(description="franco de port à partir de ce montant HT")
    min_taux_de_marque_pct: Pct = Field(description="taux de marque minimum (seuil de rupture)")


class Argument(StrictModel):
    """A CAP argument (caractéristique, avantage, preuve) and the motivations it answers."""

    caracteristique: str
    avantage: str
    preuve: str
    motivations: list[Soncas] = Field(min_length=1)


class Option(StrictModel):
    """A priced option of a product."""

    ref: str = Field(pattern=REF_PATTERN)
    designation: str
    list_price_ht: MoneyHT
    purchase_cost: MoneyHT


class Product(StrictModel):
    """A catalogue product with its technical characteristics and arguments."""

    ref: str = Field(pattern=REF_PATTERN)
    designation: str = Field(min_length=3)
    family: str
    brand: str
    unit: str = "pièce"
    characteristics: dict[str, str] = Field(min_length=1, description="caractéristiques techniques")
    list_price_ht: MoneyHT
    purchase_cost: MoneyHT
    vat_rate: Decimal = Field(default=Decimal(20), ge=0, le=100)
    warranty_months: int = Field(default=12, ge=0, le=120)
    options: list[Option] = Field(default_factory=list)
    services: list[str] = Field(
        default_factory=list, description="références des services compatibles"
    )
    arguments: list[Argument] = Field(min_length=1)


class Service(StrictModel):
    """A service sold with products: installation, formation, maintenance, garantie étendue."""

    ref: str = Field(pattern=REF_PATTERN)
    designation: str = Field(min_length=3)
    kind: Literal[
        "installation",
        "mise_en_service",
        "formation",
        "maintenance",
        "garantie_etendue",
        "livraison",
    ]
    unit: str = "forfait"
    list_price_ht: MoneyHT
    purchase_cost: MoneyHT
    vat_rate: Decimal = Field(default=Decimal(20), ge=0, le=100)
    applies_to: list[str] = Field(min_length=1, description="références des produits concernés")
    arguments: list[Argument] = Field(default_factory=list)


class Catalogue(StrictModel):
    """Products and services of the seller."""

    products: list[Product] = Field(min_length=1)
    services: list[Service] = Field(default_factory=list)


class PriceIncrease(StrictModel):
    """An announced supplier price increase."""

    percent: DecRange = Field(description="hausse en % (plage)")
    in_weeks: IntRange = Field(description="date d'effet, en semaines à partir d'aujourd'hui")
    probability: Probability = Decimal("0.5")


class Supplier(StrictModel):
    """A supplier of some catalogue products and its supply conditions."""

    name: str
    products: list[str] = Field(min_length=1)
    stock: IntRange
    lead_time_weeks: IntRange
    moq: int = Field(default=1, ge=1, description="minimum de commande")
    franco_threshold_ht: MoneyHT
    price_increase: PriceIncrease | None = None
    shortage_risk: Probability = Decimal("0.1")
