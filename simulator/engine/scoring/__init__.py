"""E4 debrief scoring of a negotiation (pure)."""

from simulator.engine.scoring.criteria import CRITERES, NIVEAUX
from simulator.engine.scoring.debrief import debrief, jsonifier
from simulator.engine.scoring.metrics import courbes, mesurer
from simulator.engine.scoring.outcome import Couverture
from simulator.engine.scoring.move_classes import classer, classer_coups

__all__ = [
    "CRITERES",
    "Couverture",
    "NIVEAUX",
    "classer",
    "classer_coups",
    "courbes",
    "debrief",
    "jsonifier",
    "mesurer",
]
