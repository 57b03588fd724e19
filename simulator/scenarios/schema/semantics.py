"""Semantic checks of a schema-valid pack: references, prices, weights, registry keys."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TypeVar

from simulator.scenarios.errors import Loc
from simulator.scenarios.registry.parameters import KNOWN_KEYS
from simulator.scenarios.schema.catalogue import Product, Service
from simulator.scenarios.schema.pack import Pack

Problem = tuple[Loc, str]


K = TypeVar("K")


def _weights(loc: Loc, weights: Mapping[K, Decimal]) -> list[Problem]:
    """Refuse negative weights and weight sets that cannot be normalised (sum zero)."""
    problems: list[Problem] = [
        (loc + (str(getattr(k, "value", k)),), f"poids négatif ({w}) : un poids doit être ≥ 0")
        for k, w in weights.items()
        if w < 0
    ]
    if not problems and sum(weights.values(), Decimal(0)) <= 0:
        problems.append((loc, "poids impossibles à normaliser : leur somme est nulle"))
    return problems


def _price(loc: Loc, price: Decimal, cost: Decimal) -> list[Problem]:
    """A list price below the purchase cost sells at a loss."""
    if price < cost:
        return [
            (
                loc + ("list_price_ht",),
                f"prix catalogue HT ({price}) inférieur au coût d'achat ({cost})",
            )
        ]
    return []


def _refs(loc: Loc, refs: Iterable[str], known: set[str], what: str) -> list[Problem]:
    """Report references to unknown products or services."""
    return [
        (loc + (i,), f"{what} inconnu « {ref} »") for i, ref in enumerate(refs) if ref not in known
    ]


def _catalogue(pack: Pack) -> list[Problem]:
    """Duplicate refs, prices below cost and dangling service/product references."""
    problems: list[Problem] = []
    seen: dict[str, Loc] = {}
    items: list[tuple[tuple[str, str, int], Product | Service]] = [
        (("catalogue", "products", i), p) for i, p in enumerate(pack.catalogue.products)
    ]
    items += [(("catalogue", "services", i), s) for i, s in enumerate(pack.catalogue.services)]
    for loc, item in items:
        if item.ref in seen:
            first = ".".join(map(str, seen[item.ref]))
            problems.append(
                (loc + ("ref",), f"référence « {item.ref} » en double (déjà dans {first})")
            )
        seen.setdefault(item.ref, loc)
        problems += _price(loc, item.list_price_ht, item.purchase_cost)
    products = {p.ref for p in pack.catalogue.products}
    services = {s.ref for s in pack.catalogue.services}
    for i, product in enumerate(pack.catalogue.products):
        loc = ("catalogue", "products", i)
        problems += _refs(loc + ("services",), product.services, services, "service")
        for j, option in enumerate(product.options):
            problems += _price(loc + ("options", j), option.list_price_ht, option.purchase_cost)
    for i, service in enumerate(pack.catalogue.services):
        problems += _refs(
            ("catalogue", "services", i, "applies_to"), service.applies_to, products, "produit"
        )
    return problems


def _suppliers(pack: Pack) -> list[Problem]:
    """Suppliers must deliver known products, and every product needs a supplier."""
    products = {p.ref for p in pack.catalogue.products}
    problems: list[Problem] = []
    for i, supplier in enumerate(pack.suppliers):
        problems += _refs(("suppliers", i, "products"), supplier.products, products, "produit")
    supplied = {ref for s in pack.suppliers for ref in s.products}
    problems += [
        (("catalogue", "products", i, "ref"), f"aucun fournisseur ne livre « {p.ref} »")
        for i, p in enumerate(pack.catalogue.products)
        if p.ref not in supplied
    ]
    return problems


def _archetypes(pack: Pack) -> list[Problem]:
    """Need templates must reference known products and services; weights must normalise."""
    products = {p.ref for p in pack.catalogue.products}
    services = {s.ref for s in pack.catalogue.services}
    problems = _weights(("archetypes",), {a.key: a.weight for a in pack.archetypes})
    for a, arch in enumerate(pack.archetypes):
        problems += _weights(("archetypes", a, "profile_weights"), arch.profile_weights)
        for n, need in enumerate(arch.needs):
            loc: Loc = ("archetypes", a, "needs", n)
            problems += _refs(loc + ("services",), need.services, services, "service")
            for k, line in enumerate(need.lines):
                if line.ref not in products:
                    problems.append((loc + ("lines", k, "ref"), f"produit inconnu « {line.ref} »"))
                if line.quantity.min < 1:
                    problems.append(
                        (
                            loc + ("lines", k, "quantity", "min"),
                            "valeur hors plage : une quantité commence à 1",
                        )
                    )
    return problems


def _frame(pack: Pack) -> list[Problem]:
    """Issues, weight tables, counterpart role and buying centre weights."""
    frame = pack.negotiation
    problems: list[Problem] = []
    keys = [issue.key for issue in frame.issues]
    for i, issue in enumerate(frame.issues):
        if keys.index(issue.key) != i:
            problems.append(
                (("negotiation", "issues", i, "key"), f"enjeu « {issue.key.value} » en double")
            )
        if issue.min is not None and issue.max is not None and issue.min > issue.max:
            problems.append(
                (
                    ("negotiation", "issues", i),
                    f"plage invalide : min ({issue.min}) supérieur à max ({issue.max})",
                )
            )
    for persona, table in frame.persona_weights.items():
        used = {k: w for k, w in table.items() if k in keys}
        problems += _weights(("negotiation", "persona_weights", persona.value), used)
    for motivation, table in frame.motivation_bonus.items():
        problems += [
            (
                ("negotiation", "motivation_bonus", motivation.value, k.value),
                f"poids négatif ({w}) : un poids doit être ≥ 0",
            )
            for k, w in table.items()
            if w < 0
        ]
    roles = [r.role for r in pack.buying_centre]
    if frame.counterpart_role not in roles:
        problems.append(
            (
                ("negotiation", "counterpart_role"),
                f"rôle « {frame.counterpart_role.value} » absent du centre d'achat",
            )
        )
    for i, role in enumerate(pack.buying_centre):
        problems += _weights(("buying_centre", i, "persona_weights"), role.persona_weights)
    return problems


def _registry(pack: Pack) -> list[Problem]:
    """Registry entries must name known parameters, once, with ordered ranges."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, entry in enumerate(pack.registry):
        if entry.key not in KNOWN_KEYS:
            known = ", ".join(KNOWN_KEYS)
            message = f"paramètre inconnu « {entry.key} » (paramètres possibles : {known})"
            problems.append((("registry", i, "key"), message))
        elif entry.key in seen:
            problems.append(
                (("registry", i, "key"), f"paramètre « {entry.key} » déclaré deux fois")
            )
        seen.add(entry.key)
        if entry.min is not None and entry.max is not None and entry.min > entry.max:
            problems.append(
                (
                    ("registry", i),
                    f"plage invalide : min ({entry.min}) supérieur à max ({entry.max})",
                )
            )
    return problems


#: the semantic checks, one per part of the pack (each reads only the sections it needs)
SECTION_CHECKS = (_catalogue, _suppliers, _archetypes, _frame, _registry)


def check_pack(pack: Pack) -> list[Problem]:
    """Return every semantic problem of a schema-valid pack."""
    return [problem for check in SECTION_CHECKS for problem in check(pack)]
