"""Business risk (risque affaire, reference §3.6): delay, penalties, margin, credit, each 1–4."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from simulator.engine.money import ZERO, cents, format_eur
from simulator.engine.quote.models import ResultatDevis
from simulator.engine.risk.data import LIBELLES_CLASSE
from simulator.engine.supply.models import Faisabilite


@dataclass(frozen=True)
class PenalitesContractuelles:
    """Late-delivery penalties of the contract: percent of the net HT per week, capped."""

    taux_par_semaine: Decimal
    plafond: Decimal


@dataclass(frozen=True)
class AxeRisque:
    """One axis of the business risk, scored 1 (faible) to 4 (critique), with its mitigation."""

    nom: str
    note: int
    raison: str
    mitigation: str


@dataclass(frozen=True)
class RisqueAffaire:
    """The business-risk summary: every axis, the worst note and a sentence."""

    axes: tuple[AxeRisque, ...]
    note_globale: int
    niveau: str
    penalites_estimees_ht: Decimal
    marge_apres_aleas: Decimal
    synthese: str


def evaluer_risque_affaire(
    devis: ResultatDevis,
    faisabilite: Faisabilite,
    penalites: PenalitesContractuelles | None = None,
    taux_de_marque_plancher: Decimal = Decimal("20"),
    classe_client: int | None = None,
    risque_technique: int | None = None,
) -> RisqueAffaire:
    """Combine feasibility, penalties, margin and client class into a business-risk summary."""
    montant_penalites = estimer_penalites(devis, faisabilite, penalites)
    marge = devis.marge_brute - faisabilite.surcout_total_ht - montant_penalites
    axes = [
        axe_delai(faisabilite),
        axe_penalites(montant_penalites, devis.marge_brute, penalites),
        axe_marge(marge, devis.net_commercial_ht, taux_de_marque_plancher),
    ]
    if classe_client is not None:
        axes.append(
            AxeRisque(
                "credit",
                classe_client,
                f"Classe de risque client {classe_client} ({LIBELLES_CLASSE[classe_client]}).",
                "Appliquer la couverture recommandée par l'analyse client.",
            )
        )
    if risque_technique is not None:
        axes.append(
            AxeRisque(
                "technique",
                risque_technique,
                "Risque technique évalué dans le scénario.",
                "Revue de contrat avant l'envoi de l'offre.",
            )
        )
    note = max(a.note for a in axes)
    pires = [a.nom for a in axes if a.note == note]
    return RisqueAffaire(
        tuple(axes),
        note,
        LIBELLES_CLASSE[note],
        montant_penalites,
        marge,
        f"Risque affaire {LIBELLES_CLASSE[note]} (axe(s) : {', '.join(pires)}).",
    )


def estimer_penalites(
    devis: ResultatDevis, faisabilite: Faisabilite, penalites: PenalitesContractuelles | None
) -> Decimal:
    """Penalties = net commercial HT × min(rate × weeks late, cap); cap if a line is impossible."""
    if penalites is None or faisabilite.faisable:
        return ZERO
    if faisabilite.date_livraison_complete is None:
        taux = Decimal(penalites.plafond)
    else:
        semaines = (Decimal(faisabilite.retard_max_jours) / 7).to_integral_value(ROUND_CEILING)
        taux = min(Decimal(penalites.taux_par_semaine) * semaines, Decimal(penalites.plafond))
    return cents(devis.net_commercial_ht * taux / 100)


def axe_delai(f: Faisabilite) -> AxeRisque:
    """Score the delay risk from the feasibility."""
    penurie = any("pénurie" in a for ligne in f.lignes for a in ligne.alertes)
    if f.date_livraison_complete is None:
        return AxeRisque(
            "delai", 4, f.synthese, "Substitut, livraison partielle ou renoncer à la ligne."
        )
    if f.retard_max_jours > 7:
        return AxeRisque(
            "delai",
            3,
            f.synthese,
            "Négocier une date ultérieure ou une livraison partielle avant de s'engager.",
        )
    if f.retard_max_jours > 0 or penurie:
        return AxeRisque("delai", 2, f.synthese, "Prévoir une marge de sécurité sur le délai.")
    return AxeRisque("delai", 1, f.synthese, "Confirmer les délais au fournisseur.")


def axe_penalites(
    montant: Decimal, marge: Decimal, penalites: PenalitesContractuelles | None
) -> AxeRisque:
    """Score the penalty risk as a share of the gross margin."""
    if penalites is None:
        return AxeRisque("penalites", 1, "Aucune pénalité de retard contractuelle.", "—")
    if montant == 0:
        return AxeRisque(
            "penalites",
            1,
            "Pénalités prévues mais aucun retard attendu.",
            "Surveiller le délai fournisseur.",
        )
    part = montant / marge if marge > 0 else Decimal("1")
    note = 4 if part >= Decimal("0.5") else 3 if part >= Decimal("0.25") else 2
    return AxeRisque(
        "penalites",
        note,
        f"Pénalités estimées {format_eur(montant)}, soit "
        f"{(part * 100).quantize(Decimal('1'))} % de la marge brute.",
        "Plafonner les pénalités (clause pénale, C. civ. 1231-5) ou négocier le délai.",
    )


def axe_marge(marge: Decimal, net_commercial: Decimal, plancher: Decimal) -> AxeRisque:
    """Score the margin risk after increases and penalties against the floor taux de marque."""
    if marge <= 0 or net_commercial == 0:
        return AxeRisque(
            "marge",
            4,
            f"Marge après aléas nulle ou négative ({format_eur(marge)}).",
            "Revoir le prix ou refuser l'affaire.",
        )
    taux = (marge / net_commercial * 100).quantize(Decimal("0.01"))
    raison = f"Taux de marque après aléas {taux} % (plancher {plancher} %)."
    if taux < plancher:
        return AxeRisque("marge", 3, raison, "Limiter les concessions, clause de révision de prix.")
    if taux < plancher + 5:
        return AxeRisque("marge", 2, raison, "Chaque concession doit avoir sa contrepartie.")
    return AxeRisque("marge", 1, raison, "Marge confortable.")
