"""Discrete grids of the situation's issues for the buyer engine (outcome space kept small).

The generator declares continuous domains (min, max); the engine plays on ordered discrete values.
Each grid keeps both ends of the domain, so the engine's linear utility (0 at the worst end, 1 at
the best) is exactly the generator's ``buyer_model.utility``, and the hidden reservation utility
stays valid. Level counts per issue (remise 11, quantité 3, délai 4, paiement 4, acompte 3,
garantie 3, services ≤ 4), plus the values that matter to the situation (issue 11: the client's
requested lead time, the catalogue's warranties, every 10 % of deposit so that the deposit a risk
analysis recommends is on offer) give at most about 11·3·5·4·5·5·4 outcomes; a thinning pass,
which keeps those values, keeps any pack under ``MAX_OUTCOMES``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

MAX_OUTCOMES = 32_000
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
PRIORITE = {"remise_pct": 3.0, "acompte_pct": 2.0}  # thinning spares price, then deposit


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


#: deposits a risk analysis recommends are round shares: the grid offers every 10 % of the domain
PAS_ACOMPTE = Decimal(10)


def grille(
    domaine: dict[str, Any], delai_min: int | None, incontournables: tuple[Any, ...] = ()
) -> list[Any]:
    """The discrete values of one issue domain (numbers; services: count of services offered).

    `incontournables` are values that matter to the situation (the client's requested lead time,
    the warranties the catalogue sells): kept whenever they lie inside the domain.
    """
    base = _grille(domaine, delai_min)
    if domaine["key"] == "services":
        return base
    bas, haut = Decimal(domaine["min"]), Decimal(domaine["max"])
    entier = domaine["key"] not in ("remise_pct", "acompte_pct")
    en_plus = {
        int(v) if entier else canonique(Decimal(v))
        for v in incontournables
        if bas <= Decimal(v) <= haut
    }
    return sorted(set(base) | en_plus)


def _grille(domaine: dict[str, Any], delai_min: int | None) -> list[Any]:
    """The evenly spaced grid of one issue domain."""
    cle, n = domaine["key"], NIVEAUX_MAX[domaine["key"]]
    bas, haut = Decimal(domaine["min"]), Decimal(domaine["max"])
    if cle == "acompte_pct":
        pas = [canonique(v) for v in _multiples(bas, haut, PAS_ACOMPTE)]
        return sorted({canonique(bas), canonique(haut), *pas})
    if cle == "remise_pct":
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


def _multiples(bas: Decimal, haut: Decimal, pas: Decimal) -> list[Decimal]:
    """Multiples of pas within [bas, haut]."""
    k = (bas / pas).to_integral_value(rounding="ROUND_CEILING")
    sortie = []
    while k * pas <= haut:
        sortie.append(k * pas)
        k += 1
    return sortie


def taille(grilles: dict[str, list[Any]]) -> int:
    """Number of outcomes of the Cartesian product."""
    p = 1
    for g in grilles.values():
        p *= len(g)
    return p


def plafonner(
    grilles: dict[str, list[Any]],
    maximum: int = MAX_OUTCOMES,
    gardes: dict[str, set[Any]] | None = None,
) -> dict[str, list[Any]]:
    """Thin the grids with the most levels (price last) until the space holds at most `maximum`.

    Values in `gardes` (per issue) survive the thinning, as do both ends of every grid.
    """
    grilles = {k: list(v) for k, v in grilles.items()}
    gardes = gardes or {}
    figees: set[str] = set()
    while taille(grilles) > maximum:
        libres = [k for k in grilles if k not in figees]
        if not libres:
            break
        cle = max(libres, key=lambda k: (len(grilles[k]) / PRIORITE.get(k, 1.0), k))
        valeurs = grilles[cle]
        garde = {valeurs[0], valeurs[-1]} | (gardes.get(cle, set()) & set(valeurs))
        if len(valeurs) <= 2 or len(garde) >= len(valeurs):
            figees.add(cle)
            continue
        reduite = sorted(set(reduire(valeurs, len(valeurs) - 1)) | garde)
        if len(reduite) >= len(valeurs):  # drop the interior value farthest from the kept ones
            reduite = [v for v in valeurs if v != next(v for v in valeurs if v not in garde)]
        grilles[cle] = reduite
    return grilles
