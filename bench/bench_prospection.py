"""Prospection in pure Python: generate a 1,000-company file, filter/sort/page it, rank it, run a
campaign — each against an in-run baseline (walking the 1,000 rows once), median timings."""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._harness import median_seconds, report
from simulator.engine.prospection import (
    Canal,
    Critere,
    CriteresCiblage,
    PlanCampagne,
    qualifier,
    simuler_campagne,
)
from simulator.engine.prospection.listing import Filtres, paginer
from simulator.scenarios.generator.identifiers import make_siren
from simulator.scenarios.prospects import fichier_depuis_pack
from simulator.scenarios.prospects.generation import faker_seede
from simulator.scenarios.schema.loader import load_pack

NOMBRE = 1000


def main() -> None:
    """Print one line per measure with its ratio to the baseline."""
    pack = load_pack(
        Path(__file__).resolve().parent.parent / "scenario_packs" / "materiel-electrique.yaml"
    )
    fichier = fichier_depuis_pack(pack, 1, NOMBRE)
    rows = fichier.prospects
    naf = frozenset(n.code for a in pack.archetypes for n in a.naf)
    grille = CriteresCiblage(
        {Critere.taille: 30, Critere.secteur: 30, Critere.distance: 20, Critere.age_equipement: 20},
        naf_cibles=naf,
        rayon_km=150,
    )
    filtres = Filtres(departements=frozenset({"38", "73", "69"}), naf=naf, distance_max_km=150)
    flags = {pid: frozenset(v.detectable) for pid, v in fichier.verite.items() if v.detectable}
    qualif = qualifier(fichier, flags, grille)
    plan = PlanCampagne(
        {
            Canal.phoning: qualif.meilleurs(200),
            Canal.emailing: qualif.meilleurs(400),
            Canal.visite: qualif.meilleurs(10),
        },
        Decimal(5000),
    )

    baseline = median_seconds(lambda: [p.distance_km for p in rows], 300)
    faker, rng = faker_seede(2), random.Random(2)
    brute = median_seconds(
        lambda: [(faker.last_name(), make_siren(rng)) for _ in range(NOMBRE)], 15, warmup=3
    )
    print(f"baseline génération : {NOMBRE} noms Faker + SIREN nus")
    report(
        "génération d'un fichier de 1 000 entreprises",
        median_seconds(lambda: fichier_depuis_pack(pack, 2, NOMBRE), 15, warmup=3),
        brute,
    )
    mesures = {
        "filtre + tri (distance) + page de 25": (
            lambda: paginer(rows, filtres, "distance_km", page=2),
            300,
        ),
        "tri par raison sociale, sans filtre": (lambda: paginer(rows), 300),
        "notation et classement A/B/C (1 000 lignes)": (
            lambda: qualifier(fichier, flags, grille),
            50,
        ),
        "simulation d'une campagne (610 actions)": (
            lambda: simuler_campagne(fichier, qualif, plan, 3),
            50,
        ),
    }
    print(f"baseline listes : parcours des {NOMBRE} lignes (compréhension de liste)")
    for nom, (fn, repetitions) in mesures.items():
        report(nom, median_seconds(fn, repetitions, warmup=3), baseline)


if __name__ == "__main__":
    main()
