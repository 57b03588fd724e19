"""Test factories for prospection: shipped packs, generated files, a sensible grid, plans."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from simulator.engine.prospection import (
    Canal,
    Critere,
    CriteresCiblage,
    FichierProspects,
    PlanCampagne,
    Qualification,
    qualifier,
)
from simulator.scenarios.prospects import fichier_depuis_pack
from simulator.scenarios.schema.loader import load_pack
from simulator.scenarios.schema.pack import Pack

PACKS = Path(__file__).resolve().parents[4] / "scenario_packs"


@cache
def pack(slug: str = "materiel-electrique") -> Pack:
    """A shipped pack, loaded once."""
    return load_pack(PACKS / f"{slug}.yaml")


@cache
def fichier(
    seed: int = 7, nombre: int = 400, slug: str = "materiel-electrique"
) -> FichierProspects:
    """A generated file, built once per (seed, size, pack)."""
    return fichier_depuis_pack(pack(slug), seed, nombre)


def grille_sensee(slug: str = "materiel-electrique") -> CriteresCiblage:
    """The grid a good student would choose: the pack's target NAF codes, size, old equipment."""
    naf = frozenset(n.code for a in pack(slug).archetypes for n in a.naf)
    return CriteresCiblage(
        {
            Critere.taille: 30,
            Critere.secteur: 30,
            Critere.distance: 15,
            Critere.age_equipement: 15,
            Critere.fournisseur_actuel: 10,
        },
        naf_cibles=naf,
        rayon_km=150,
    )


def qualification_soignee(f: FichierProspects) -> Qualification:
    """Flag every flaw readable in the file, then rank with the sensible grid."""
    flags = {pid: frozenset(v.detectable) for pid, v in f.verite.items() if v.detectable}
    return qualifier(f, flags, grille_sensee())


def plan(ids: tuple[str, ...], canal: Canal = Canal.phoning, budget: str = "3000") -> PlanCampagne:
    """A one-channel plan."""
    return PlanCampagne({canal: ids}, Decimal(budget))
