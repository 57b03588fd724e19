"""Pack models for the negotiation frame, the jury's registry entries and the buyer's texts."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, field_validator

from simulator.scenarios.schema.common import (
    IntRange,
    IssueKey,
    ObjectionKind,
    Persona,
    Role,
    Soncas,
    StrictModel,
    Weight,
)

IssueWeights = dict[IssueKey, Weight]

ISSUE_LABELS: dict[str, str] = {
    "remise_pct": "Remise (%)",
    "quantite": "Quantité",
    "delai_livraison_semaines": "Délai de livraison (semaines)",
    "delai_paiement_jours": "Délai de paiement (jours)",
    "acompte_pct": "Acompte (%)",
    "garantie_mois": "Garantie (mois)",
    "services": "Services inclus",
}


def _w(**weights: int) -> IssueWeights:
    """Build an issue-weight table from integers."""
    return {IssueKey(k): Decimal(v) for k, v in weights.items()}


def default_persona_weights() -> dict[Persona, IssueWeights]:
    """Issue weights per social style: directif on price, analytique on proof and warranty…"""
    return {
        Persona.directif: _w(
            remise_pct=5,
            delai_livraison_semaines=3,
            delai_paiement_jours=2,
            acompte_pct=1,
            garantie_mois=1,
            quantite=1,
            services=1,
        ),
        Persona.analytique: _w(
            remise_pct=3,
            delai_livraison_semaines=2,
            delai_paiement_jours=2,
            acompte_pct=1,
            garantie_mois=4,
            quantite=1,
            services=2,
        ),
        Persona.aimable: _w(
            remise_pct=2,
            delai_livraison_semaines=2,
            delai_paiement_jours=1,
            acompte_pct=1,
            garantie_mois=3,
            quantite=1,
            services=4,
        ),
        Persona.expressif: _w(
            remise_pct=2,
            delai_livraison_semaines=4,
            delai_paiement_jours=1,
            acompte_pct=1,
            garantie_mois=1,
            quantite=1,
            services=3,
        ),
    }


def default_motivation_bonus() -> dict[Soncas, IssueWeights]:
    """Extra weight a SONCAS motivation adds to the issues it cares about."""
    return {
        Soncas.argent: _w(remise_pct=2, delai_paiement_jours=1),
        Soncas.securite: _w(garantie_mois=2, services=1),
        Soncas.confort: _w(services=2, delai_livraison_semaines=1),
        Soncas.nouveaute: _w(delai_livraison_semaines=1),
        Soncas.orgueil: _w(services=1),
        Soncas.sympathie: _w(services=1),
        Soncas.environnement: _w(services=1),
    }


class IssueDef(StrictModel):
    """A negotiable issue; min/max left empty are derived from the situation (quantity, lead time)."""

    key: IssueKey
    label: str | None = None
    min: Decimal | None = None
    max: Decimal | None = None


class NegotiationFrame(StrictModel):
    """The negotiation frame: issues, duration, patience and preference tables."""

    duration_minutes: int = Field(default=20, ge=5, le=120)
    patience: IntRange = Field(description="nombre de maladresses tolérées avant rupture")
    counterpart_role: Role = Role.acheteur
    issues: list[IssueDef] = Field(min_length=1)
    persona_weights: dict[Persona, IssueWeights] = Field(default_factory=default_persona_weights)
    motivation_bonus: dict[Soncas, IssueWeights] = Field(default_factory=default_motivation_bonus)


class RegistryEntry(StrictModel):
    """A parameter the jury may modify (design.md §4), with an optional range."""

    key: str
    min: Decimal | None = None
    max: Decimal | None = None


class PersonaTexts(StrictModel):
    """French utterance templates of the buyer for one persona ({prenom}, {entreprise}…)."""

    greeting: list[str] = Field(min_length=1)
    answers: dict[str, list[str]] = Field(
        min_length=1, description="réponses par thème de question"
    )
    objections: dict[ObjectionKind, list[str]] = Field(min_length=1)
    counter_offer: list[str] = Field(min_length=1)
    acceptance: list[str] = Field(min_length=1)
    refusal: list[str] = Field(min_length=1)
    walk_away: list[str] = Field(min_length=1)
    formulations: dict[str, list[str]] = Field(
        default_factory=dict,
        description="formulations ajoutées à celles du moteur, par situation (clé de réplique)",
    )

    @field_validator("formulations")
    @classmethod
    def _known_situations(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        """Only the engine's reply keys (fait_epuise, contre_offre…), each with some text."""
        from simulator.engine.negotiation.utterances import DEFAUTS

        unknown = sorted(set(value) - set(DEFAUTS))
        if unknown:
            raise ValueError(f"situations inconnues : {', '.join(unknown)}")
        if any(not textes or any(not t.strip() for t in textes) for textes in value.values()):
            raise ValueError("chaque situation demande au moins une formulation non vide")
        return value


class Utterances(StrictModel):
    """Buyer texts for the four social styles."""

    directif: PersonaTexts
    analytique: PersonaTexts
    aimable: PersonaTexts
    expressif: PersonaTexts
