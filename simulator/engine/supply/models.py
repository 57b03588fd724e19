"""Input and output dataclasses of the supplier feasibility check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

#: Shortage levels announced by the supplier; « rupture » means it cannot deliver at all.
RISQUES_PENURIE = ("aucun", "faible", "fort", "rupture")


@dataclass(frozen=True)
class HausseAnnoncee:
    """A price increase announced by the supplier (percent, effective date)."""

    pourcentage: Decimal
    date_effet: date


@dataclass(frozen=True)
class EtatFournisseur:
    """Supplier state of one product: our stock, lead time, MOQ, franco, increases, shortage."""

    ref: str
    stock: Decimal
    delai_semaines: int
    quantite_minimale: Decimal = Decimal("1")
    franco_seuil_ht: Decimal | None = None
    hausses: tuple[HausseAnnoncee, ...] = ()
    risque_penurie: str = "aucun"
    substitut_ref: str | None = None


@dataclass(frozen=True)
class DemandeLivraison:
    """When the client orders, when they want delivery, and until when our offer stays valid."""

    date_commande: date
    date_souhaitee: date
    date_validite_offre: date | None = None


@dataclass(frozen=True)
class Solution:
    """A way to make a line feasible (livraison_partielle, substitut, date_ulterieure…)."""

    type: str
    detail: str


@dataclass(frozen=True)
class FaisabiliteLigne:
    """Feasibility of one line: status, date, quantities to order, extra cost and solutions."""

    ref: str
    quantite: Decimal
    stock_disponible: Decimal
    quantite_a_commander: Decimal
    surplus_moq: Decimal
    date_disponible: date | None
    statut: str
    retard_jours: int
    surcout_hausse_ht: Decimal
    alertes: tuple[str, ...]
    solutions: tuple[Solution, ...]


@dataclass(frozen=True)
class Faisabilite:
    """Feasibility of a whole quote against a requested delivery date."""

    lignes: tuple[FaisabiliteLigne, ...]
    faisable: bool
    date_livraison_complete: date | None
    retard_max_jours: int
    surcout_total_ht: Decimal
    synthese: str
