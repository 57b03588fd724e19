"""Generate the need (cahier des charges), the budget, the supplier state and competitor offers."""

from __future__ import annotations

import random
from decimal import Decimal

from simulator.engine.money import cents
from simulator.scenarios.generator.draws import between, chance, int_between, round_to
from simulator.scenarios.schema.catalogue import Product, Service
from simulator.scenarios.schema.clients import Archetype
from simulator.scenarios.schema.pack import Pack
from simulator.scenarios.situation.model import (
    CompetitorOffer,
    Need,
    NeedLine,
    PriceIncrease,
    SupplyLine,
)


def need_line(item: Product | Service, quantity: int) -> NeedLine:
    """A priced line of the cahier des charges at list price."""
    return NeedLine(
        ref=item.ref,
        designation=item.designation,
        unit=item.unit,
        quantity=quantity,
        list_price_ht=item.list_price_ht,
        vat_rate=item.vat_rate,
        amount_ht=cents(item.list_price_ht * quantity),
    )


def list_total(need: Need) -> Decimal:
    """Catalogue value HT of the whole need (products and requested services)."""
    return sum((line.amount_ht for line in need.lines + need.services), Decimal("0.00"))


def make_need(pack: Pack, archetype: Archetype, rng: random.Random) -> Need:
    """Draw a need template and its quantities and deadline."""
    template = archetype.needs[rng.randrange(len(archetype.needs))]
    products = {p.ref: p for p in pack.catalogue.products}
    services = {s.ref: s for s in pack.catalogue.services}
    lines = [
        need_line(products[line.ref], int_between(rng, line.quantity)) for line in template.lines
    ]
    need = Need(
        label=template.label,
        context=template.context,
        lines=lines,
        services=[need_line(services[ref], 1) for ref in template.services],
        constraints=list(template.constraints),
        deadline_weeks=int_between(rng, template.deadline_weeks),
        list_total_ht=Decimal("0.00"),
    )
    need.list_total_ht = list_total(need)
    return need


def budget_for(total: Decimal, percent: Decimal) -> Decimal:
    """Budget in round figures: to 50 € below 10 000 €, to 100 € above."""
    raw = total * percent / 100
    return round_to(raw, 50 if raw < 10_000 else 100)


def make_supply(pack: Pack, need: Need, rng: random.Random) -> list[SupplyLine]:
    """Supplier state (stock, lead time, MOQ, increase, shortage) for every needed product."""
    supply = []
    for line in need.lines:
        candidates = [s for s in pack.suppliers if line.ref in s.products]
        supplier = candidates[rng.randrange(len(candidates))]
        shortage = chance(rng, supplier.shortage_risk)
        stock = int_between(rng, supplier.stock)
        if shortage:
            stock = rng.randint(0, max(0, line.quantity - 1))
        increase = None
        if supplier.price_increase and chance(rng, supplier.price_increase.probability):
            increase = PriceIncrease(
                percent=between(rng, supplier.price_increase.percent, 1),
                in_weeks=int_between(rng, supplier.price_increase.in_weeks),
            )
        supply.append(
            SupplyLine(
                ref=line.ref,
                supplier=supplier.name,
                needed=line.quantity,
                stock=stock,
                shortage=stock < line.quantity,
                lead_time_weeks=int_between(rng, supplier.lead_time_weeks),
                moq=supplier.moq,
                franco_threshold_ht=supplier.franco_threshold_ht,
                price_increase=increase,
            )
        )
    return supply


def offer_total(total: Decimal, price_index: Decimal) -> Decimal:
    """Competitor offer HT on the same need."""
    return cents(total * price_index / 100)


def make_competitors(pack: Pack, need: Need, rng: random.Random) -> list[CompetitorOffer]:
    """One or two competitor offers on the same need, in pack order."""
    count = min(len(pack.competitors), rng.choice((1, 2)))
    chosen = sorted(rng.sample(range(len(pack.competitors)), count))
    offers = []
    for index in chosen:
        c = pack.competitors[index]
        price_index = between(rng, c.price_index, 1)
        offers.append(
            CompetitorOffer(
                name=c.name,
                positioning=c.positioning,
                price_index=price_index,
                offer_total_ht=offer_total(need.list_total_ht, price_index),
                lead_time_weeks=int_between(rng, c.lead_time_weeks),
                payment_days=int_between(rng, c.payment_days),
                warranty_months=c.warranty_months,
                strengths=list(c.strengths),
                weaknesses=list(c.weaknesses),
            )
        )
    return offers
