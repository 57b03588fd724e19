"""Score prospects on student-chosen criteria: score /100 = Σ poids × note/5 / Σ poids."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import TypeVar

from simulator.engine.errors import TargetingError
from simulator.engine.prospection.prospect_file import Prospect

NOTE_MAX = 5
SCORE_PRECISION = Decimal("0.1")
SANS_FOURNISSEUR = ("Aucun fournisseur attitré", "Inconnu")

#: Headcount bands (INSEE-like labels used in the file) and the size note they earn.
TRANCHES_EFFECTIF: dict[str, int] = {
    "0 à 9 salariés": 1,
    "10 à 19 salariés": 2,
    "20 à 49 salariés": 3,
    "50 à 99 salariés": 4,
    "100 à 249 salariés": 5,
    "250 salariés et plus": 5,
}


class Critere(str, Enum):
    """A targeting criterion the student may weigh."""

    taille = "taille"
    secteur = "secteur"
    distance = "distance"
    age_equipement = "age_equipement"
    fournisseur_actuel = "fournisseur_actuel"


LIBELLES_CRITERES: dict[Critere, str] = {
    Critere.taille: "Taille (tranche d'effectif)",
    Critere.secteur: "Secteur (code NAF ciblé)",
    Critere.distance: "Proximité de l'agence",
    Critere.age_equipement: "Âge du matériel en place",
    Critere.fournisseur_actuel: "Fournisseur actuel",
}


@dataclass(frozen=True, slots=True)
class CriteresCiblage:
    """The student's targeting grid: weights, target NAF codes, radius, favourable suppliers."""

    poids: Mapping[Critere, int]
    naf_cibles: frozenset[str] = frozenset()
    rayon_km: int = 100
    fournisseurs_favorables: frozenset[str] = field(default_factory=frozenset)
    seuil_a: int = 70  #: score ≥ seuil_a → segment A (« chaud »)
    seuil_b: int = 45  #: seuil_b ≤ score < seuil_a → B, below → C


def lire_criteres(poids: Mapping[str, int], **options: object) -> CriteresCiblage:
    """Build and validate criteria from form values; raise TargetingError with French messages."""
    try:
        table = {Critere(k): int(v) for k, v in poids.items()}
    except ValueError as exc:
        raise TargetingError(f"Critère ou poids invalide : {exc}.") from None
    criteres = CriteresCiblage(poids=table, **options)  # type: ignore[arg-type]
    verifier_criteres(criteres)
    return criteres


def verifier_criteres(criteres: CriteresCiblage) -> None:
    """Raise TargetingError listing every problem of the grid."""
    problemes = []
    if any(p < 0 or p > 100 for p in criteres.poids.values()):
        problemes.append("Chaque poids doit être compris entre 0 et 100.")
    if sum(criteres.poids.values()) <= 0:
        problemes.append("Donnez un poids positif à au moins un critère.")
    if criteres.poids.get(Critere.secteur, 0) > 0 and not criteres.naf_cibles:
        problemes.append("Le critère secteur est pondéré : choisissez au moins un code NAF cible.")
    if criteres.rayon_km <= 0:
        problemes.append("Le rayon de prospection doit être positif.")
    if not 0 <= criteres.seuil_b < criteres.seuil_a <= 100:
        problemes.append("Les seuils doivent vérifier 0 ≤ seuil B < seuil A ≤ 100.")
    if problemes:
        raise TargetingError(problemes)


def note_distance(distance_km: int, rayon_km: int) -> int:
    """5 within a quarter of the radius, 4 / 3 / 2 by quarters, 0 beyond the radius."""
    if distance_km > rayon_km:
        return 0
    quart = (4 * distance_km + rayon_km - 1) // rayon_km  # ceil(4d/r), 0..4
    return 5 - max(quart - 1, 0)


def note_age(age: int | None) -> int:
    """Old equipment means a renewal need: ≥10 years 5, 7-9 4, 4-6 3, 0-3 1, unknown 2."""
    if age is None:
        return 2
    return 5 if age >= 10 else 4 if age >= 7 else 3 if age >= 4 else 1


def noter(prospect: Prospect, criteres: CriteresCiblage) -> dict[Critere, int]:
    """Notes 0..5 of one prospect on each weighted criterion."""
    regles = {
        Critere.taille: lambda: TRANCHES_EFFECTIF.get(prospect.tranche_effectif, 0),
        Critere.secteur: lambda: NOTE_MAX if prospect.naf_code in criteres.naf_cibles else 0,
        Critere.distance: lambda: note_distance(prospect.distance_km, criteres.rayon_km),
        Critere.age_equipement: lambda: note_age(prospect.age_equipement_ans),
        Critere.fournisseur_actuel: lambda: _note_fournisseur(prospect, criteres),
    }
    return {c: regles[c]() for c, p in criteres.poids.items() if p > 0}


def _note_fournisseur(prospect: Prospect, criteres: CriteresCiblage) -> int:
    """5 for a supplier the student thinks beatable, 3 when none is known, 1 otherwise."""
    if prospect.fournisseur_actuel in criteres.fournisseurs_favorables:
        return NOTE_MAX
    return 3 if prospect.fournisseur_actuel in SANS_FOURNISSEUR else 1


K = TypeVar("K")


def score_grille(poids: Mapping[K, int], notes: Mapping[K, int]) -> Decimal:
    """Score /100 of a weighted grid: Σ poids × note / (5 × Σ poids) × 100, half-up to 0.1."""
    total = sum(poids.values())
    if total <= 0:
        raise TargetingError("Donnez un poids positif à au moins un critère.")
    points = sum(Decimal(p) * notes.get(c, 0) for c, p in poids.items())
    value = points * 100 / (NOTE_MAX * Decimal(total))
    return value.quantize(SCORE_PRECISION, rounding=ROUND_HALF_UP)


def segment(score: Decimal, criteres: CriteresCiblage) -> str:
    """A, B or C from the score and the grid's thresholds."""
    if score >= criteres.seuil_a:
        return "A"
    return "B" if score >= criteres.seuil_b else "C"
