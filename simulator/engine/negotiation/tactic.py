"""Time-dependent concession tactic of the buyer (Faratin, Sierra & Jennings 1998).

Exponent convention — we follow GENIUS (and design.md §5), NOT NegMAS:

    T(t) = Umax - (Umax - Ures) * t ** (1 / e)

with t = elapsed / duration in [0, 1]. ``e < 1`` is Boulware (holds firm, concedes late:
directif 0.25, analytique 0.4), ``e = 1`` linear, ``e > 1`` Conceder (concedes early: expressif 1.5,
aimable 2). NegMAS's ``PolyAspiration`` writes ``a(t) = 1 - t ** e`` where Boulware is e = 4:
``e_negmas = 1 / e_genius``. Convert with :func:`exposant_negmas` when cross-checking with NegMAS.
"""

from __future__ import annotations


def fraction(elapsed_s: float, duree_s: float) -> float:
    """Return the elapsed fraction t of the negotiation, clamped to [0, 1]."""
    return min(1.0, max(0.0, elapsed_s / duree_s))


def cible(t: float, u_max: float, u_res: float, exposant: float) -> float:
    """Return the buyer's target utility T(t) (GENIUS convention: e < 1 Boulware)."""
    if t <= 0.0:
        return u_max
    cible_t: float = u_max - (u_max - u_res) * t ** (1.0 / exposant)
    return cible_t


def exposant_negmas(exposant_genius: float) -> float:
    """Convert a GENIUS exponent into the NegMAS PolyAspiration one (they are inverses)."""
    return 1.0 / exposant_genius
