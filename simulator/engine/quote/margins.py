"""Margins: marge brute, taux de marge, taux de marque, coefficient multiplicateur (ref. §1.2)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from simulator.engine.money import HUNDRED

POURCENT = Decimal("0.01")
COEF = Decimal("0.0001")


def pourcentage(ratio: Decimal) -> Decimal:
    """Express a ratio as a percentage rounded half-up to 2 decimals (0.338733 -> 33.87)."""
    return (ratio * HUNDRED).quantize(POURCENT, rounding=ROUND_HALF_UP)


def taux_de_marge(marge: Decimal, cout_achat: Decimal) -> Decimal | None:
    """Return marge / coût d'achat HT as an exact ratio, None when the cost is zero."""
    return None if cout_achat == 0 else marge / cout_achat


def taux_de_marque(marge: Decimal, prix_vente: Decimal) -> Decimal | None:
    """Return marge / prix de vente HT as an exact ratio, None when the price is zero."""
    return None if prix_vente == 0 else marge / prix_vente


def marque_depuis_marge(tmarge: Decimal) -> Decimal:
    """Convert a taux de marge into a taux de marque: Tmarque = Tmarge / (1 + Tmarge)."""
    return tmarge / (1 + tmarge)


def marge_depuis_marque(tmarque: Decimal) -> Decimal:
    """Convert a taux de marque into a taux de marge: Tmarge = Tmarque / (1 − Tmarque)."""
    return tmarque / (1 - tmarque)


def coefficient_multiplicateur(prix_vente: Decimal, cout_achat: Decimal) -> Decimal | None:
    """Return the HT coefficient PV HT / PA HT rounded half-up to 4 decimals."""
    if cout_achat == 0:
        return None
    return (prix_vente / cout_achat).quantize(COEF, rounding=ROUND_HALF_UP)


def coefficient_ttc(tmarque: Decimal, taux_tva_pourcent: Decimal) -> Decimal:
    """Return the TTC coefficient (1 + TVA) / (1 − Tmarque) rounded half-up to 4 decimals."""
    return ((1 + taux_tva_pourcent / HUNDRED) / (1 - tmarque)).quantize(
        COEF, rounding=ROUND_HALF_UP
    )
