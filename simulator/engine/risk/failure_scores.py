"""Failure-prediction scores: Conan & Holder (reference §3.3) and Altman Z′ (unlisted firms).

Convention: the scores are computed from the unrounded ratios, then rounded half-up to 2 decimals
(the reference's Dupont gives 20.09, whereas summing its rounded contributions would give 20.10);
ratios and contributions are exposed rounded to 4 and 2 decimals.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from simulator.engine.risk.data import (
    ALTMAN_Z_PRIME,
    CONAN_HOLDER,
    ECHELLE_ALTMAN,
    ECHELLE_CONAN_HOLDER,
)
from simulator.engine.risk.financial_ratios import actif_circulant, total_actif, total_dettes
from simulator.engine.risk.models import FinancialStatements, Score

#: A score scale: (bound or None, bound included, zone, reading, risk level), best first.
Echelle = tuple[tuple[Decimal | None, bool, str, str, int], ...]

DEUX = Decimal("0.01")
QUATRE = Decimal("0.0001")


def conan_holder(e: FinancialStatements) -> Score:
    """Z = 24 R1 + 22 R2 + 16 R3 − 87 R4 − 10 R5 (ratios as decimals)."""
    actif = total_actif(e)
    dettes = total_dettes(e)
    ratios = (
        e.ebe / dettes if dettes else Decimal("0"),
        (e.capitaux_propres + e.dettes_financieres) / actif,
        (e.creances_clients + e.autres_creances + e.disponibilites) / actif,
        e.frais_financiers / e.chiffre_affaires_ht,
        e.charges_personnel / e.valeur_ajoutee,
    )
    return score("Conan et Holder", ratios, CONAN_HOLDER, ECHELLE_CONAN_HOLDER)


def altman_z_prime(e: FinancialStatements) -> Score:
    """Z′ = 0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 + 0.998 X5 with book equity in X4."""
    actif = total_actif(e)
    dettes = total_dettes(e)
    fonds_de_roulement = actif_circulant(e) - e.dettes_fournisseurs - e.autres_dettes
    ratios = (
        fonds_de_roulement / actif,
        e.reserves / actif,
        e.resultat_exploitation / actif,
        e.capitaux_propres / dettes if dettes else Decimal("0"),
        e.chiffre_affaires_ht / actif,
    )
    return score("Altman Z′", ratios, ALTMAN_Z_PRIME, ECHELLE_ALTMAN)


def score(
    nom: str, ratios: tuple[Decimal, ...], coefficients: tuple[Decimal, ...], echelle: Echelle
) -> Score:
    """Weight the ratios, round the total to 2 decimals and read it on the scale."""
    contributions = [c * r for c, r in zip(coefficients, ratios, strict=True)]
    valeur = sum(contributions, Decimal("0")).quantize(DEUX, rounding=ROUND_HALF_UP)
    zone, lecture, _ = lire(valeur, echelle)
    return Score(
        nom=nom,
        ratios=tuple(r.quantize(QUATRE, rounding=ROUND_HALF_UP) for r in ratios),
        contributions=tuple(c.quantize(DEUX, rounding=ROUND_HALF_UP) for c in contributions),
        valeur=valeur,
        zone=zone,
        lecture=lecture,
    )


def lire(valeur: Decimal, echelle: Echelle) -> tuple[str, str, int]:
    """Return (zone, reading, risk level) of a score on its scale."""
    for seuil, inclus, zone, lecture, niveau in echelle:
        if seuil is None or valeur > seuil or (inclus and valeur == seuil):
            return zone, lecture, niveau
    raise AssertionError("échelle sans borne inférieure")


def niveau_conan_holder(s: Score) -> int:
    """Return the risk level (1–4) of a Conan-Holder score."""
    return lire(s.valeur, ECHELLE_CONAN_HOLDER)[2]
