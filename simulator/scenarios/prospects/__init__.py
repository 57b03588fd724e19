"""Generate the prospect file of a pack (visible rows + hidden ground truth) for prospection."""

from simulator.scenarios.prospects.generation import (
    NOMBRE_DEFAUT,
    NOMBRE_MAX,
    fichier_depuis_pack,
    generer_fichier,
)
from simulator.scenarios.prospects.source import (
    Cible,
    SourceProspects,
    objections_du_pack,
    source_depuis_pack,
)
from simulator.scenarios.prospects.territory import territoire

__all__ = [
    "NOMBRE_DEFAUT",
    "NOMBRE_MAX",
    "Cible",
    "SourceProspects",
    "fichier_depuis_pack",
    "generer_fichier",
    "objections_du_pack",
    "source_depuis_pack",
    "territoire",
]
