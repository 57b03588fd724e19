"""NegotiationSetup: the issues, the buyer's hidden preferences and the seller's objectives."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from simulator.engine.negotiation import vocabulaire as voc
from simulator.engine.negotiation.valeurs import Valeur, est_numerique, lire_valeur

if TYPE_CHECKING:
    from simulator.engine.negotiation.espace import Espace


class SetupInvalide(ValueError):
    """A negotiation setup that cannot be played."""


@dataclass(frozen=True)
class Enjeu:
    """One negotiable issue: ordered discrete domain, buyer's direction, seller's margin per value."""

    cle: str
    libelle: str
    nature: str
    valeurs: tuple[Valeur, ...]
    sens_acheteur: str  # "hausse": the buyer prefers higher values (later options), "baisse": lower
    impact_marge: tuple[Decimal, ...]  # euros added to the seller's margin by each value

    def lire(self, brut: object) -> Valeur:
        """Read a raw value for this issue."""
        return lire_valeur(self.nature, brut, self.cle)


@dataclass(frozen=True)
class Objection:
    """An objection the buyer holds, the techniques that treat it and when it is voiced."""

    id: str
    theme: str
    texte: str
    techniques: tuple[str, ...]
    declencheur: str = "offre"
    enjeu: str | None = None
    levee_si: Valeur | None = (
        None  # an offer at least this good for the buyer on `enjeu` dissolves it
    )


@dataclass(frozen=True)
class Fait:
    """A fact the buyer reveals when asked about its theme."""

    theme: str
    texte: str
    motivation: str | None = None


@dataclass(frozen=True)
class PreferencesAcheteur:
    """The buyer's hidden side: weights, reservation utility, tactic, patience, real motivations."""

    poids: dict[str, float]
    reservation: float
    motivations: tuple[str, ...]
    exposant: float | None = None  # GENIUS convention, see tactique.py; None = persona default
    patience: float | None = None  # 1.0 ≈ ten poor moves; None = persona default
    utilites: dict[str, tuple[float, ...]] = field(default_factory=dict)  # optional value tables
    batna: str = ""
    budget_ht: Decimal | None = None


@dataclass(frozen=True)
class ObjectifsVendeur:
    """The seller's margin objectives in euros (the student's own figures, not hidden)."""

    marge_plancher: Decimal
    marge_cible: Decimal
    marge_fixe: Decimal = Decimal(0)


@dataclass(frozen=True)
class NegotiationSetup:
    """Everything the buyer engine needs for one negotiation."""

    enjeux: tuple[Enjeu, ...]
    acheteur: PreferencesAcheteur
    vendeur: ObjectifsVendeur
    persona: str
    objections: tuple[Objection, ...] = ()
    faits: tuple[Fait, ...] = ()
    repliques: dict[str, tuple[str, ...]] = field(default_factory=dict)
    duree_s: int = 1200
    paiement_max_jours: int = 60
    delai_min_semaines: int | None = None
    quantite_ref: int = 1
    prix_catalogue: Decimal | None = None
    interlocuteur: str = "l'acheteur"
    max_issues: int = 200_000

    def __post_init__(self) -> None:
        """Check the setup once, so play never meets an inconsistent one."""
        verifier(self)

    @cached_property
    def espace(self) -> Espace:
        """Return the outcome space, computed once per setup object."""
        from simulator.engine.negotiation.espace import construire

        return construire(self)

    @cached_property
    def natures(self) -> dict[str, str]:
        """Map each issue key to its kind (reading terms)."""
        return {e.cle: e.nature for e in self.enjeux}

    @cached_property
    def memo_termes(self) -> dict[tuple[Any, ...], dict[str, Valeur]]:
        """Memo of read terms (contexte.lire_termes); not part of the setup's value."""
        return {}

    @cached_property
    def index(self) -> dict[str, int]:
        """Map each issue key to its position."""
        return {e.cle: i for i, e in enumerate(self.enjeux)}

    @property
    def exposant(self) -> float:
        """Return the concession exponent (GENIUS convention), persona default if unset."""
        return self.acheteur.exposant or voc.PERSONAS[self.persona]["exposant"]

    @property
    def patience(self) -> float:
        """Return the initial patience, persona default if unset."""
        p = self.acheteur.patience
        return voc.PERSONAS[self.persona]["patience"] if p is None else p

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> NegotiationSetup:
        """Build a setup from its JSON form."""
        from simulator.engine.negotiation.setup_json import setup_depuis_dict

        return setup_depuis_dict(d)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the setup."""
        from simulator.engine.negotiation.setup_json import setup_en_dict

        return setup_en_dict(self)


def verifier(s: NegotiationSetup) -> None:
    """Raise SetupInvalide with a French message at the first inconsistency."""
    cles = [e.cle for e in s.enjeux]
    if not cles or len(set(cles)) != len(cles):
        raise SetupInvalide("enjeux : liste vide ou clés en double")
    for e in s.enjeux:
        _verifier_enjeu(e)
    if s.persona not in voc.PERSONAS:
        raise SetupInvalide(f"persona inconnu : {s.persona}")
    if set(s.acheteur.poids) != set(cles) or any(w < 0 for w in s.acheteur.poids.values()):
        raise SetupInvalide("poids : un poids positif par enjeu est attendu")
    if sum(s.acheteur.poids.values()) <= 0:
        raise SetupInvalide("poids : la somme doit être positive")
    if not 0 <= s.acheteur.reservation < 1:
        raise SetupInvalide("réservation : utilité entre 0 et 1 attendue")
    for m in s.acheteur.motivations:
        if m not in voc.MOTIVATIONS:
            raise SetupInvalide(f"motivation inconnue : {m}")
    for o in s.objections:
        if o.declencheur not in voc.DECLENCHEURS or not set(o.techniques) <= set(
            voc.TECHNIQUES_OBJECTION
        ):
            raise SetupInvalide(f"objection {o.id} : déclencheur ou technique inconnus")
    for f in s.faits:
        if f.theme not in voc.THEMES:
            raise SetupInvalide(f"fait : thème inconnu {f.theme}")
    if s.duree_s <= 0:
        raise SetupInvalide("durée : positive attendue")


def _verifier_enjeu(e: Enjeu) -> None:
    """Check one issue: kind, direction, aligned margin impacts, sorted numeric domain."""
    if e.nature not in voc.NATURES or e.sens_acheteur not in ("hausse", "baisse"):
        raise SetupInvalide(f"enjeu {e.cle} : nature ou sens inconnus")
    if not e.valeurs or len(e.impact_marge) != len(e.valeurs):
        raise SetupInvalide(f"enjeu {e.cle} : une valeur d'impact sur la marge par valeur")
    if est_numerique(e.nature) and list(e.valeurs) != sorted(e.valeurs):  # type: ignore[type-var]
        raise SetupInvalide(f"enjeu {e.cle} : valeurs numériques à ranger par ordre croissant")
