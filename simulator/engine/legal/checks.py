"""Legal checks of a B2B devis: payment terms, mandatory mentions, validity, acompte (ref. §2)."""

from __future__ import annotations

from decimal import Decimal

from simulator.engine.legal.data import (
    DELAI_MAX_ACHETEUR_PUBLIC,
    DELAI_MAX_DATE_FACTURE,
    DELAI_MAX_FACTURE_PERIODIQUE,
    DELAI_MAX_FIN_DE_MOIS,
    DELAI_MAX_TRANSPORT,
    DELAI_SUPPLETIF,
    INDEMNITE_FORFAITAIRE,
    VALIDITE_USUELLE_MAX_JOURS,
)
from simulator.engine.legal.due_dates import taux_penalite_legal, taux_penalite_minimum
from simulator.engine.legal.mentions import controler_acompte, controler_mentions
from simulator.engine.legal.models import (
    AVERTISSEMENT,
    ERREUR,
    INFO,
    ConditionsPaiement,
    Constat,
    MentionsDevis,
    Partie,
)

L441_10 = "C. com. L441-10"


def controler_devis(devis: MentionsDevis) -> tuple[Constat, ...]:
    """Run every legal check on a devis; errors first, then warnings, then information."""
    constats = [
        *controler_validite(devis),
        *controler_delai(devis.conditions_paiement),
        *controler_penalites(devis),
        *controler_mentions(devis),
        *controler_acompte(devis),
    ]
    rang = {ERREUR: 0, AVERTISSEMENT: 1, INFO: 2}
    return tuple(sorted(constats, key=lambda c: rang[c.gravite]))


def controler_delai(conditions: ConditionsPaiement | None) -> list[Constat]:
    """Check the payment term against the caps of L441-10 / L441-11."""
    champ = "conditions_paiement"
    if conditions is None or conditions.jours is None:
        return [
            Constat(
                "delai_suppletif",
                AVERTISSEMENT,
                champ,
                f"Aucun délai de paiement convenu : le délai supplétif de {DELAI_SUPPLETIF} "
                "jours après réception des marchandises s'applique ; l'indiquer.",
                "C. com. L441-10 I al. 1",
            )
        ]
    jours = conditions.jours
    if jours < 0:
        return [
            Constat(
                "delai_negatif",
                ERREUR,
                f"{champ}.jours",
                f"Délai de paiement négatif ({jours} jours).",
                L441_10,
            )
        ]
    public = conditions.acheteur_public
    if public is not None and public not in DELAI_MAX_ACHETEUR_PUBLIC:
        return [
            Constat(
                "acheteur_public",
                ERREUR,
                f"{champ}.acheteur_public",
                f"Acheteur public inconnu « {public} » (attendu : "
                + ", ".join(DELAI_MAX_ACHETEUR_PUBLIC)
                + ").",
                "Code de la commande publique",
            )
        ]
    plafond, base, reference = plafond_applicable(conditions)
    libelle = f"{jours} jours" + (" fin de mois" if conditions.fin_de_mois else "")
    if jours > plafond:
        return [
            Constat(
                "delai_depasse",
                ERREUR,
                f"{champ}.jours",
                f"Délai de {libelle} au-delà du plafond légal de {plafond} jours {base} "
                "(amende administrative jusqu'à 2 000 000 € pour une personne morale).",
                reference,
            )
        ]
    constats = [
        Constat(
            "delai_conforme",
            INFO,
            f"{champ}.jours",
            f"Délai de {libelle} conforme (plafond {plafond} jours {base}).",
            reference,
        )
    ]
    if conditions.fin_de_mois and not conditions.fin_de_mois_stipule:
        constats.insert(
            0,
            Constat(
                "fin_de_mois_non_stipule",
                ERREUR,
                f"{champ}.fin_de_mois",
                "Le délai « fin de mois » est une dérogation qui doit être "
                "expressément stipulée au contrat.",
                "C. com. L441-10 I al. 2",
            ),
        )
    return constats


def plafond_applicable(c: ConditionsPaiement) -> tuple[int, str, str]:
    """Return (cap in days, how it is counted, legal basis) for the case of the terms."""
    if c.acheteur_public in DELAI_MAX_ACHETEUR_PUBLIC:
        return (
            DELAI_MAX_ACHETEUR_PUBLIC[c.acheteur_public],
            "(acheteur public)",
            "Code de la commande publique [?]",
        )
    if c.transport_marchandises:
        return DELAI_MAX_TRANSPORT, "date de facture (transport)", "C. com. L441-11"
    if c.facture_periodique:
        return DELAI_MAX_FACTURE_PERIODIQUE, "date de facture (facture périodique)", L441_10
    if c.fin_de_mois:
        return DELAI_MAX_FIN_DE_MOIS, "fin de mois", "C. com. L441-10 I al. 2"
    return DELAI_MAX_DATE_FACTURE, "date de facture", "C. com. L441-10 I al. 2"


def controler_validite(devis: MentionsDevis) -> list[Constat]:
    """Check that the offer has an issue date and a validity date after it (C. civ. 1116-1117)."""
    if devis.date_emission is None:
        return [
            Constat(
                "date_emission",
                ERREUR,
                "date_emission",
                "Date d'émission du devis absente.",
                "C. civ. 1114",
            )
        ]
    if devis.date_validite is None:
        return [
            Constat(
                "validite_absente",
                ERREUR,
                "date_validite",
                "Date de validité absente : l'offre resterait ouverte un « délai "
                "raisonnable » incertain ; fixer une date (30 à 90 jours en usage).",
                "C. civ. 1116-1117",
            )
        ]
    duree = (devis.date_validite - devis.date_emission).days
    if duree < 0:
        return [
            Constat(
                "validite_anterieure",
                ERREUR,
                "date_validite",
                "La date de validité précède la date d'émission : l'offre serait caduque.",
                "C. civ. 1117",
            )
        ]
    if duree > VALIDITE_USUELLE_MAX_JOURS:
        return [
            Constat(
                "validite_longue",
                INFO,
                "date_validite",
                f"Validité de {duree} jours, au-delà de l'usage (30 à 90 jours) : prix et "
                "délais fournisseurs risquent d'évoluer.",
                "C. civ. 1116",
            )
        ]
    return [
        Constat(
            "validite", INFO, "date_validite", f"Offre valable {duree} jours.", "C. civ. 1116-1117"
        )
    ]


def controler_penalites(devis: MentionsDevis) -> list[Constat]:
    """Check the late-penalty rate and the 40 € indemnity (L441-10 II, D441-5)."""
    constats = []
    if devis.indemnite_forfaitaire is None:
        constats.append(
            Constat(
                "indemnite_absente",
                ERREUR,
                "indemnite_forfaitaire",
                "Mention de l'indemnité forfaitaire pour frais de recouvrement de 40 € absente.",
                "C. com. L441-10 II, D441-5",
            )
        )
    elif Decimal(devis.indemnite_forfaitaire) != INDEMNITE_FORFAITAIRE:
        constats.append(
            Constat(
                "indemnite_montant",
                ERREUR,
                "indemnite_forfaitaire",
                f"L'indemnité forfaitaire est fixée à 40 € par décret (imprimé : "
                f"{devis.indemnite_forfaitaire} €).",
                "C. com. D441-5",
            )
        )
    constats.extend(controler_taux_penalites(devis))
    return constats


def controler_taux_penalites(devis: MentionsDevis) -> list[Constat]:
    """Check the printed penalty rate against 3 × taux légal and the ECB + 10 default."""
    champ = "taux_penalites"
    if devis.taux_penalites is None:
        return [
            Constat(
                "penalites_absentes",
                ERREUR,
                champ,
                "Taux des pénalités de retard absent (exigibles sans rappel dès le "
                "lendemain de l'échéance).",
                "C. com. L441-10 II",
            )
        ]
    taux = Decimal(devis.taux_penalites)
    jour = devis.date_emission
    minimum = None if jour is None else taux_penalite_minimum(jour)
    if minimum is not None and taux < minimum:
        return [
            Constat(
                "penalites_trop_basses",
                ERREUR,
                champ,
                f"Taux de {taux} % inférieur au minimum légal de 3 fois le taux d'intérêt "
                f"légal ({minimum} %).",
                "C. com. L441-10 II",
            )
        ]
    defaut = None if jour is None else taux_penalite_legal(jour)
    detail = "" if defaut is None else f" ; taux par défaut BCE + 10 points : {defaut} %"
    return [
        Constat(
            "penalites",
            INFO,
            champ,
            f"Taux des pénalités imprimé : {taux} %{detail}.",
            "C. com. L441-10 II",
        )
    ]


__all__ = [
    "ConditionsPaiement",
    "Constat",
    "MentionsDevis",
    "Partie",
    "controler_delai",
    "controler_devis",
]
