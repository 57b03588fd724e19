"""Declaration of the parameters the jury may modify (design.md §4): keys, labels, types, scope."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

ParamType = Literal["money", "percent", "integer", "enum", "text"]
PERSONAS: tuple[str, ...] = ("directif", "analytique", "aimable", "expressif")
ROLES: tuple[str, ...] = ("prescripteur", "decideur", "utilisateur", "acheteur", "filtre")


@dataclass(frozen=True)
class Parameter:
    """One modifiable parameter: key, French label, type, default range and what it changes."""

    key: str
    label: str
    type: ParamType
    affects: tuple[str, ...]
    min: Decimal | None = None
    max: Decimal | None = None
    choices: tuple[str, ...] = ()
    help: str = ""


def _d(value: int) -> Decimal:
    """Decimal from an int (readability of the table below)."""
    return Decimal(value)


#: Application order matters: the counterpart is chosen before its persona, quantity before budget.
PARAMETERS: tuple[Parameter, ...] = (
    Parameter(
        "buyer.decision_maker",
        "Interlocuteur qui décide (rôle)",
        "enum",
        ("buyer", "negotiation.hidden"),
        choices=ROLES,
        help="rôle du contact qui négocie et décide ; il doit exister dans la situation",
    ),
    Parameter(
        "buyer.persona",
        "Style social de l'interlocuteur",
        "enum",
        ("buyer.persona", "client.contacts", "negotiation.hidden"),
        choices=PERSONAS,
    ),
    Parameter(
        "order.quantity",
        "Quantité de la ligne principale",
        "integer",
        ("need.lines", "need.list_total_ht", "client.budget_ht", "competitors", "negotiation"),
        min=_d(1),
        max=_d(100000),
        help="le budget suit la quantité dans la même proportion",
    ),
    Parameter(
        "client.budget_ht",
        "Budget du client HT",
        "money",
        ("client.budget_ht", "negotiation.hidden"),
        min=_d(0),
        max=_d(10_000_000),
    ),
    Parameter(
        "competitor.price_index",
        "Indice de prix du concurrent principal (% de notre prix)",
        "percent",
        ("competitors", "negotiation.hidden"),
        min=_d(50),
        max=_d(150),
    ),
    Parameter(
        "supplier.lead_time_weeks",
        "Délai fournisseur (semaines)",
        "integer",
        ("supply", "negotiation.issues"),
        min=_d(0),
        max=_d(52),
    ),
    Parameter(
        "supplier.stock_coverage",
        "Stock fournisseur disponible (% du besoin principal)",
        "percent",
        ("supply",),
        min=_d(0),
        max=_d(100),
    ),
    Parameter(
        "client.payment_incidents",
        "Incidents de paiement signalés",
        "integer",
        ("client.payment_history",),
        min=_d(0),
        max=_d(10),
    ),
    Parameter(
        "terms.max_payment_days",
        "Délai de paiement maximal imposé (jours)",
        "integer",
        ("terms", "negotiation.issues", "negotiation.hidden"),
        min=_d(0),
        max=_d(60),
        help="60 jours à date de facture au plus (C. com. L441-10)",
    ),
    Parameter(
        "need.extra_constraint",
        "Contrainte supplémentaire du cahier des charges",
        "text",
        ("need.constraints",),
    ),
)

PARAMETERS_BY_KEY: dict[str, Parameter] = {p.key: p for p in PARAMETERS}
KNOWN_KEYS: tuple[str, ...] = tuple(p.key for p in PARAMETERS)
