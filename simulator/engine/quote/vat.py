"""French VAT rates (metropolitan France, reference §1.1) and their validation."""

from __future__ import annotations

from decimal import Decimal

#: Known rates in percent -> French label. 0 covers exempt or reverse-charge operations,
#: which then need the exemption article printed (reference §2.3, 3).
TAUX_TVA: dict[Decimal, str] = {
    Decimal("20"): "taux normal (CGI art. 278)",
    Decimal("10"): "taux intermédiaire (CGI art. 278 bis, 279)",
    Decimal("5.5"): "taux réduit (CGI art. 278-0 bis)",
    Decimal("2.1"): "taux particulier (CGI art. 281 quater)",
    Decimal("0"): "exonération ou autoliquidation (mention de l'article requise)",
}


def est_taux_connu(taux: Decimal) -> bool:
    """Tell whether taux (in percent) is a French VAT rate."""
    return taux in TAUX_TVA


def libelle_taux(taux: Decimal) -> str:
    """Return the French label of a VAT rate."""
    return TAUX_TVA[taux]
