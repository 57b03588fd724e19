"""Discrete grids of the situation's issues for the buyer engine (outcome space kept small).

The generator declares continuous domains (min, max); the engine plays on ordered discrete values.
Each grid keeps both ends of the domain, so the engine's linear utility (0 at the worst end, 1 at
the best) is exactly the generator's ``buyer_model.utility``, and the hidden reservation utility
stays valid. Level counts per issue (remise 11, quantité 3, délai 4, paiement 4, acompte 3,
garantie 3, services ≤ 4) give at most 11·3·4·4·3·3·4 = 19 008 outcomes; a thinning pass keeps any
unusual pack under ``MAX_OUTCOMES``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

MAX_OUTCOMES = 20_000
NIVEAUX_MAX: dict[str, int] = {
    "remise_pct": 11,
    "quantite": 3,
    "delai_livraison_semaines": 4,
    "delai_paiement_jours": 4,
    "acompte_pct": 3,
    "garantie_mois": 3,
    "services": 4,
}
PAS_POURCENT = (Decimal("0.5"), Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
PAIEMENTS_USUELS = (0, 30, 45, 60)
PRIORITE = {"remise_pct": 2.0}  # thinning spares the price issue first


def reduire(valeurs: list[Any], n: int) -> list[Any]:
    """Keep n evenly spaced values of a sorted list, both ends included."""
    if len(valeurs) <= n:
        return list(valeurs)
    if n <= 1:
        return [valeurs[0]]
    indices = sorted({round(k * (len(valeurs) - 1) / (n - 1)) for k in range(n)})
    return [valeurs[i] for i in indices]


def _pourcents(bas: Decimal, haut: Decimal, n: int) -> list[Decimal]:
    """A round-step percentage grid from bas to haut (both kept) with at most n values."""
    if haut <= bas:
        return [bas]
    for pas in PAS_POURCENT:
        if (haut - bas) / pas + 1 <= n:
            break
    valeurs, v = [], bas
    while v < haut:
        valeurs.append(canonique(v))
        v += pas
    return reduire([*valeurs, canonique(haut)], n)


def canonique(v: Decimal) -> Decimal:
    """One spelling per number (« 5 », « 2.5 », never « 5.0 »): terms are compared as JSON."""
    return v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize()


def _entiers(bas: int, haut: int, n: int) -> list[int]:
    """n evenly spaced integers from bas to haut (both kept)."""
    return reduire(list(range(bas, haut + 1)), n)


def grille(domaine: dict[str, Any], delai_min: int | None) -> list[Any]:
    """The discrete values of one issue domain (numbers; services: count of services offered)."""
    cle, n = domaine["key"], NIVEAUX_MAX[domaine["key"]]
    bas, haut = Decimal(domaine["min"]), Decimal(domaine["max"])
    if cle in ("remise_pct", "acompte_pct"):
        return _pourcents(canonique(bas), canonique(haut), n)
    b, h = int(bas), int(haut)
    if cle == "delai_livraison_semaines" and delai_min is not None and delai_min > b:
        faisables = _entiers(min(max(delai_min, b), h), h, n - 1) if delai_min <= h else [delai_min]
        return sorted({b, *faisables})  # the domain minimum keeps the utility scale (infeasible)
    if cle == "delai_paiement_jours":
        usuels = {b, h} | {d for d in PAIEMENTS_USUELS if b <= d <= h}
        return reduire(sorted(usuels), n)
    if cle == "garantie_mois":
        return reduire(sorted({b, h} | set(range(b, h + 1, 12))), n)
    if cle == "services":
        return reduire(list(range(b, h + 1)), n)
    return _entiers(b, h, n)


def taille(grilles: dict[str, list[Any]]) -> int:
    """Number of outcomes of the Cartesian product."""
    p = 1
    for g in grilles.values():
        p *= len(g)
    return p


def plafonner(grilles: dict[str, list[Any]], maximum: int = MAX_OUTCOMES) -> dict[str, list[Any]]:
    """Thin the grids with the most levels (price last) until the space holds at most `maximum`."""
    grilles = {k: list(v) for k, v in grilles.items()}
    while taille(grilles) > maximum:
        cle = max(grilles, key=lambda k: (len(grilles[k]) / PRIORITE.get(k, 1.0), k))
        if len(grilles[cle]) <= 2:
            break
        grilles[cle] = reduire(grilles[cle], len(grilles[cle]) - 1)
    return grilles
