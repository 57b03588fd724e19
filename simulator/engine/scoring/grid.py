"""The E4 evaluation grid: criteria by competency, juror disagreements and a reconciliation proposal.

The référentiel lists the ten criteria; which competency each one evidences is our reading of it
(C1.1 prepare, C1.3 risk, C1.2 advise, C1.4 sell, C1.5 follow up) and is kept in one table here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from simulator.engine.scoring.criteria import CRITERES, NIVEAUX

#: criterion number (1-10) -> competency code
COMPETENCE_DU_CRITERE: dict[int, str] = {
    1: "C1.1",
    4: "C1.1",
    5: "C1.1",
    2: "C1.3",
    3: "C1.2",
    7: "C1.2",
    6: "C1.4",
    8: "C1.4",
    9: "C1.5",
    10: "C1.5",
}
COMPETENCES: dict[str, str] = {
    "C1.1": "Préparer une négociation",
    "C1.2": "Conseiller et prescrire une solution technique",
    "C1.3": "Analyser le risque client et le risque affaire",
    "C1.4": "Conduire un entretien de vente",
    "C1.5": "Assurer le suivi",
}
#: situation d'évaluation n°2 evaluates C1.2, C1.4 and C1.5
SITUATION_2 = ("C1.2", "C1.4", "C1.5")


@dataclass(frozen=True)
class Ligne:
    """One row of the grid."""

    numero: int
    critere: str
    competence: str


def lignes(competences: Sequence[str] | None = None) -> list[Ligne]:
    """The grid's rows, for some competencies or all ten criteria."""
    wanted = set(competences) if competences else set(COMPETENCES)
    return [
        Ligne(n, CRITERES[n - 1], COMPETENCE_DU_CRITERE[n])
        for n in range(1, 11)
        if COMPETENCE_DU_CRITERE[n] in wanted
    ]


def desaccords(grilles: Sequence[Mapping[int, int]]) -> list[int]:
    """Criteria on which the jurors' levels differ (levels are indexes into the level scale)."""
    criteres = sorted({n for g in grilles for n in g})
    return [n for n in criteres if len({g[n] for g in grilles if n in g}) > 1]


def proposition(grilles: Sequence[Mapping[int, int]]) -> dict[int, int]:
    """A starting point for the reconciled grid: the lower median of the jurors' levels."""
    result = {}
    for n in sorted({n for g in grilles for n in g}):
        niveaux = sorted(g[n] for g in grilles if n in g)
        result[n] = niveaux[(len(niveaux) - 1) // 2]
    return result


def niveau_valide(niveau: int, echelle: Sequence[str] = NIVEAUX) -> bool:
    """Whether a level index belongs to the scale."""
    return 0 <= niveau < len(echelle)
