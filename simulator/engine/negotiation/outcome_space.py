"""Outcome space computed once per setup: utilities, sorted tables, Pareto frontier, Nash point."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from simulator.engine.negotiation.issues import Enjeu
from simulator.engine.negotiation.values import (
    Valeur,
    ValeurInvalide,
    est_numerique,
    interpoler,
    interpoler_borne,
)

Termes = dict[str, Valeur]


@dataclass
class Espace:
    """Precomputed tables; level positions index the kept (feasible, capped) values of each issue."""

    enjeux: tuple[Enjeu, ...]
    niveaux: list[list[int]]  # kept value indices per issue
    cb: list[list[float]]  # buyer's weighted utility per kept level
    cm: list[list[float]]  # seller's margin impact per kept level (float, for utilities)
    ub: list[float]  # buyer utility of every outcome
    us: list[float]  # seller utility (normalised margin) of every outcome
    marge_min: float
    marge_max: float
    marge_fixe: Decimal
    res_b: float
    res_s: float
    ordre_b: list[int]
    ub_tries: list[float]
    ordre_s: list[int]
    us_tries: list[float]
    pareto: list[int]  # frontier outcomes, buyer utility ascending
    nash: int | None
    chemin: list[list[int]]  # per issue: level positions from the buyer's best to its worst
    pertes: list[list[float]]  # buyer's loss along chemin (ascending)
    valeurs_b: list[list[float]]  # unweighted buyer utility of every declared value
    poids: list[float]  # normalised buyer weights
    table_b: list[dict[Valeur, float]] = field(
        default_factory=list
    )  # declared value -> weighted utility
    table_m: list[dict[Valeur, Decimal]] = field(
        default_factory=list
    )  # declared value -> margin impact

    def __post_init__(self) -> None:
        """Index declared values so that on-grid terms are looked up, not interpolated."""
        self.table_b = [
            {v: self.poids[i] * u for v, u in zip(e.valeurs, self.valeurs_b[i], strict=True)}
            for i, e in enumerate(self.enjeux)
        ]
        self.table_m = [dict(zip(e.valeurs, e.impact_marge, strict=True)) for e in self.enjeux]
        self._acces_b = [(i, e.cle, self.table_b[i]) for i, e in enumerate(self.enjeux)]
        self._acces_m = [(i, e.cle, self.table_m[i]) for i, e in enumerate(self.enjeux)]

    @property
    def taille(self) -> int:
        """Return the number of outcomes."""
        return len(self.ub)

    def decoder(self, o: int) -> list[int]:
        """Return the level positions of outcome o (last issue varies fastest)."""
        pos = [0] * len(self.niveaux)
        for i in range(len(self.niveaux) - 1, -1, -1):
            o, pos[i] = divmod(o, len(self.niveaux[i]))
        return pos

    def encoder(self, positions: list[int]) -> int:
        """Return the outcome index of level positions (inverse of decoder)."""
        o = 0
        for niv, p in zip(self.niveaux, positions, strict=True):
            o = o * len(niv) + p
        return o

    def termes(self, positions: list[int]) -> Termes:
        """Return the terms of a package given by level positions."""
        return {
            e.cle: e.valeurs[self.niveaux[i][p]]
            for i, (e, p) in enumerate(zip(self.enjeux, positions, strict=True))
        }

    def contribution(self, i: int, v: Valeur) -> float:
        """Return the buyer's weighted utility of value v on issue i (interpolated, clamped)."""
        connu = self.table_b[i].get(v)
        if connu is not None:
            return connu
        e = self.enjeux[i]
        if not est_numerique(e.nature):
            if v not in e.valeurs:
                raise ValeurInvalide(f"{e.libelle} : option inconnue « {v} »")
            return self.poids[i] * self.valeurs_b[i][e.valeurs.index(v)]
        xs = [float(x) for x in e.valeurs]
        return self.poids[i] * interpoler_borne(xs, self.valeurs_b[i], float(v))

    def impact(self, i: int, v: Valeur) -> Decimal:
        """Return the margin impact in euros of value v on issue i (interpolated, extrapolated)."""
        connu = self.table_m[i].get(v)
        if connu is not None:
            return connu
        e = self.enjeux[i]
        if not est_numerique(e.nature):
            raise ValeurInvalide(f"{e.libelle} : option inconnue « {v} »")
        return interpoler([Decimal(x) for x in e.valeurs], list(e.impact_marge), Decimal(v))

    def u_acheteur(self, t: Termes) -> float:
        """Return the buyer's utility of a complete package (same order of addition as sum())."""
        total: float = 0
        for i, cle, table in self._acces_b:
            v = t[cle]
            c = table.get(v)
            total += self.contribution(i, v) if c is None else c
        return total

    def marge(self, t: Termes) -> Decimal:
        """Return the seller's margin in euros of a complete package."""
        total = Decimal(0)
        for i, cle, table in self._acces_m:
            v = t[cle]
            c = table.get(v)
            total += self.impact(i, v) if c is None else c
        return self.marge_fixe + total

    def u_vendeur(self, t: Termes) -> float:
        """Return the seller's normalised utility of a complete package (may leave [0, 1])."""
        return self.normaliser_marge(float(self.marge(t)))

    def normaliser_marge(self, m: float) -> float:
        """Map a margin in euros to the seller's utility scale."""
        etendue = self.marge_max - self.marge_min
        return (m - self.marge_min) / etendue if etendue > 0 else 1.0

    def utilite_marge(self, marge: Decimal) -> float:
        """The seller's utility (a 0..1 scale, not money) of a margin in euros."""
        return self.normaliser_marge(float(marge))

    def termes_outcome(self, o: int) -> Termes:
        """Return the terms of outcome o."""
        return self.termes(self.decoder(o))


def utilites_unitaires(e: Enjeu, table: tuple[float, ...] | None) -> list[float]:
    """Return the buyer's utility in [0, 1] of each declared value (linear unless a table is given)."""
    if table:
        return [float(x) for x in table]
    n = len(e.valeurs)
    if n == 1:
        return [1.0]
    if est_numerique(e.nature):
        lo, hi = float(e.valeurs[0]), float(e.valeurs[-1])
        pos = [(float(x) - lo) / (hi - lo) if hi > lo else 1.0 for x in e.valeurs]
    else:
        pos = [k / (n - 1) for k in range(n)]
    return pos if e.sens_acheteur == "hausse" else [1.0 - p for p in pos]


def plafonner(niveaux: list[list[int]], maximum: int) -> list[list[int]]:
    """Thin the largest domains (keeping both ends) until the space holds at most `maximum`."""
    niveaux = [list(n) for n in niveaux]
    while _produit(niveaux) > maximum:
        i = max(range(len(niveaux)), key=lambda k: len(niveaux[k]))
        n = niveaux[i]
        if len(n) <= 2:
            break
        garde = max(2, (len(n) * 3) // 4)
        niveaux[i] = [n[round(k * (len(n) - 1) / (garde - 1))] for k in range(garde)]
    return niveaux


def _produit(niveaux: list[list[int]]) -> int:
    """Return the size of the Cartesian product."""
    p = 1
    for n in niveaux:
        p *= len(n)
    return p


def frontiere(ub: list[float], us: list[float]) -> list[int]:
    """Return the Pareto-optimal outcomes, buyer utility ascending (one per utility pair)."""
    ordre = sorted(range(len(ub)), key=lambda o: (-ub[o], -us[o]))
    garde: list[int] = []
    meilleur = float("-inf")
    for o in ordre:
        if us[o] > meilleur + 1e-12:
            garde.append(o)
            meilleur = us[o]
    return garde[::-1]


def point_nash(
    pareto: list[int], ub: list[float], us: list[float], rb: float, rs: float
) -> int | None:
    """Return the frontier outcome maximising (ub - rb)(us - rs) above both reservations."""
    candidats = [o for o in pareto if ub[o] >= rb and us[o] >= rs]
    if not candidats:
        return None
    return max(candidats, key=lambda o: ((ub[o] - rb) * (us[o] - rs), ub[o]))
