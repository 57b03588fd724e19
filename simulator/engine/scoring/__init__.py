"""E4 debrief scoring of a negotiation (pure)."""

from simulator.engine.scoring.classement import classer, classer_coups
from simulator.engine.scoring.criteres import CRITERES, NIVEAUX
from simulator.engine.scoring.debrief import debrief, jsonifier
from simulator.engine.scoring.mesures import courbes, mesurer

__all__ = [
    "CRITERES",
    "NIVEAUX",
    "classer",
    "classer_coups",
    "courbes",
    "debrief",
    "jsonifier",
    "mesurer",
]
