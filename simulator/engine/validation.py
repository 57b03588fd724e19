"""Shared checks that turn raw values into exact Decimals or raise an EngineError with a path."""

from __future__ import annotations

from decimal import Decimal

from simulator.engine.errors import EngineError
from simulator.engine.money import MoneyError, format_eur, to_decimal

#: Bounds that keep every product of two inputs exact within the 28-digit Decimal context.
LIMITE = Decimal(10) ** 12
DECIMALES_MAX = 6


def decimal_exact(valeur: object, champ: str, erreur: type[EngineError]) -> Decimal:
    """Read valeur as a Decimal (int, Decimal or string); floats and text are refused in French."""
    if valeur is None:
        raise erreur(champ, "valeur manquante")
    if type(valeur) is Decimal and valeur.is_finite() and -LIMITE < valeur < LIMITE:
        exposant = valeur.as_tuple().exponent
        if isinstance(exposant, int) and exposant >= -DECIMALES_MAX:
            return valeur  # fast path: already an exact, reasonable Decimal
    if isinstance(valeur, float):
        raise erreur(
            champ,
            f"nombre à virgule flottante refusé ({valeur!r}) : "
            'saisir un décimal exact, par exemple "12.50"',
        )
    try:
        nombre = to_decimal(valeur, champ)
    except MoneyError as exc:
        raise erreur(champ, str(exc).split(" : ", 1)[-1]) from None
    if abs(nombre) >= LIMITE:
        raise erreur(
            champ, f"valeur hors limites (au plus {LIMITE:,} en valeur absolue)".replace(",", " ")
        )
    if nombre != 0 and int(nombre.normalize().as_tuple().exponent) < -DECIMALES_MAX:
        raise erreur(champ, f"au plus {DECIMALES_MAX} décimales (reçu : {nombre})")
    return nombre


def montant_au_centime(valeur: object, champ: str, erreur: type[EngineError]) -> Decimal:
    """Read a non-negative amount in euros with at most two decimals."""
    montant = decimal_exact(valeur, champ, erreur)
    if montant < 0:
        raise erreur(champ, f"le montant ne peut pas être négatif (reçu : {format_eur(montant)})")
    if montant != montant.quantize(Decimal("0.01")):
        raise erreur(champ, f"un montant s'exprime au centime près (reçu : {montant})")
    return montant.quantize(Decimal("0.01"))


def positif_ou_nul(valeur: object, champ: str, erreur: type[EngineError]) -> Decimal:
    """Read a Decimal that must be zero or more."""
    nombre = decimal_exact(valeur, champ, erreur)
    if nombre < 0:
        raise erreur(champ, f"la valeur ne peut pas être négative (reçu : {nombre})")
    return nombre


def pourcentage_valide(valeur: object, champ: str, erreur: type[EngineError]) -> Decimal:
    """Read a rate in percent between 0 and 100 inclusive."""
    taux = decimal_exact(valeur, champ, erreur)
    if taux < 0:
        raise erreur(champ, f"un taux ne peut pas être négatif (reçu : {taux} %)")
    if taux > 100:
        raise erreur(champ, f"un taux ne peut pas dépasser 100 % (reçu : {taux} %)")
    return taux


def texte(valeur: object, champ: str, erreur: type[EngineError], requis: bool = True) -> str:
    """Read a string; an empty one is refused when requis."""
    if valeur is None:
        valeur = ""
    if not isinstance(valeur, str):
        raise erreur(champ, f"texte attendu (reçu : {type(valeur).__name__})")
    if requis and not valeur.strip():
        raise erreur(champ, "texte obligatoire manquant")
    return valeur.strip()
