"""Pack models for the sector, the seller, its catalogue and its suppliers."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, model_validator

from simulator.scenarios.generator.identifiers import luhn_valid, tva_intracommunautaire
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


class SellerIdentity(StrictModel):
    """The seller's legal identity printed on every devis and bon de commande (C. com. L441-9,
    R123-237): capital, SIREN/SIRET (Luhn keys), TVA intracommunautaire of that SIREN, RCS, address.
    """

    share_capital: MoneyHT = Field(description="capital social en euros")
    siren: str = Field(pattern=r"^\d{9}$", description="SIREN, 9 chiffres dont la clé de Luhn")
    siret: str = Field(pattern=r"^\d{14}$", description="SIRET du siège : SIREN + NIC (5 chiffres)")
    vat_number: str = Field(
        pattern=r"^FR\d{11}$", description="TVA intracommunautaire : FR + clé + SIREN"
    )
    rcs_city: str = Field(min_length=2, description="ville du greffe du RCS")
    street: str = Field(min_length=3, description="numéro et voie du siège")
    postcode: str = Field(pattern=r"^\d{5}$", description="code postal du siège")

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        """The SIREN and SIRET keys hold, the SIRET extends the SIREN, the VAT key is the SIREN's."""
        if not luhn_valid(self.siren):
            raise ValueError(f"SIREN {self.siren} invalide : la clé de Luhn ne correspond pas")
        if not self.siret.startswith(self.siren):
            raise ValueError(f"le SIRET {self.siret} ne commence pas par le SIREN {self.siren}")
        if not luhn_valid(self.siret):
            raise ValueError(f"SIRET {self.siret} invalide : la clé de Luhn ne correspond pas")
        attendu = tva_intracommunautaire(self.siren)
        if self.vat_number != attendu:
            raise ValueError(
                f"TVA intracommunautaire {self.vat_number} : celle du SIREN {self.siren} "
                f"est {attendu}"
            )
        if self.share_capital <= 0:
            raise ValueError("capital social nul : indiquer le capital en euros")
        return self


class Seller(StrictModel):
    """The company the student works for and its general terms of sale (CGV)."""

    name: str = Field(min_length=2, description="raison sociale")
    legal_form: FormeJuridique = FormeJuridique.SAS
    city: str
    identity: SellerIdentity | None = Field(
        default=None,
        description="identité légale imprimée sur le devis et le bon de commande",
    )
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
