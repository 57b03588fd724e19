"""generate(pack, seed) -> Situation: the deterministic, seeded situation generator."""

from __future__ import annotations

import random

from faker import Faker

from simulator.scenarios.generator.buyer_model import derive_negotiation
from simulator.scenarios.generator.company import make_company, make_contacts
from simulator.scenarios.generator.draws import between, int_between, weighted
from simulator.scenarios.generator.financials import make_financials, make_payment_history
from simulator.scenarios.generator.need import budget_for, make_competitors, make_need, make_supply
from simulator.scenarios.registry.parameters import PARAMETERS_BY_KEY
from simulator.scenarios.schema.catalogue import Catalogue
from simulator.scenarios.schema.pack import Pack
from simulator.scenarios.situation.client import Client, Contact
from simulator.scenarios.situation.model import (
    SCHEMA_VERSION,
    Buyer,
    Need,
    PackRef,
    RangeLimit,
    Rules,
    Situation,
    Terms,
)

LEGAL_MAX_PAYMENT_DAYS = 60


def new_faker() -> Faker:
    """A French Faker instance (the caller seeds it; creating one costs a few milliseconds)."""
    return Faker("fr_FR")


def compatible_services(catalogue: Catalogue, need: Need) -> list[str]:
    """Services compatible with the needed products, or requested, in catalogue order."""
    wanted = {line.ref for line in need.services}
    needed = {line.ref for line in need.lines}
    return [s.ref for s in catalogue.services if s.ref in wanted or needed & set(s.applies_to)]


def counterpart(contacts: list[Contact], role: str) -> Buyer:
    """The buyer block for the contact holding the given role."""
    contact = next(c for c in contacts if c.role == role)
    return Buyer(
        contact_id=contact.id,
        name=f"{contact.first_name} {contact.last_name}",
        role=contact.role,
        persona=contact.persona,
        motivations=list(contact.motivations),
    )


def refresh_negotiation(situation: Situation) -> None:
    """Recompute the negotiation block from the situation's current facts (after overrides)."""
    old = situation.negotiation
    situation.negotiation = derive_negotiation(
        rules=old.hidden.rules,
        duration_minutes=old.duration_minutes,
        buyer=situation.buyer,
        budget_ht=situation.client.budget_ht,
        need=situation.need,
        supply=situation.supply,
        competitors=situation.competitors,
        terms=situation.terms,
        services=compatible_services(situation.catalogue, situation.need),
        usual_payment_days=situation.client.payment_history.usual_payment_days,
        profile=situation.client.financials.profile,
        seed=situation.seed,
    )


def _rules(pack: Pack, rng: random.Random) -> Rules:
    """Freeze the pack's preference tables and the drawn patience into the snapshot."""
    frame = pack.negotiation
    return Rules(
        issues=[
            {
                "key": i.key.value,
                "label": i.label,
                "min": None if i.min is None else str(i.min),
                "max": None if i.max is None else str(i.max),
            }
            for i in frame.issues
        ],
        persona_weights={
            p.value: {k.value: w for k, w in t.items()} for p, t in frame.persona_weights.items()
        },
        motivation_bonus={
            m.value: {k.value: w for k, w in t.items()} for m, t in frame.motivation_bonus.items()
        },
        patience_base=int_between(rng, frame.patience),
    )


def _registry(pack: Pack) -> dict[str, RangeLimit]:
    """Parameters the jury may modify, with the pack's range or the registry default."""
    result = {}
    for entry in pack.registry:
        default = PARAMETERS_BY_KEY[entry.key]
        result[entry.key] = RangeLimit(
            min=default.min if entry.min is None else entry.min,
            max=default.max if entry.max is None else entry.max,
        )
    return result


def generate(pack: Pack, seed: int, faker: Faker | None = None) -> Situation:
    """Turn (pack, seed) into a complete situation; the same inputs give the same situation."""
    rng = random.Random(seed)
    faker = faker or new_faker()
    faker.seed_instance(seed)
    archetype = weighted(rng, pack.archetypes, [a.weight for a in pack.archetypes])
    profiles = list(archetype.profile_weights)
    profile = weighted(rng, profiles, [archetype.profile_weights[p] for p in profiles])
    ranges = pack.financial_profiles[profile]
    company = make_company(pack, archetype, rng, faker)
    contacts = make_contacts(pack, company, rng, faker)
    financials = make_financials(rng, archetype, company.headcount, profile.value, ranges)
    ca = financials.exercices[-1].compte_de_resultat.chiffre_affaires_ht
    need = make_need(pack, archetype, rng)
    budget = budget_for(need.list_total_ht, between(rng, archetype.budget_pct, 1))
    client = Client(
        company=company,
        contacts=contacts,
        financials=financials,
        payment_history=make_payment_history(rng, archetype, ranges, ca),
        budget_ht=budget,
    )
    supply = make_supply(pack, need, rng)
    competitors = make_competitors(pack, need, rng)
    terms = Terms(
        max_payment_days=LEGAL_MAX_PAYMENT_DAYS,
        seller_payment_days=pack.seller.payment_days,
        franco_threshold_ht=pack.seller.franco_threshold_ht,
        min_taux_de_marque_pct=pack.seller.min_taux_de_marque_pct,
    )
    buyer = counterpart(contacts, pack.negotiation.counterpart_role.value)
    rules = _rules(pack, rng)
    negotiation = derive_negotiation(
        rules=rules,
        duration_minutes=pack.negotiation.duration_minutes,
        buyer=buyer,
        budget_ht=budget,
        need=need,
        supply=supply,
        competitors=competitors,
        terms=terms,
        services=compatible_services(pack.catalogue, need),
        usual_payment_days=client.payment_history.usual_payment_days,
        profile=profile.value,
        seed=seed,
    )
    return Situation(
        schema_version=SCHEMA_VERSION,
        seed=seed,
        pack=PackRef(
            slug=pack.slug,
            version=pack.version,
            title=pack.title,
            allow_student_costs=pack.pack.allow_student_costs,
        ),
        sector=pack.sector,
        seller=pack.seller,
        catalogue=pack.catalogue,
        client=client,
        need=need,
        supply=supply,
        competitors=competitors,
        terms=terms,
        buyer=buyer,
        negotiation=negotiation,
        registry=_registry(pack),
        utterances=pack.utterances,
    )
