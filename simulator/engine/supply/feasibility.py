"""Supplier feasibility of a quote: stock, lead time, MOQ, franco, price increases, shortages.

Assumptions: a replenishment ordered on date_commande arrives date_commande + delai_semaines × 7
days; the supplier price is the one in force when we order, so an increase counts if it takes
effect on or before the last day the client may still accept the offer (date_validite_offre,
else date_commande). Only the missing quantity (not the MOQ surplus kept in stock) costs the deal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from simulator.engine.errors import SupplyError
from simulator.engine.money import ZERO, cents, format_eur
from simulator.engine.quote.models import LigneDevis
from simulator.engine.supply.models import (
    RISQUES_PENURIE,
    DemandeLivraison,
    EtatFournisseur,
    Faisabilite,
    FaisabiliteLigne,
    Solution,
)
from simulator.engine.validation import decimal_exact, positif_ou_nul, pourcentage_valide

#: Longest supplier lead time accepted (ten years), beyond which dates make no sense.
DELAI_MAX_SEMAINES = 520

#: Quantities are counts, not money: zero without cents.
AUCUNE = Decimal("0")

EN_STOCK, A_TEMPS, EN_RETARD, IMPOSSIBLE, NON_SUIVI = (
    "en_stock",
    "a_temps",
    "en_retard",
    "impossible",
    "non_suivi",
)


def date_dans_semaines(depart: date, semaines: int) -> date:
    """Return the date a number of weeks after depart."""
    try:
        return depart + timedelta(weeks=semaines)
    except OverflowError:
        raise SupplyError("demande.date_commande", "date hors du calendrier") from None


def analyser_faisabilite(
    lignes: Sequence[LigneDevis], etats: Mapping[str, EtatFournisseur], demande: DemandeLivraison
) -> Faisabilite:
    """Check every line against the supplier state and the requested delivery date."""
    if demande.date_souhaitee < demande.date_commande:
        raise SupplyError("demande.date_souhaitee", "la date souhaitée précède la date de commande")
    resultats = tuple(
        analyser_ligne(ligne, etats, demande, f"lignes[{i}]") for i, ligne in enumerate(lignes)
    )
    faisable = all(r.statut in (EN_STOCK, A_TEMPS, NON_SUIVI) for r in resultats)
    dates = [r.date_disponible for r in resultats]
    connues = [d for d in dates if d is not None]
    complete = None if len(connues) < len(dates) else max(connues, default=demande.date_commande)
    retard = max((r.retard_jours for r in resultats), default=0)
    surcout = sum((r.surcout_hausse_ht for r in resultats), ZERO)
    return Faisabilite(
        resultats,
        faisable,
        complete,
        retard,
        surcout,
        synthese(resultats, faisable, complete, demande),
    )


def synthese(
    resultats: Sequence[FaisabiliteLigne],
    faisable: bool,
    complete: date | None,
    demande: DemandeLivraison,
) -> str:
    """Summarise the feasibility in one French sentence."""
    if faisable:
        return f"Livraison complète possible le {demande.date_souhaitee:%d/%m/%Y} ou avant."
    impossibles = [r.ref for r in resultats if r.statut == IMPOSSIBLE]
    if impossibles:
        return "Ligne(s) impossible(s) à fournir : " + ", ".join(impossibles) + "."
    en_retard = [r.ref for r in resultats if r.statut == EN_RETARD]
    return (
        f"Retard sur {', '.join(en_retard)} : livraison complète au plus tôt le "
        f"{complete:%d/%m/%Y}."
    )


def valider_etat(etat: EtatFournisseur, chemin: str) -> EtatFournisseur:
    """Check one supplier state."""
    if etat.risque_penurie not in RISQUES_PENURIE:
        raise SupplyError(f"{chemin}.risque_penurie", f"niveau inconnu « {etat.risque_penurie} »")
    if (
        isinstance(etat.delai_semaines, bool)
        or not isinstance(etat.delai_semaines, int)
        or not 0 <= etat.delai_semaines <= DELAI_MAX_SEMAINES
    ):
        raise SupplyError(
            f"{chemin}.delai_semaines", f"entier entre 0 et {DELAI_MAX_SEMAINES} attendu"
        )
    seuil = etat.franco_seuil_ht
    return replace(
        etat,
        stock=positif_ou_nul(etat.stock, f"{chemin}.stock", SupplyError),
        quantite_minimale=positif_ou_nul(
            etat.quantite_minimale, f"{chemin}.quantite_minimale", SupplyError
        ),
        franco_seuil_ht=None
        if seuil is None
        else positif_ou_nul(seuil, f"{chemin}.franco_seuil_ht", SupplyError),
        hausses=tuple(
            replace(
                h,
                pourcentage=pourcentage_valide(
                    h.pourcentage, f"{chemin}.hausses[{i}].pourcentage", SupplyError
                ),
            )
            for i, h in enumerate(etat.hausses)
        ),
    )


def analyser_ligne(
    ligne: LigneDevis,
    etats: Mapping[str, EtatFournisseur],
    demande: DemandeLivraison,
    chemin: str,
    substitut: bool = True,
) -> FaisabiliteLigne:
    """Decide the status of one line and what would make it feasible."""
    quantite = decimal_exact(ligne.quantite, f"{chemin}.quantite", SupplyError)
    if quantite <= 0:
        raise SupplyError(f"{chemin}.quantite", "la quantité doit être strictement positive")
    etat = etats.get(ligne.ref)
    if etat is None:
        return FaisabiliteLigne(
            ligne.ref,
            quantite,
            AUCUNE,
            AUCUNE,
            AUCUNE,
            demande.date_commande,
            NON_SUIVI,
            0,
            ZERO,
            ("Pas de donnée fournisseur (service ou article non stocké).",),
            (),
        )
    etat = valider_etat(etat, f"fournisseurs[{ligne.ref}]")
    stock = etat.stock
    if stock >= quantite:
        return FaisabiliteLigne(
            ligne.ref,
            quantite,
            stock,
            AUCUNE,
            AUCUNE,
            demande.date_commande,
            EN_STOCK,
            0,
            ZERO,
            (),
            (),
        )
    manque = quantite - stock
    if etat.risque_penurie == "rupture":
        return ligne_impossible(ligne, quantite, stock, manque, etats, demande, substitut)
    return ligne_a_commander(ligne, etat, quantite, stock, manque, etats, demande, substitut)


def ligne_a_commander(
    ligne: LigneDevis,
    etat: EtatFournisseur,
    quantite: Decimal,
    stock: Decimal,
    manque: Decimal,
    etats: Mapping[str, EtatFournisseur],
    demande: DemandeLivraison,
    substitut: bool,
) -> FaisabiliteLigne:
    """Line needing a replenishment: on time or late, with MOQ, franco and increases."""
    a_commander = max(manque, etat.quantite_minimale)
    arrivee = date_dans_semaines(demande.date_commande, etat.delai_semaines)
    retard = max((arrivee - demande.date_souhaitee).days, 0)
    statut = EN_RETARD if retard else A_TEMPS
    alertes, solutions = [], []
    if a_commander > manque:
        solutions.append(
            Solution(
                "commander_moq",
                f"Commander le minimum de {a_commander} : "
                f"{a_commander - manque} unité(s) resteront en stock.",
            )
        )
    cout = decimal_exact(ligne.cout_achat_unitaire_ht, "cout_achat_unitaire_ht", SupplyError)
    seuil = etat.franco_seuil_ht
    if seuil is not None and a_commander * cout < seuil:
        alertes.append(
            f"Commande fournisseur de {format_eur(cents(a_commander * cout))} sous son "
            f"franco de {format_eur(seuil)} : port d'achat à prévoir."
        )
    surcout = surcout_hausses(etat, manque, cout, demande, alertes)
    if etat.risque_penurie == "fort":
        alertes.append("Risque de pénurie fort annoncé : le délai fournisseur est incertain.")
    if statut == EN_RETARD:
        solutions.extend(
            solutions_retard(ligne, stock, manque, arrivee, etat, etats, demande, substitut)
        )
    return FaisabiliteLigne(
        ligne.ref,
        quantite,
        stock,
        a_commander,
        a_commander - manque,
        arrivee,
        statut,
        retard,
        surcout,
        tuple(alertes),
        tuple(solutions),
    )


def surcout_hausses(
    etat: EtatFournisseur,
    manque: Decimal,
    cout: Decimal,
    demande: DemandeLivraison,
    alertes: list[str],
) -> Decimal:
    """Cost of the announced increases that apply to the missing quantity (compounded)."""
    limite = demande.date_validite_offre or demande.date_commande
    facteur = Decimal("1")
    for hausse in sorted(etat.hausses, key=lambda h: h.date_effet):
        if hausse.date_effet <= limite:
            facteur *= 1 + hausse.pourcentage / 100
            alertes.append(
                f"Hausse fournisseur de {hausse.pourcentage} % au "
                f"{hausse.date_effet:%d/%m/%Y} : commander avant cette date ou "
                "prévoir une clause de révision de prix."
            )
    return cents(manque * cout * (facteur - 1))


def solutions_retard(
    ligne: LigneDevis,
    stock: Decimal,
    manque: Decimal,
    arrivee: date,
    etat: EtatFournisseur,
    etats: Mapping[str, EtatFournisseur],
    demande: DemandeLivraison,
    substitut: bool,
) -> list[Solution]:
    """Partial delivery, substitute and later date for a late line."""
    solutions = []
    if stock > 0:
        solutions.append(
            Solution(
                "livraison_partielle",
                f"Livrer {stock} du stock dès le {demande.date_commande:%d/%m/%Y}, "
                f"puis {manque} le {arrivee:%d/%m/%Y}.",
            )
        )
    solutions.extend(solution_substitut(ligne, etat, etats, demande, substitut))
    solutions.append(
        Solution("date_ulterieure", f"Proposer une livraison complète le {arrivee:%d/%m/%Y}.")
    )
    return solutions


def solution_substitut(
    ligne: LigneDevis,
    etat: EtatFournisseur,
    etats: Mapping[str, EtatFournisseur],
    demande: DemandeLivraison,
    substitut: bool,
) -> list[Solution]:
    """Offer the substitute product when it can be delivered on time."""
    if not substitut or not etat.substitut_ref or etat.substitut_ref not in etats:
        return []
    autre = LigneDevis(
        etat.substitut_ref,
        ligne.designation,
        ligne.quantite,
        ligne.prix_unitaire_ht,
        ligne.cout_achat_unitaire_ht,
        ligne.taux_tva,
    )
    resultat = analyser_ligne(autre, etats, demande, f"substitut[{etat.substitut_ref}]", False)
    if resultat.statut in (EN_STOCK, A_TEMPS):
        return [
            Solution(
                "substitut",
                f"Proposer le produit de substitution {etat.substitut_ref}, "
                f"disponible le {resultat.date_disponible:%d/%m/%Y}.",
            )
        ]
    return []


def ligne_impossible(
    ligne: LigneDevis,
    quantite: Decimal,
    stock: Decimal,
    manque: Decimal,
    etats: Mapping[str, EtatFournisseur],
    demande: DemandeLivraison,
    substitut: bool,
) -> FaisabiliteLigne:
    """Line the supplier cannot deliver: only the stock, a substitute, or nothing."""
    etat = etats[ligne.ref]
    solutions = []
    if stock > 0:
        solutions.append(
            Solution(
                "livraison_partielle",
                f"Livrer les {stock} unités en stock ; les {manque} autres ne "
                "peuvent pas être fournies.",
            )
        )
    solutions.extend(solution_substitut(ligne, etat, etats, demande, substitut))
    return FaisabiliteLigne(
        ligne.ref,
        quantite,
        stock,
        AUCUNE,
        AUCUNE,
        None,
        IMPOSSIBLE,
        0,
        ZERO,
        ("Rupture chez le fournisseur : réapprovisionnement impossible.",),
        tuple(solutions),
    )
