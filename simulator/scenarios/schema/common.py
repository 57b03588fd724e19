"""Shared vocabulary of a scenario pack: enums, ranges and the strict base model."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from simulator.engine.money import cents


class StrictModel(BaseModel):
    """A pack model that refuses unknown fields (a typo must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Soncas(str, Enum):
    """SONCAS(E) buying motivations (Larradet), « environnement » is the modern addition."""

    securite = "securite"
    orgueil = "orgueil"
    nouveaute = "nouveaute"
    confort = "confort"
    argent = "argent"
    sympathie = "sympathie"
    environnement = "environnement"


class Persona(str, Enum):
    """Merrill & Reid social style of a contact."""

    directif = "directif"
    analytique = "analytique"
    aimable = "aimable"
    expressif = "expressif"


class Role(str, Enum):
    """Role of a contact in the buying centre (centre d'achat)."""

    prescripteur = "prescripteur"
    decideur = "decideur"
    utilisateur = "utilisateur"
    acheteur = "acheteur"
    filtre = "filtre"


class ProfilFinancier(str, Enum):
    """Financial health of a client: healthy, fragile or risky."""

    sain = "sain"
    fragile = "fragile"
    risque = "risque"


class FormeJuridique(str, Enum):
    """French legal forms offered to generated companies."""

    SAS = "SAS"
    SASU = "SASU"
    SARL = "SARL"
    EURL = "EURL"
    SA = "SA"
    SCOP = "SCOP"


class ObjectionKind(str, Enum):
    """Families of objections a buyer raises; utterance templates are keyed by them."""

    prix = "prix"
    concurrent = "concurrent"
    delai = "delai"
    fiabilite = "fiabilite"
    risque = "risque"
    besoin = "besoin"
    decision = "decision"
    sav = "sav"


class IssueKey(str, Enum):
    """Negotiable issues of the multi-issue buyer (design.md §5)."""

    remise_pct = "remise_pct"
    quantite = "quantite"
    delai_livraison_semaines = "delai_livraison_semaines"
    delai_paiement_jours = "delai_paiement_jours"
    acompte_pct = "acompte_pct"
    garantie_mois = "garantie_mois"
    services = "services"


SONCAS_LABELS: dict[str, str] = {
    "securite": "Sécurité",
    "orgueil": "Orgueil",
    "nouveaute": "Nouveauté",
    "confort": "Confort",
    "argent": "Argent",
    "sympathie": "Sympathie",
    "environnement": "Environnement",
}


def _check_order(low: object, high: object) -> None:
    """Refuse a range whose min is above its max, with a French message."""
    if low > high:  # type: ignore[operator]
        raise ValueError(f"plage invalide : min ({low}) supérieur à max ({high})")


class IntRange(StrictModel):
    """Closed integer range [min, max]."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        _check_order(self.min, self.max)
        return self


class DecRange(StrictModel):
    """Closed decimal range [min, max] (amounts, percentages, ratios)."""

    min: Decimal
    max: Decimal

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        _check_order(self.min, self.max)
        return self


MoneyHT = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2), AfterValidator(cents)]
Pct = Annotated[Decimal, Field(ge=0, le=100)]
Probability = Annotated[Decimal, Field(ge=0, le=1)]
Weight = Annotated[Decimal, Field(description="poids relatif (normalisé par le générateur)")]
REF_PATTERN = r"^[A-Z0-9][A-Z0-9._-]{1,31}$"
NAF_PATTERN = r"^\d{2}\.\d{2}[A-Z]$"
