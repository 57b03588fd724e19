"""The precomputed outcome space agrees with a brute-force enumeration."""

from __future__ import annotations

import itertools

import pytest

from simulator.engine.negotiation.outcome_space import utilites_unitaires
from tests.unit.engine.negotiation.setup_factory import petit_setup


def brute_force(s):  # type: ignore[no-untyped-def]
    """Enumerate every package and compute utilities, frontier and Nash point naively."""
    poids = {e.cle: s.acheteur.poids[e.cle] / sum(s.acheteur.poids.values()) for e in s.enjeux}
    points = []
    for combo in itertools.product(*(range(len(e.valeurs)) for e in s.enjeux)):
        ub = sum(poids[e.cle] * utilites_unitaires(e, None)[k] for e, k in zip(s.enjeux, combo))
        m = float(sum(e.impact_marge[k] for e, k in zip(s.enjeux, combo)))
        points.append((ub, m))
    lo, hi = min(p[1] for p in points), max(p[1] for p in points)
    pts = [(ub, (m - lo) / (hi - lo)) for ub, m in points]
    front = {p for p in pts if not any(q[0] >= p[0] and q[1] >= p[1] and q != p for q in pts)}
    rs = (float(s.vendeur.marge_plancher) - lo) / (hi - lo)
    ok = [p for p in front if p[0] >= s.acheteur.reservation and p[1] >= rs]
    nash = max(ok, key=lambda p: (p[0] - s.acheteur.reservation) * (p[1] - rs)) if ok else None
    return front, nash


@pytest.mark.parametrize("graine", range(12))
@pytest.mark.parametrize("niveaux", [(4, 3, 3), (5, 2, 4, 3), (6, 6)])
def test_pareto_and_nash_match_brute_force(graine: int, niveaux: tuple[int, ...]) -> None:
    s = petit_setup(niveaux, graine)
    esp = s.espace
    front, nash = brute_force(s)
    calcule = {(round(esp.ub[o], 9), round(esp.us[o], 9)) for o in esp.pareto}
    assert calcule == {(round(a, 9), round(b, 9)) for a, b in front}
    if nash is None:
        assert esp.nash is None
    else:
        assert esp.nash is not None
        assert esp.ub[esp.nash] == pytest.approx(nash[0]) and esp.us[esp.nash] == pytest.approx(
            nash[1]
        )


def test_sorted_tables_and_decoding_are_consistent(make_setup) -> None:  # type: ignore[no-untyped-def]
    esp = make_setup().espace
    assert esp.ub_tries == sorted(esp.ub) and esp.us_tries == sorted(esp.us)
    for o in (0, 7, esp.taille - 1):
        termes = esp.termes_outcome(o)
        assert esp.encoder(esp.decoder(o)) == o
        assert esp.u_acheteur(termes) == pytest.approx(esp.ub[o])
        assert esp.u_vendeur(termes) == pytest.approx(esp.us[o])


def test_space_excludes_illegal_payment_and_untenable_lead_time(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup()
    esp = s.espace
    valeurs = {e.cle: {e.valeurs[k] for k in niv} for e, niv in zip(s.enjeux, esp.niveaux)}
    assert max(valeurs["paiement"]) == 60 and min(valeurs["delai"]) == 3


def test_space_is_capped(make_setup) -> None:  # type: ignore[no-untyped-def]
    esp = make_setup(max_issues=500).espace
    assert esp.taille <= 500 and len(esp.pareto) > 0
