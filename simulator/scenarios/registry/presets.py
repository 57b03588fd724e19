"""Usual exam modifications (design.md §4) as pure functions producing override dicts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
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
    """Le concurrent principal propose pct % de moins que notre prix catalogue (indice 100 − pct)."""
    return {"competitor.price_index": _plain(Decimal(100) - pct)}


def delai_fournisseur_allonge(snapshot: Snapshot, weeks: int = 6) -> Overrides:
    """Délai fournisseur porté à weeks semaines."""
    return {"supplier.lead_time_weeks": str(weeks)}


def rupture_partielle(snapshot: Snapshot, coverage_pct: Decimal = Decimal(40)) -> Overrides:
    """Rupture partielle : le fournisseur ne couvre que coverage_pct % de la ligne principale."""
    return {"supplier.stock_coverage": _plain(coverage_pct)}


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
    return {"client.payment_incidents": str(current + count)}


def quantite_modifiee(snapshot: Snapshot, factor: Decimal = Decimal(2)) -> Overrides:
    """Quantité de la ligne principale multipliée par factor (doublée par défaut)."""
    quantity = Decimal(snapshot["need"]["lines"][0]["quantity"]) * factor
    return {"order.quantity": str(max(1, int(quantity.quantize(Decimal(1), ROUND_HALF_UP))))}


def conditions_paiement_imposees(snapshot: Snapshot, days: int = 30) -> Overrides:
    """Le client impose un délai de paiement maximal de days jours."""
    return {"terms.max_payment_days": str(days)}


@dataclass(frozen=True)
class Preset:
    """A named exam modification for the jury's page."""

    label: str
    build: Callable[..., Overrides]


PRESETS: dict[str, Preset] = {
    "budget_reduit": Preset("Budget réduit de 15 %", budget_reduit),
    "concurrent_moins_cher": Preset("Un concurrent propose 8 % de moins", concurrent_moins_cher),
    "delai_fournisseur_allonge": Preset(
        "Délai fournisseur allongé à 6 semaines", delai_fournisseur_allonge
    ),
    "rupture_partielle": Preset(
        "Rupture de stock partielle chez le fournisseur", rupture_partielle
    ),
    "changement_interlocuteur": Preset(
        "L'interlocuteur est remplacé par un profil directif", changement_interlocuteur
    ),
    "incident_de_paiement": Preset("Incident de paiement signalé", incident_de_paiement),
    "quantite_modifiee": Preset("Quantité doublée", quantite_modifiee),
    "conditions_paiement_imposees": Preset(
        "Paiement à 30 jours maximum imposé", conditions_paiement_imposees
    ),
}
