"""Generate a prospect file from a pack and a seed: sound rows, deliberate flaws, shuffle."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from faker import Faker

from simulator.engine.errors import ProspectionError
from simulator.engine.prospection.prospect_file import Defaut, FichierProspects, Territoire
from simulator.scenarios.prospects import flaws as d
from simulator.scenarios.prospects.company import generer_entreprise, nouveau_siren
from simulator.scenarios.prospects.source import SourceProspects, source_depuis_pack
from simulator.scenarios.prospects.territory import (
    commune_de_base,
    communes_du_territoire,
    territoire,
)
from simulator.scenarios.schema.pack import Pack

NOMBRE_DEFAUT = 400
NOMBRE_MAX = 1000
DATE_REFERENCE = date(2026, 1, 5)  #: the file's « today »: a parameter, never the clock


def faker_seede(seed: int) -> Faker:
    """A fr_FR Faker seeded for this file (outputs depend on the pinned Faker version)."""
    faker = Faker("fr_FR")
    faker.seed_instance(seed)
    return faker


def _gater(
    rng: random.Random,
    lignes: list[d.Ligne],
    nombres: dict[Defaut, int],
    faker: Faker,
    date_ref: date,
) -> list[d.Ligne]:
    """Spoil disjoint sound rows with closures, wrong phones and outdated contacts."""
    ordre = (Defaut.entreprise_fermee, Defaut.telephone_errone, Defaut.contact_obsolete)
    tires = rng.sample(range(len(lignes)), sum(nombres[x] for x in ordre))
    for defaut in ordre:
        for i in tires[: nombres[defaut]]:
            if defaut == Defaut.entreprise_fermee:
                lignes[i] = d.entreprise_fermee(rng, lignes[i], date_ref)
            elif defaut == Defaut.telephone_errone:
                lignes[i] = d.telephone_errone(rng, lignes[i], date_ref)
            else:
                lignes[i] = d.contact_obsolete(rng, lignes[i], faker, date_ref)
        tires = tires[nombres[defaut] :]
    return lignes


def _dupliquer(
    rng: random.Random, lignes: list[d.Ligne], nombres: dict[Defaut, int], date_ref: date
) -> list[d.Ligne]:
    """Append exact and fuzzy copies of distinct sound rows."""
    saines = [i for i, (_, v) in enumerate(lignes) if not v.defauts]
    total = nombres[Defaut.doublon_exact] + nombres[Defaut.doublon_approche]
    originaux = rng.sample(saines, total)
    copies = []
    for k, i in enumerate(originaux):
        ident = f"tmp{len(lignes) + k}"
        if k < nombres[Defaut.doublon_exact]:
            copies.append(d.doublon_exact(rng, lignes[i], ident, date_ref))
        else:
            copies.append(d.doublon_approche(rng, lignes[i], ident, date_ref))
    return lignes + copies


def _numeroter(lignes: list[d.Ligne]) -> list[d.Ligne]:
    """Final ids P0001… in file order; duplicates point to their original's final id."""
    nouveaux = {p.id: f"P{n:04d}" for n, (p, _) in enumerate(lignes, start=1)}
    return [
        (
            replace(p, id=nouveaux[p.id]),
            replace(
                v,
                prospect_id=nouveaux[p.id],
                doublon_de=nouveaux[v.doublon_de] if v.doublon_de else None,
            ),
        )
        for p, v in lignes
    ]


def generer_fichier(
    source: SourceProspects,
    territoire: Territoire,
    seed: int,
    nombre: int = NOMBRE_DEFAUT,
    faker: Faker | None = None,
    date_reference: date = DATE_REFERENCE,
) -> FichierProspects:
    """A file of `nombre` rows (duplicates included); same inputs and seed, same file."""
    if not 1 <= nombre <= NOMBRE_MAX:
        raise ProspectionError(f"Le fichier doit compter entre 1 et {NOMBRE_MAX} entreprises.")
    if not source.cibles or not source.concurrents or not source.naf_secteur:
        raise ProspectionError("Le pack doit décrire des archétypes, des concurrents et des NAF.")
    rng = random.Random(seed)
    faker = faker or faker_seede(seed)
    communes, base = communes_du_territoire(territoire), commune_de_base(territoire)
    nombres = d.nombre_defauts(nombre)
    sains = nombre - nombres[Defaut.doublon_exact] - nombres[Defaut.doublon_approche]
    pris: set[str] = set()
    lignes = [
        generer_entreprise(
            rng, faker, source, communes, base, date_reference, f"tmp{i}", nouveau_siren(rng, pris)
        )
        for i in range(sains)
    ]
    lignes = _gater(rng, lignes, nombres, faker, date_reference)
    lignes = _dupliquer(rng, lignes, nombres, date_reference)
    rng.shuffle(lignes)
    lignes = _numeroter(lignes)
    return FichierProspects(
        seed, territoire, tuple(p for p, _ in lignes), {v.prospect_id: v for _, v in lignes}
    )


def fichier_depuis_pack(
    pack: Pack, seed: int, nombre: int = NOMBRE_DEFAUT, departements: tuple[str, ...] | None = None
) -> FichierProspects:
    """The prospect file of a pack: the agency's region (or the given departments) and a seed."""
    zone = territoire(pack.seller.city, departements)
    return generer_fichier(source_depuis_pack(pack), zone, seed, nombre)
