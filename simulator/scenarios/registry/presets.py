"""Usual exam modifications (design.md §4) as pure functions producing override dicts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from simulator.scenarios.generator.draws import round_to

Snapshot = dict[str, Any]
Overrides = dict[str, str]


def _plain(value: Decimal) -> str:
    """Decimal as plain text without exponent."""
    return f"{value.normalize():f}"


def budget_reduit(snapshot: Snapshot, pct: Decimal = Decimal(15)) -> Overrides:
    """Budget réduit de pct % (rounded to 50 € / 100 €)."""
    budget = Decimal(snapshot["client"]["budget_ht"]) * (1 - pct / 100)
    return {"client.budget_ht": str(round_to(budget, 50 if budget < 10_000 else 100))}


def concurrent_moins_cher(snapshot: Snapshot, pct: Decimal = Decimal(8)) -> Overrides:
    """L'offre du concurrent principal baisse de pct % par rapport à son offre actuelle."""
    current = Decimal(snapshot["competitors"][0]["price_index"])
    index = (current * (1 - pct / 100)).quantize(Decimal("0.001"), ROUND_HALF_UP)
    return {"competitor.price_index": _plain(max(Decimal(50), index))}


def delai_fournisseur_allonge(snapshot: Snapshot, weeks: int = 3) -> Overrides:
    """Délai fournisseur allongé de weeks semaines par rapport au délai actuel le plus long."""
    current = max((int(s["lead_time_weeks"]) for s in snapshot["supply"]), default=0)
    return {"supplier.lead_time_weeks": str(min(52, current + weeks))}


def _coverage(snapshot: Snapshot) -> Decimal:
    """Share of the main need the supplier's stock covers now, in % (0 to 100)."""
    supply = snapshot["supply"][0]
    if not supply["needed"]:
        return Decimal(100)
    return min(Decimal(100), Decimal(supply["stock"]) * 100 / Decimal(supply["needed"]))


def rupture_partielle(snapshot: Snapshot, keep_pct: Decimal = Decimal(40)) -> Overrides:
    """Rupture partielle : le stock du produit principal tombe à keep_pct % du stock actuel."""
    kept = (_coverage(snapshot) * keep_pct / 100).quantize(Decimal("0.01"), ROUND_FLOOR)
    return {"supplier.stock_coverage": _plain(kept)}


def changement_interlocuteur(
    snapshot: Snapshot, role: str | None = None, persona: str = "directif"
) -> Overrides:
    """L'interlocuteur est remplacé (par défaut le décideur, ou l'acheteur s'il négociait déjà)."""
    if role is None:
        current = snapshot["buyer"]["role"]
        present = [c["role"] for c in snapshot["client"]["contacts"]]
        role = next(r for r in ("decideur", "acheteur", *present) if r != current and r in present)
    return {"buyer.decision_maker": role, "buyer.persona": persona}


def incident_de_paiement(snapshot: Snapshot, count: int = 1) -> Overrides:
    """Un (ou count) incident(s) de paiement supplémentaire(s) signalé(s)."""
    current = len(snapshot["client"]["payment_history"]["incidents"])
    return {"client.payment_incidents": str(min(10, current + count))}


def quantite_modifiee(snapshot: Snapshot, factor: Decimal = Decimal(2)) -> Overrides:
    """Quantité de la ligne principale multipliée par factor (doublée par défaut)."""
    quantity = Decimal(snapshot["need"]["lines"][0]["quantity"]) * factor
    return {"order.quantity": str(max(1, int(quantity.quantize(Decimal(1), ROUND_HALF_UP))))}


def conditions_paiement_imposees(snapshot: Snapshot, days: int = 30) -> Overrides:
    """Le client impose un délai de paiement d'au plus days jours (jamais plus long qu'avant)."""
    current = int(snapshot["terms"]["max_payment_days"])
    return {"terms.max_payment_days": str(min(current, days))}


def offre_concurrente(snapshot: Snapshot) -> Overrides:
    """Événement : le client reçoit une offre concurrente 5 % moins chère que l'actuelle."""
    return concurrent_moins_cher(snapshot, Decimal(5))


def retard_fournisseur(snapshot: Snapshot) -> Overrides:
    """Événement : plus de stock chez le fournisseur, réapprovisionnement allongé de 3 semaines."""
    return {**delai_fournisseur_allonge(snapshot, 3), "supplier.stock_coverage": "0"}


@dataclass(frozen=True)
class Preset:
    """A named exam modification for the jury's page."""

    label: str
    build: Callable[..., Overrides]


PRESETS: dict[str, Preset] = {
    "budget_reduit": Preset("Budget réduit de 15 %", budget_reduit),
    "concurrent_moins_cher": Preset(
        "L'offre du concurrent principal baisse de 8 %", concurrent_moins_cher
    ),
    "delai_fournisseur_allonge": Preset(
        "Délai fournisseur allongé de 3 semaines", delai_fournisseur_allonge
    ),
    "rupture_partielle": Preset(
        "Rupture partielle : le stock fournisseur tombe à 40 % de l'actuel", rupture_partielle
    ),
    "changement_interlocuteur": Preset(
        "L'interlocuteur est remplacé par un profil directif", changement_interlocuteur
    ),
    "incident_de_paiement": Preset("Incident de paiement signalé", incident_de_paiement),
    "quantite_modifiee": Preset("Quantité doublée", quantite_modifiee),
    "conditions_paiement_imposees": Preset(
        "Paiement à 30 jours au plus imposé", conditions_paiement_imposees
    ),
}
