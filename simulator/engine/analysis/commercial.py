"""Whole commercial analyses from JSON-like input: a quote with its checks, a client's risk."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from simulator.engine.analysis.reader import lire
from simulator.engine.errors import QuoteError, RiskError
from simulator.engine.legal.checks import controler_devis
from simulator.engine.legal.data import INDEMNITE_FORFAITAIRE, JOURS_PAR_AN
from simulator.engine.legal.due_dates import date_echeance, taux_penalite_legal
from simulator.engine.legal.models import MentionsDevis
from simulator.engine.money import HUNDRED, cents
from simulator.engine.quote.models import Devis, Escompte, LigneDevis, Port, Reduction
from simulator.engine.quote.pricing import calculer_devis
from simulator.engine.risk.business_risk import PenalitesContractuelles, evaluer_risque_affaire
from simulator.engine.risk.credit import analyser_risque
from simulator.engine.risk.models import DossierRisque
from simulator.engine.serialization import en_json
from simulator.engine.supply.feasibility import (
    DELAI_MAX_SEMAINES,
    analyser_faisabilite,
    date_dans_semaines,
)
from simulator.engine.supply.models import DemandeLivraison, EtatFournisseur
from simulator.engine.validation import pourcentage_valide


@dataclass(frozen=True)
class EntreeApprovisionnement:
    """Supply part of a quote file: dates, supplier states, contractual penalties."""

    date_commande: date
    fournisseurs: tuple[EtatFournisseur, ...]
    date_souhaitee: date | None = None
    delai_souhaite_semaines: int | None = None
    date_validite_offre: date | None = None
    penalites: PenalitesContractuelles | None = None
    taux_de_marque_plancher: Decimal = Decimal("20")
    classe_client: int | None = None
    risque_technique: int | None = None


@dataclass(frozen=True)
class EntreeDevis:
    """A quote file: the Devis fields, plus optional mentions and supply sections."""

    lignes: tuple[LigneDevis, ...]
    reductions: tuple[Reduction, ...] = ()
    escompte: Escompte | None = None
    port: Port | None = None
    acompte_ttc: Decimal = Decimal("0")
    mentions: MentionsDevis | None = None
    approvisionnement: EntreeApprovisionnement | None = None
    date_facture: date | None = None


def analyser_devis_json(data: object) -> dict[str, Any]:
    """Compute a quote file: totals, legal findings and supply feasibility when given."""
    entree: EntreeDevis = lire(EntreeDevis, data, "", QuoteError)
    devis = Devis(
        entree.lignes, entree.reductions, entree.escompte, entree.port, entree.acompte_ttc
    )
    resultat = calculer_devis(devis)
    sortie: dict[str, Any] = {"devis": en_json(resultat)}
    if entree.mentions is not None:
        mentions = entree.mentions
        if not mentions.mention_escompte:
            mentions = replace(mentions, mention_escompte=resultat.escompte.mention)
        sortie["controles_legaux"] = en_json(controler_devis(mentions))
        echeance = calculer_echeance(
            mentions, entree.date_facture or mentions.date_emission, resultat.net_a_payer
        )
        if echeance is not None:
            sortie["echeance"] = echeance
    if entree.approvisionnement is not None:
        appro = entree.approvisionnement
        faisabilite = analyser_faisabilite(
            entree.lignes, {e.ref: e for e in appro.fournisseurs}, demande_livraison(appro)
        )
        sortie["faisabilite"] = en_json(faisabilite)
        sortie["risque_affaire"] = en_json(
            evaluer_risque_affaire(
                resultat,
                faisabilite,
                valider_penalites(appro.penalites),
                pourcentage_valide(
                    appro.taux_de_marque_plancher,
                    "approvisionnement.taux_de_marque_plancher",
                    QuoteError,
                ),
                valider_note(appro.classe_client, "approvisionnement.classe_client"),
                valider_note(appro.risque_technique, "approvisionnement.risque_technique"),
            )
        )
    return sortie


def calculer_echeance(
    mentions: MentionsDevis, date_facture: date | None, montant_ttc: Decimal
) -> dict[str, Any] | None:
    """Due date, penalty rate, the 40 € indemnity and the penalty per day late of the invoice.

    The invoice date defaults to the devis's date; the rate is the printed one, else the legal
    one (ECB rate + 10 points) of the due date's semester. None without a date or a term.
    """
    conditions = mentions.conditions_paiement
    if date_facture is None or conditions is None or conditions.jours is None:
        return None
    echeance = date_echeance(date_facture, conditions.jours, conditions.fin_de_mois)
    taux = mentions.taux_penalites
    origine = "imprimé sur le devis"
    if taux is None:
        taux = taux_penalite_legal(echeance)
        origine = "taux légal : taux BCE + 10 points"
    par_jour = None if taux is None else cents(montant_ttc * taux / HUNDRED / JOURS_PAR_AN)
    return {
        "date_facture": date_facture.isoformat(),
        "date_echeance": echeance.isoformat(),
        "taux_penalites": None if taux is None else str(taux),
        "origine_taux": origine if taux is not None else "taux BCE inconnu pour cette date",
        "penalite_par_jour_de_retard": None if par_jour is None else str(par_jour),
        "indemnite_forfaitaire": str(INDEMNITE_FORFAITAIRE),
    }


def demande_livraison(appro: EntreeApprovisionnement) -> DemandeLivraison:
    """Build the delivery request from a date or a number of weeks."""
    souhaitee = appro.date_souhaitee
    semaines = appro.delai_souhaite_semaines
    if semaines is not None and not 0 <= semaines <= DELAI_MAX_SEMAINES:
        raise QuoteError(
            "approvisionnement.delai_souhaite_semaines",
            f"nombre de semaines entre 0 et {DELAI_MAX_SEMAINES} attendu",
        )
    if souhaitee is None and semaines is not None:
        souhaitee = date_dans_semaines(appro.date_commande, semaines)
    if souhaitee is None:
        raise QuoteError(
            "approvisionnement.date_souhaitee",
            "indiquer la date souhaitée ou le délai souhaité en semaines",
        )
    return DemandeLivraison(appro.date_commande, souhaitee, appro.date_validite_offre)


def valider_penalites(p: PenalitesContractuelles | None) -> PenalitesContractuelles | None:
    """Check the contractual penalty rates (percent)."""
    if p is None:
        return None
    champ = "approvisionnement.penalites"
    return PenalitesContractuelles(
        pourcentage_valide(p.taux_par_semaine, f"{champ}.taux_par_semaine", QuoteError),
        pourcentage_valide(p.plafond, f"{champ}.plafond", QuoteError),
    )


def valider_note(note: int | None, champ: str) -> int | None:
    """Check a 1–4 score."""
    if note is not None and not 1 <= note <= 4:
        raise QuoteError(champ, f"note de 1 à 4 attendue (reçu : {note})")
    return note


def analyser_risque_json(data: object) -> dict[str, Any]:
    """Analyse a risk file (financial statements, incidents, exposure)."""
    dossier: DossierRisque = lire(DossierRisque, data, "", RiskError)
    sortie: dict[str, Any] = en_json(analyser_risque(dossier))
    return sortie
