"""Qualify a file: discard flagged rows, score the rest, rank and segment them into A/B/C."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from simulator.engine.prospection.prospect_file import Defaut, FichierProspects
from simulator.engine.prospection.targeting_score import (
    Critere,
    CriteresCiblage,
    noter,
    score_grille,
    segment,
    verifier_criteres,
)


@dataclass(frozen=True, slots=True)
class ProspectNote:
    """A ranked prospect: its notes per criterion, score /100 and segment."""

    prospect_id: str
    notes: dict[Critere, int]
    score: Decimal
    segment: str
    rang: int


@dataclass(frozen=True, slots=True)
class Qualification:
    """The student's qualification of a file: flags, grid and the resulting ranked target list."""

    signalements: dict[str, frozenset[Defaut]]
    criteres: CriteresCiblage
    classement: tuple[ProspectNote, ...]

    def segments(self) -> dict[str, int]:
        """Number of prospects per segment, for the segmentation chart."""
        compte = Counter(n.segment for n in self.classement)
        return {s: compte.get(s, 0) for s in "ABC"}

    def ids_segment(self, *segments: str) -> tuple[str, ...]:
        """Ids of the ranked prospects in the given segments, best first."""
        return tuple(n.prospect_id for n in self.classement if n.segment in segments)

    def meilleurs(self, nombre: int) -> tuple[str, ...]:
        """Ids of the `nombre` best-ranked prospects."""
        return tuple(n.prospect_id for n in self.classement[:nombre])


def classer(
    fichier: FichierProspects,
    criteres: CriteresCiblage,
    exclus: frozenset[str] | set[str] = frozenset(),
) -> tuple[ProspectNote, ...]:
    """Score every non-excluded row; best score first, then nearest, then id (stable)."""
    verifier_criteres(criteres)
    notes = []
    for p in fichier.prospects:
        if p.id in exclus:
            continue
        detail = noter(p, criteres)
        notes.append((score_grille(criteres.poids, detail), p.distance_km, p.id, detail))
    notes.sort(key=lambda t: (-t[0], t[1], t[2]))
    return tuple(
        ProspectNote(pid, detail, score, segment(score, criteres), rang)
        for rang, (score, _, pid, detail) in enumerate(notes, start=1)
    )


def qualifier(
    fichier: FichierProspects,
    signalements: Mapping[str, frozenset[Defaut]],
    criteres: CriteresCiblage,
) -> Qualification:
    """Discard the flagged rows, then rank and segment the others."""
    flags = {pid: frozenset(d) for pid, d in signalements.items() if d}
    return Qualification(flags, criteres, classer(fichier, criteres, frozenset(flags)))
