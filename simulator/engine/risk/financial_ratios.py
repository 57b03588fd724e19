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
    "concours_bancaires_courants",
    "dettes_financieres_moins_un_an",
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
    if valeurs["dettes_financieres_moins_un_an"] > valeurs["dettes_financieres"]:
        raise RiskError(
            f"{chemin}.dettes_financieres_moins_un_an",
            "la part à moins d'un an dépasse les dettes financières",
        )
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
    """Return the debts due within a year: fournisseurs, autres dettes, concours bancaires
    courants and the part of the emprunts due within a year."""
    return (
        e.dettes_fournisseurs
        + e.autres_dettes
        + e.concours_bancaires_courants
        + e.dettes_financieres_moins_un_an
    )


def total_dettes(e: FinancialStatements) -> Decimal:
    """Return every debt: emprunts, concours bancaires courants, fournisseurs, autres dettes."""
    return (
        e.dettes_financieres
        + e.concours_bancaires_courants
        + e.dettes_fournisseurs
        + e.autres_dettes
    )


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
    standards = tuple(ratio(*d) for d in definitions)
    return RatiosExercice(e.exercice, standards + bilan_fonctionnel(e) + rotations(e, taux_tva))


def ressources_stables(e: FinancialStatements) -> Decimal:
    """Return capitaux propres + dettes financières (every emprunt, whatever its term)."""
    return e.capitaux_propres + e.dettes_financieres


def frng(e: FinancialStatements) -> Decimal:
    """Fonds de roulement net global: ressources stables − emplois stables (immobilisations)."""
    return ressources_stables(e) - e.immobilisations


def bfr(e: FinancialStatements) -> Decimal:
    """Besoin en fonds de roulement: actif circulant hors trésorerie − dettes circulantes
    (fournisseurs + autres dettes; neither the emprunts nor the concours bancaires)."""
    return (e.stocks + e.creances_clients + e.autres_creances) - (
        e.dettes_fournisseurs + e.autres_dettes
    )


def tresorerie_nette(e: FinancialStatements) -> Decimal:
    """Trésorerie nette: disponibilités − concours bancaires courants (= FRNG − BFR)."""
    return e.disponibilites - e.concours_bancaires_courants


def bilan_fonctionnel(e: FinancialStatements) -> tuple[Ratio, ...]:
    """FRNG, BFR and trésorerie nette in euros, each read against its rule of thumb."""
    fr, besoin, tn = frng(e), bfr(e), tresorerie_nette(e)
    return (
        Ratio(
            "frng",
            "Fonds de roulement net global (FRNG, €)",
            "(capitaux propres + dettes financières) − immobilisations",
            f"({e.capitaux_propres} + {e.dettes_financieres}) − {e.immobilisations}",
            cents(fr),
            REPERES["frng"][2],
            fr >= 0,
        ),
        Ratio(
            "bfr",
            "Besoin en fonds de roulement (BFR, €)",
            "(stocks + créances clients + autres créances) − (dettes fournisseurs + autres dettes)",
            f"({e.stocks} + {e.creances_clients} + {e.autres_creances}) − "
            f"({e.dettes_fournisseurs} + {e.autres_dettes})",
            cents(besoin),
            REPERES["bfr"][2],
            besoin <= fr,
        ),
        Ratio(
            "tresorerie_nette",
            "Trésorerie nette (€)",
            "disponibilités − concours bancaires courants (= FRNG − BFR)",
            f"{e.disponibilites} − {e.concours_bancaires_courants}",
            cents(tn),
            REPERES["tresorerie_nette"][2],
            tn >= 0,
        ),
    )


def rotations(e: FinancialStatements, taux_tva: Decimal) -> tuple[Ratio, ...]:
    """Supplier payment days (TTC over TTC) and stock rotation days (over achats consommés)."""
    achats_ttc = cents(e.achats * (1 + taux_tva / 100))
    return (
        jours(
            "delai_fournisseurs_jours",
            "Délai moyen de paiement fournisseurs (jours)",
            "dettes fournisseurs TTC / achats TTC × 365",
            e.dettes_fournisseurs,
            achats_ttc,
        ),
        jours(
            "rotation_stocks_jours",
            "Rotation des stocks (jours)",
            "stocks / achats consommés HT × 365",
            e.stocks,
            e.achats,
        ),
    )


def jours(code: str, libelle: str, formule: str, num: Decimal, den: Decimal) -> Ratio:
    """A duration in days (num / den × 365, 1 decimal); None when the achats are not given."""
    minimum, maximum, repere = REPERES[code]
    calcul = f"{num} / {den} × 365"
    if den <= 0:
        return Ratio(
            code, libelle, formule, f"{calcul} : achats non renseignés", None, repere, None
        )
    valeur = quotient(num * 365, den, UN)
    assert valeur is not None  # den > 0
    favorable = None
    if minimum is not None or maximum is not None:
        favorable = (minimum is None or valeur >= minimum) and (
            maximum is None or valeur <= maximum
        )
    return Ratio(code, libelle, formule, calcul, valeur, repere, favorable)


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
