"""Setters that change a situation for one registry parameter (applied by registry.apply)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_FLOOR, Decimal

from simulator.engine.money import cents
from simulator.scenarios.generator.core import counterpart
from simulator.scenarios.generator.draws import round_to
from simulator.scenarios.generator.financials import incident
from simulator.scenarios.generator.need import list_total, offer_total
from simulator.scenarios.situation.model import Situation

Value = Decimal | int | str


def set_decision_maker(sit: Situation, role: Value) -> None:
    """Hand the negotiation to the contact holding this role."""
    sit.buyer = counterpart(sit.client.contacts, str(role))


def set_persona(sit: Situation, persona: Value) -> None:
    """Change the social style of the negotiating contact."""
    contact = next(c for c in sit.client.contacts if c.id == sit.buyer.contact_id)
    contact.persona = str(persona)
    sit.buyer.persona = str(persona)


def set_quantity(sit: Situation, quantity: Value) -> None:
    """Change the main line's quantity; totals, competitor offers and budget follow."""
    line = sit.need.lines[0]
    old_total = sit.need.list_total_ht
    line.quantity = int(quantity)
    line.amount_ht = cents(line.list_price_ht * line.quantity)
    sit.need.list_total_ht = list_total(sit.need)
    for supply in sit.supply:
        if supply.ref == line.ref:
            supply.needed = line.quantity
            supply.shortage = supply.stock < supply.needed
    if old_total:
        budget = sit.client.budget_ht * sit.need.list_total_ht / old_total
        sit.client.budget_ht = round_to(budget, 50 if budget < 10_000 else 100)
    for offer in sit.competitors:
        offer.offer_total_ht = offer_total(sit.need.list_total_ht, offer.price_index)


def set_budget(sit: Situation, amount: Value) -> None:
    """Set the client's budget HT."""
    sit.client.budget_ht = cents(Decimal(amount))


def set_competitor_index(sit: Situation, index: Value) -> None:
    """Set the main competitor's price index and its offer."""
    offer = sit.competitors[0]
    offer.price_index = Decimal(index)
    offer.offer_total_ht = offer_total(sit.need.list_total_ht, offer.price_index)


def set_lead_time(sit: Situation, weeks: Value) -> None:
    """Set the supplier lead time of every needed product."""
    for supply in sit.supply:
        supply.lead_time_weeks = int(weeks)


def set_stock_coverage(sit: Situation, percent: Value) -> None:
    """Set the main product's supplier stock as a share of the need (partial shortage)."""
    supply = sit.supply[0]
    stock = Decimal(supply.needed) * Decimal(percent) / 100
    supply.stock = int(stock.to_integral_value(rounding=ROUND_FLOOR))
    supply.shortage = supply.stock < supply.needed


def set_incidents(sit: Situation, count: Value) -> None:
    """Keep the most recent incidents or add reported ones, up to count."""
    history = sit.client.payment_history
    wanted = int(count)
    monthly = sit.client.financials.exercices[-1].compte_de_resultat.chiffre_affaires_ht
    monthly = monthly * Decimal("1.2") / 12
    kept = history.incidents[:wanted]
    kept += [incident(i, monthly) for i in range(len(kept), wanted)]
    history.incidents = sorted(kept, key=lambda i: (i.months_ago, i.kind, i.amount_ttc))


def set_max_payment_days(sit: Situation, days: Value) -> None:
    """Impose a maximum payment term."""
    sit.terms.max_payment_days = int(days)


def add_constraint(sit: Situation, text: Value) -> None:
    """Add a constraint to the cahier des charges."""
    sit.need.constraints.append(str(text))


SETTERS: dict[str, Callable[[Situation, Value], None]] = {
    "buyer.decision_maker": set_decision_maker,
    "buyer.persona": set_persona,
    "order.quantity": set_quantity,
    "client.budget_ht": set_budget,
    "competitor.price_index": set_competitor_index,
    "supplier.lead_time_weeks": set_lead_time,
    "supplier.stock_coverage": set_stock_coverage,
    "client.payment_incidents": set_incidents,
    "terms.max_payment_days": set_max_payment_days,
    "need.extra_constraint": add_constraint,
}
