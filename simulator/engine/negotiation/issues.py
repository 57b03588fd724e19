"""A negotiable issue (enjeu): ordered discrete domain, buyer's direction, seller's margin."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from simulator.engine.negotiation.values import Valeur, lire_valeur


@dataclass(frozen=True)
class Enjeu:
    """One negotiable issue: ordered discrete domain, buyer's direction, seller's margin per value."""

    cle: str
    libelle: str
    nature: str
    valeurs: tuple[Valeur, ...]
    sens_acheteur: str  # "hausse": the buyer prefers higher values (later options), "baisse": lower
    impact_marge: tuple[Decimal, ...]  # euros added to the seller's margin by each value

    def lire(self, brut: object) -> Valeur:
        """Read a raw value for this issue."""
        return lire_valeur(self.nature, brut, self.cle)
