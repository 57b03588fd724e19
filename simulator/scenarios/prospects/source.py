"""What the prospect generator needs from a pack, as small dataclasses (usable without one)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from simulator.scenarios.schema.pack import Pack

#: Off-target activities a bought file always contains (NAF rév. 2 code, short label).
NAF_HORS_CIBLE: tuple[tuple[str, str], ...] = (
    ("56.10A", "Restauration traditionnelle"),
    ("47.11D", "Supermarchés"),
    ("69.20Z", "Activités comptables"),
    ("86.21Z", "Activité des médecins généralistes"),
    ("68.20B", "Location de terrains et d'autres biens immobiliers"),
    ("62.01Z", "Programmation informatique"),
    ("96.02A", "Coiffure"),
    ("45.20A", "Entretien et réparation de véhicules automobiles légers"),
    ("10.71C", "Boulangerie et boulangerie-pâtisserie"),
    ("70.22Z", "Conseil pour les affaires"),
)

FONCTIONS_DEFAUT = ("Gérant", "Directeur général", "Responsable achats", "Responsable maintenance")


@dataclass(frozen=True, slots=True)
class Cible:
    """A client archetype: NAF codes, size range, name patterns, potential per employee."""

    cle: str
    segment: str
    poids: Decimal
    naf: tuple[tuple[str, str], ...]
    effectif_min: int
    effectif_max: int
    modeles_nom: tuple[str, ...]
    ca_par_salarie: Decimal  #: midpoint of the archetype's CA HT per employee


@dataclass(frozen=True, slots=True)
class SourceProspects:
    """Inputs of the generator: archetypes, seller's NAF (confrères), competitors, titles."""

    cibles: tuple[Cible, ...]
    naf_secteur: tuple[tuple[str, str], ...]
    concurrents: tuple[str, ...]
    fonctions: tuple[str, ...] = FONCTIONS_DEFAUT
    naf_hors_cible: tuple[tuple[str, str], ...] = NAF_HORS_CIBLE


def source_depuis_pack(pack: Pack) -> SourceProspects:
    """Extract the generator's inputs from a validated pack."""
    cibles = tuple(
        Cible(
            a.key,
            a.segment,
            a.weight,
            tuple((n.code, n.label) for n in a.naf),
            a.headcount.min,
            a.headcount.max,
            tuple(a.name_patterns),
            (a.ca_par_salarie_ht.min + a.ca_par_salarie_ht.max) / 2,
        )
        for a in pack.archetypes
    )
    roles = {"decideur", "prescripteur", "acheteur"}
    fonctions = tuple(t for r in pack.buying_centre if r.role.value in roles for t in r.job_titles)
    return SourceProspects(
        cibles,
        tuple((n.code, n.label) for n in pack.sector.naf),
        tuple(c.name for c in pack.competitors),
        fonctions or FONCTIONS_DEFAUT,
    )


def objections_du_pack(pack: Pack) -> dict[str, tuple[str, ...]]:
    """The pack's buying-centre objections grouped by kind, for the campaign simulation."""
    table: dict[str, list[str]] = {}
    for role in pack.buying_centre:
        for o in role.objections:
            table.setdefault(o.kind.value, []).append(o.text)
    return {k: tuple(v) for k, v in table.items()}
