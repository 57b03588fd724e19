"""Pack models for client archetypes, their buying centre and the competitors."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, field_validator

from simulator.scenarios.schema.catalogue import NafCode
from simulator.scenarios.schema.common import (
    REF_PATTERN,
    DecRange,
    FormeJuridique,
    IntRange,
    ObjectionKind,
    Persona,
    ProfilFinancier,
    Role,
    Soncas,
    StrictModel,
    Weight,
)


#: a buying-centre role carries a pool of at least this many motivations (issue 11: buyers differ)
MIN_MOTIVATIONS = 4


def _r(low: str, high: str) -> DecRange:
    """Build a decimal range from two strings."""
    return DecRange(min=Decimal(low), max=Decimal(high))


class FinancialRanges(StrictModel):
    """Ranges (in % of CA unless stated) that shape the statements of one financial profile."""

    croissance_pct: DecRange = Field(description="évolution annuelle du CA en %")
    ebe_pct: DecRange = Field(description="EBE en % du CA")
    autonomie_financiere_pct: DecRange = Field(description="capitaux propres / total passif, en %")
    endettement: DecRange = Field(description="dettes financières / capitaux propres")
    dso_jours: DecRange = Field(description="délai moyen de paiement des clients, en jours")
    incidents: IntRange = Field(description="incidents de paiement sur 24 mois")
    retard_moyen_jours: IntRange = Field(description="retard moyen de paiement, en jours")


def default_financial_profiles() -> dict[ProfilFinancier, FinancialRanges]:
    """Textbook ranges for healthy, fragile and risky companies."""
    return {
        ProfilFinancier.sain: FinancialRanges(
            croissance_pct=_r("1", "8"),
            ebe_pct=_r("7", "12"),
            autonomie_financiere_pct=_r("35", "55"),
            endettement=_r("0.2", "0.8"),
            dso_jours=_r("40", "55"),
            incidents=IntRange(min=0, max=0),
            retard_moyen_jours=IntRange(min=0, max=5),
        ),
        ProfilFinancier.fragile: FinancialRanges(
            croissance_pct=_r("-6", "2"),
            ebe_pct=_r("2", "6"),
            autonomie_financiere_pct=_r("18", "30"),
            endettement=_r("0.9", "1.6"),
            dso_jours=_r("55", "75"),
            incidents=IntRange(min=1, max=2),
            retard_moyen_jours=IntRange(min=8, max=20),
        ),
        ProfilFinancier.risque: FinancialRanges(
            croissance_pct=_r("-15", "-4"),
            ebe_pct=_r("-3", "2"),
            autonomie_financiere_pct=_r("5", "15"),
            endettement=_r("1.8", "3.5"),
            dso_jours=_r("70", "95"),
            incidents=IntRange(min=2, max=5),
            retard_moyen_jours=IntRange(min=20, max=45),
        ),
    }


class NeedLine(StrictModel):
    """A product line of a need template with its quantity range."""

    ref: str = Field(pattern=REF_PATTERN)
    quantity: IntRange


class NeedTemplate(StrictModel):
    """A cahier des charges template: lines, requested services, constraints, deadline."""

    label: str
    context: str = Field(description="contexte du projet, raconté au vendeur")
    lines: list[NeedLine] = Field(min_length=1)
    services: list[str] = Field(default_factory=list)
    constraints: list[str] = Field(min_length=1)
    deadline_weeks: IntRange


class Archetype(StrictModel):
    """A kind of client company: size, legal forms, NAF, needs and financial profile."""

    key: str = Field(pattern=r"^[a-z0-9-]{2,40}$")
    label: str
    segment: str
    weight: Weight = Decimal(1)
    naf: list[NafCode] = Field(min_length=1)
    legal_forms: list[FormeJuridique] = Field(min_length=1)
    name_patterns: list[str] = Field(min_length=1, description="ex. « {nom} Maintenance »")
    headcount: IntRange
    ca_par_salarie_ht: DecRange = Field(description="chiffre d'affaires HT par salarié")
    profile_weights: dict[ProfilFinancier, Weight] = Field(min_length=1)
    usual_payment_days: IntRange
    budget_pct: DecRange = Field(description="budget HT en % du montant catalogue du besoin")
    needs: list[NeedTemplate] = Field(min_length=1)


class Objection(StrictModel):
    """An objection a contact may raise."""

    kind: ObjectionKind
    text: str


class BuyingRole(StrictModel):
    """A role of the buying centre with its personas, motivations and objections."""

    role: Role
    job_titles: list[str] = Field(min_length=1)
    persona_weights: dict[Persona, Weight] = Field(min_length=1)
    motivations: list[Soncas] = Field(
        min_length=MIN_MOTIVATIONS,
        description=(
            "réservoir de motivations SONCAS du rôle (au moins quatre, les plus typiques d'abord) :"
            " chaque situation en tire deux, la première tirée est la dominante"
        ),
    )
    objections: list[Objection] = Field(default_factory=list)

    @field_validator("motivations")
    @classmethod
    def _distinct(cls, value: list[Soncas]) -> list[Soncas]:
        doubles = sorted({m.value for m in value if value.count(m) > 1})
        if doubles:
            raise ValueError(f"motivation répétée : {', '.join(doubles)}")
        return value


class Competitor(StrictModel):
    """A competitor: positioning and price index range (the buyer's BATNA)."""

    name: str
    positioning: str
    price_index: DecRange = Field(description="prix en % de notre prix catalogue (100 = même prix)")
    lead_time_weeks: IntRange
    payment_days: IntRange
    warranty_months: int = Field(ge=0, le=120)
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)
