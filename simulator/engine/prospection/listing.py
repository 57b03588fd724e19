"""Filter, sort and page the visible prospect list (server-side, never the whole file in a page)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator.engine.errors import ProspectionError
from simulator.engine.prospection.prospect_file import Prospect

TRIS = ("raison_sociale", "distance_km", "code_postal", "naf_code", "mise_a_jour", "siret")
PAR_PAGE_MAX = 100


@dataclass(frozen=True, slots=True)
class Filtres:
    """Student filters; empty means « all »."""

    texte: str = ""  #: part of the name, town or SIRET (case-insensitive)
    departements: frozenset[str] = frozenset()
    naf: frozenset[str] = frozenset()
    tranches: frozenset[str] = frozenset()
    distance_max_km: int | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the filtered, sorted list."""

    lignes: tuple[Prospect, ...]
    total: int
    page: int
    pages: int


def _garde(p: Prospect, f: Filtres, texte: str) -> bool:
    """True when the row passes every filter."""
    return (
        (not f.departements or p.departement_code in f.departements)
        and (not f.naf or p.naf_code in f.naf)
        and (not f.tranches or p.tranche_effectif in f.tranches)
        and (f.distance_max_km is None or p.distance_km <= f.distance_max_km)
        and (not texte or texte in f"{p.raison_sociale} {p.ville} {p.siret or ''}".casefold())
    )


def paginer(
    prospects: Sequence[Prospect],
    filtres: Filtres = Filtres(),
    tri: str = "raison_sociale",
    decroissant: bool = False,
    page: int = 1,
    par_page: int = 25,
) -> Page:
    """Filter, sort (stable, id as tie-break, empty values last) and cut one page."""
    if tri not in TRIS:
        raise ProspectionError(f"Tri impossible sur « {tri} ».")
    if not 1 <= par_page <= PAR_PAGE_MAX or page < 1:
        raise ProspectionError(f"Page invalide (1 à {PAR_PAGE_MAX} lignes par page).")
    texte = filtres.texte.strip().casefold()
    gardes = [p for p in prospects if _garde(p, filtres, texte)]
    remplis = sorted(
        (p for p in gardes if getattr(p, tri) is not None),
        key=lambda p: (getattr(p, tri), p.id),
        reverse=decroissant,
    )
    lignes = remplis + [p for p in gardes if getattr(p, tri) is None]
    pages = max(1, -(-len(lignes) // par_page))
    debut = (min(page, pages) - 1) * par_page
    return Page(tuple(lignes[debut : debut + par_page]), len(lignes), min(page, pages), pages)
