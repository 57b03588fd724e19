"""Derive the negotiation block (issues, domains, hidden buyer) from a situation's facts."""

from __future__ import annotations

import random

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Literal

from simulator.engine.money import cents
from simulator.scenarios.schema.frame import ISSUE_LABELS
from simulator.scenarios.situation.model import (
    Batna,
    Buyer,
    CompetitorOffer,
    Hidden,
    IssueDomain,
    Need,
    Negotiation,
    Rules,
    SupplyLine,
    Terms,
)

#: Concession exponent of T(t) = Umax - (Umax - Ures) * t**(1/e): e < 1 Boulware, e > 1 Conceder.
CONCESSION_EXPONENT: dict[str, Decimal] = {
    "directif": Decimal("0.3"),
    "analytique": Decimal("0.5"),
    "aimable": Decimal("2.0"),
    "expressif": Decimal("1.5"),
}
PATIENCE_SHIFT: dict[str, int] = {"directif": -1, "analytique": 1, "aimable": 2, "expressif": 0}
ACOMPTE_MAX_BY_PROFILE: dict[str, Decimal] = {
    "sain": Decimal(30),
    "fragile": Decimal(20),
    "risque": Decimal(10),
}
_PREFERS: dict[str, Literal["haut", "bas"]] = {
    "remise_pct": "haut",
    "quantite": "bas",
    "delai_livraison_semaines": "bas",
    "delai_paiement_jours": "haut",
    "acompte_pct": "bas",
    "garantie_mois": "haut",
    "services": "haut",
}
_Q4 = Decimal("0.0001")


def _ceil(value: Decimal) -> Decimal:
    """Round up to an integer."""
    return value.to_integral_value(rounding=ROUND_CEILING)


def _clamp(value: Decimal, issue: IssueDomain) -> Decimal:
    """Keep a value inside an issue's domain."""
    return min(max(value, issue.min), issue.max)


def _bound(raw: str | None, default: Decimal) -> Decimal:
    """A pack bound if given, else the default."""
    return Decimal(raw) if raw is not None else default


def issue_domains(
    rules: Rules, need: Need, supply: list[SupplyLine], terms: Terms, services: list[str]
) -> list[IssueDomain]:
    """Domains of the pack's issues for this situation."""
    quantity = Decimal(need.lines[0].quantity)
    covered = all(line.stock >= line.needed for line in supply)
    fastest = Decimal(1 if covered else max(line.lead_time_weeks for line in supply))
    derived: dict[str, tuple[str, Decimal, Decimal]] = {
        "remise_pct": ("percent", Decimal(0), Decimal(20)),
        "quantite": ("integer", quantity, _ceil(quantity * Decimal("1.5"))),
        "delai_livraison_semaines": (
            "integer",
            fastest,
            max(fastest, Decimal(need.deadline_weeks)) + 4,
        ),
        "delai_paiement_jours": ("integer", Decimal(0), Decimal(terms.max_payment_days)),
        "acompte_pct": ("percent", Decimal(0), Decimal(40)),
        "garantie_mois": ("integer", Decimal(12), Decimal(36)),
        "services": ("services", Decimal(0), Decimal(len(services))),
    }
    domains = []
    for item in rules.issues:
        key = str(item["key"])
        kind, low, high = derived[key]
        if key in ("remise_pct", "acompte_pct", "garantie_mois", "delai_paiement_jours"):
            low, high = _bound(item.get("min"), low), _bound(item.get("max"), high)
        if key == "delai_paiement_jours":
            high = min(high, Decimal(terms.max_payment_days))
        domains.append(
            IssueDomain(
                key=key,
                label=item.get("label") or ISSUE_LABELS[key],
                kind=kind,  # type: ignore[arg-type]
                min=min(low, high),
                max=high,
                values=services if key == "services" else [],
                buyer_prefers=_PREFERS[key],
            )
        )
    return domains


#: bounded jitter of the buyer's raw weights around the persona's profile
JITTER = (0.85, 1.15)


def normalised_weights(
    rules: Rules, persona: str, motivations: list[str], keys: list[str], seed: int | None = None
) -> dict[str, Decimal]:
    """Persona weights plus motivation bonuses, normalised to sum exactly 1 (4 decimals).

    With `seed`, each raw weight is multiplied by a factor drawn in JITTER (seeded by the
    situation's seed only, so a jury override re-derives the same draw): buyers of one persona
    differ from one situation to the next (issue 11), around the persona's profile.
    """
    raw = {k: rules.persona_weights.get(persona, {}).get(k, Decimal(0)) for k in keys}
    for motivation in motivations:
        for k, bonus in rules.motivation_bonus.get(motivation, {}).items():
            if k in raw:
                raw[k] += bonus
    if seed is not None:
        tirage = random.Random(f"poids-acheteur:{seed}")
        for k in sorted(keys):
            facteur = Decimal(str(round(tirage.uniform(*JITTER), 3)))
            raw[k] *= facteur
    total = sum(raw.values(), Decimal(0))
    if total <= 0:
        raw, total = {k: Decimal(1) for k in keys}, Decimal(len(keys))
    weights = {k: (v / total).quantize(_Q4) for k, v in raw.items()}
    heaviest = max(keys, key=lambda k: (weights[k], k))
    weights[heaviest] += Decimal(1) - sum(weights.values(), Decimal(0))
    return weights


def utility(issue: IssueDomain, value: Decimal) -> Decimal:
    """Linear utility of a value on one issue, 0 at the worst end of the domain, 1 at the best."""
    if issue.max == issue.min:
        return Decimal(1)
    share = (value - issue.min) / (issue.max - issue.min)
    return share if issue.buyer_prefers == "haut" else 1 - share


def _reservation(
    issue: IssueDomain,
    ceiling: Decimal,
    need: Need,
    best: CompetitorOffer,
    usual_days: int,
    profile: str,
) -> Decimal:
    """The buyer's walk-away value on one issue."""
    key = issue.key
    if key == "remise_pct":
        gap = (1 - ceiling / need.list_total_ht) * 100 if need.list_total_ht else Decimal(0)
        return _clamp(gap.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), issue)
    if key == "quantite":
        return _clamp(_ceil(issue.min * Decimal("1.25")), issue)
    if key == "delai_livraison_semaines":
        return _clamp(Decimal(need.deadline_weeks), issue)
    if key == "delai_paiement_jours":
        return _clamp(Decimal(min(best.payment_days, usual_days)), issue)
    if key == "acompte_pct":
        return _clamp(ACOMPTE_MAX_BY_PROFILE.get(profile, Decimal(20)), issue)
    if key == "garantie_mois":
        return _clamp(Decimal(best.warranty_months), issue)
    return issue.min


def derive_negotiation(
    *,
    rules: Rules,
    duration_minutes: int,
    buyer: Buyer,
    budget_ht: Decimal,
    need: Need,
    supply: list[SupplyLine],
    competitors: list[CompetitorOffer],
    terms: Terms,
    services: list[str],
    usual_payment_days: int,
    profile: str,
    seed: int | None = None,
) -> Negotiation:
    """Build the public issues and the hidden buyer (weights, reservation values, exponent)."""
    issues = issue_domains(rules, need, supply, terms, services)
    keys = [i.key for i in issues]
    weights = normalised_weights(rules, buyer.persona, buyer.motivations, keys, seed)
    best = min(competitors, key=lambda c: (c.offer_total_ht, c.name))
    loyalty = (
        Decimal(2)
        + (3 if "sympathie" in buyer.motivations else 0)
        + (2 if "securite" in buyer.motivations else 0)
    )
    ceiling = cents(min(budget_ht, best.offer_total_ht * (1 + loyalty / 100)))
    reservation = {
        i.key: _reservation(i, ceiling, need, best, usual_payment_days, profile) for i in issues
    }
    ideal = {i.key: (i.max if i.buyer_prefers == "haut" else i.min) for i in issues}
    ures = sum((weights[i.key] * utility(i, reservation[i.key]) for i in issues), Decimal(0))
    return Negotiation(
        duration_minutes=duration_minutes,
        issues=issues,
        hidden=Hidden(
            persona=buyer.persona,
            motivations=list(buyer.motivations),
            weights=weights,
            ideal=ideal,
            reservation=reservation,
            reservation_utility=ures.quantize(_Q4),
            price_ceiling_ht=ceiling,
            batna=Batna(
                competitor=best.name,
                price_index=best.price_index,
                offer_total_ht=best.offer_total_ht,
            ),
            desired_services=[line.ref for line in need.services],
            concession_exponent=CONCESSION_EXPONENT[buyer.persona],
            patience=max(1, rules.patience_base + PATIENCE_SHIFT[buyer.persona]),
            rules=rules,
        ),
    )
