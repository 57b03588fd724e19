"""Validate financial statements and compute the standard ratios (reference §3.2).

Convention: ratios are computed exactly (Decimal context, 28 digits) and exposed rounded half-up
to 4 decimals; the DSO is exposed in days rounded half-up to 1 decimal (54.75 → 54.8 j).
"""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import ROUND_HALF_UP, Decimal

from simulator.engine.errors import RiskError
from simulator.engine.money import cents
from simulator.engine.risk.data import REPERES
from simulator.engine.risk.models import FinancialStatements, Ratio, RatiosExercice
from simulator.engine.validation import decimal_exact

QUATRE = Decimal("0.0001")
UN = Decimal("0.1")
#: Items that cannot be negative; capitaux propres, results, EBE, CAF, VA and réserves can.
POSITIFS = (
    "immobilisations",
    "stocks",
    "creances_clients",
    "disponibilites",
    "autres_creances",
    "dettes_financieres",
    "dettes_fournisseurs",
    "autres_dettes",
    "chiffre_affaires_ht",
    "frais_financiers",
    "charges_personnel",
    "achats",
)


def valider_etats(etats: FinancialStatements, chemin: str) -> FinancialStatements:
    """Return the statements with exact Decimals, or raise RiskError for absurd figures."""
    if isinstance(etats.exercice, bool) or not isinstance(etats.exercice, int):
        raise RiskError(f"{chemin}.exercice", "année entière attendue")
    valeurs = {
        f.name: decimal_exact(getattr(etats, f.name), f"{chemin}.{f.name}", RiskError)
        for f in fields(etats)
        if f.name != "exercice"
    }
    for nom in POSITIFS:
        if valeurs[nom] < 0:
            raise RiskError(f"{chemin}.{nom}", f"montant négatif impossible ({valeurs[nom]})")
    propre = replace(etats, **valeurs)  # type: ignore[arg-type]  # exercice is not in valeurs
    actif, passif = total_actif(propre), total_passif(propre)
    if actif <= 0:
        raise RiskError(f"{chemin}", "total de l'actif nul : bilan vide")
    if actif != passif:
        raise RiskError(f"{chemin}", f"bilan déséquilibré : actif {actif} ≠ passif {passif}")
    if propre.chiffre_affaires_ht == 0:
        raise RiskError(
            f"{chemin}.chiffre_affaires_ht",
            "chiffre d'affaires nul : ratios d'activité incalculables",
        )
    if propre.valeur_ajoutee <= 0:
        raise RiskError(
            f"{chemin}.valeur_ajoutee",
            "valeur ajoutée nulle ou négative : ratio charges de personnel / VA incalculable",
        )
    return propre


def total_actif(e: FinancialStatements) -> Decimal:
    """Return immobilisations + actif circulant."""
    return e.immobilisations + actif_circulant(e)


def actif_circulant(e: FinancialStatements) -> Decimal:
    """Return stocks + créances + disponibilités."""
    return e.stocks + e.creances_clients + e.autres_creances + e.disponibilites


def dettes_court_terme(e: FinancialStatements) -> Decimal:
    """Return dettes fournisseurs + autres dettes CT."""
    return e.dettes_fournisseurs + e.autres_dettes


def total_dettes(e: FinancialStatements) -> Decimal:
    """Return dettes financières + dettes CT (endettement total)."""
    return e.dettes_financieres + dettes_court_terme(e)


def total_passif(e: FinancialStatements) -> Decimal:
    """Return capitaux propres + total des dettes."""
    return e.capitaux_propres + total_dettes(e)


def quotient(a: Decimal, b: Decimal, pas: Decimal = QUATRE) -> Decimal | None:
    """Return a / b rounded half-up to pas, None when b is zero."""
    return None if b == 0 else (a / b).quantize(pas, rounding=ROUND_HALF_UP)


def calculer_ratios(e: FinancialStatements, taux_tva: Decimal) -> RatiosExercice:
    """Compute the ratios of one year, each with its formula and the figures used."""
    ct, dettes, actif = dettes_court_terme(e), total_dettes(e), total_actif(e)
    realisable = e.creances_clients + e.autres_creances + e.disponibilites
    ca_ttc = cents(e.chiffre_affaires_ht * (1 + taux_tva / 100))
    definitions = [
        (
            "autonomie_financiere",
            "Autonomie financière",
            "capitaux propres / total passif",
            e.capitaux_propres,
            actif,
            QUATRE,
        ),
        (
            "independance_financiere",
            "Indépendance financière",
            "capitaux propres / dettes financières",
            e.capitaux_propres,
            e.dettes_financieres,
            QUATRE,
        ),
        (
            "endettement",
            "Endettement (gearing)",
            "dettes financières / capitaux propres",
            e.dettes_financieres,
            e.capitaux_propres,
            QUATRE,
        ),
        (
            "solvabilite_generale",
            "Solvabilité générale",
            "total actif / total dettes",
            actif,
            dettes,
            QUATRE,
        ),
        (
            "liquidite_generale",
            "Liquidité générale",
            "actif circulant / dettes CT",
            actif_circulant(e),
            ct,
            QUATRE,
        ),
        (
            "liquidite_reduite",
            "Liquidité réduite",
            "(créances + disponibilités) / dettes CT",
            realisable,
            ct,
            QUATRE,
        ),
        (
            "liquidite_immediate",
            "Liquidité immédiate",
            "disponibilités / dettes CT",
            e.disponibilites,
            ct,
            QUATRE,
        ),
        (
            "capacite_remboursement",
            "Capacité de remboursement (années)",
            "dettes financières / CAF",
            e.dettes_financieres,
            e.caf,
            QUATRE,
        ),
        (
            "dso_jours",
            "Délai moyen de paiement clients (DSO, jours)",
            "créances clients TTC / CA TTC × 365",
            e.creances_clients,
            ca_ttc,
            UN,
        ),
    ]
    return RatiosExercice(e.exercice, tuple(ratio(*d) for d in definitions))


def ratio(code: str, libelle: str, formule: str, num: Decimal, den: Decimal, pas: Decimal) -> Ratio:
    """Build one Ratio with its benchmark reading; a ratio over a zero or negative base is None."""
    facteur = Decimal("365") if code == "dso_jours" else Decimal("1")
    minimum, maximum, repere = REPERES[code]
    calcul = f"{num} / {den}" + (" × 365" if code == "dso_jours" else "")
    if den <= 0 and code in NON_CALCULABLES:
        defavorable = code in ("endettement", "capacite_remboursement")
        return Ratio(
            code,
            libelle,
            formule,
            f"{calcul} : {NON_CALCULABLES[code]}",
            None,
            repere,
            not defavorable,
        )
    valeur = quotient(num * facteur, den, pas)
    favorable = None
    if valeur is not None:
        favorable = (minimum is None or valeur >= minimum) and (
            maximum is None or valeur <= maximum
        )
    return Ratio(code, libelle, formule, calcul, valeur, repere, favorable)


#: Why a ratio over a zero or negative denominator is not computed.
NON_CALCULABLES = {
    "endettement": "capitaux propres nuls ou négatifs",
    "capacite_remboursement": "CAF nulle ou négative : pas de remboursement par autofinancement",
    "solvabilite_generale": "aucune dette",
    "liquidite_generale": "aucune dette à court terme",
    "liquidite_reduite": "aucune dette à court terme",
    "liquidite_immediate": "aucune dette à court terme",
    "independance_financiere": "aucune dette financière",
}
