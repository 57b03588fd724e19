"""Client credit risk: ratios, scores, payment history → risk class, insurer limit, cover (§3)."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from simulator.engine.errors import RiskError
from simulator.engine.money import ZERO, cents, format_eur
from simulator.engine.risk.cover import recommander
from simulator.engine.risk.data import (
    ARRONDI_LIMITE,
    COEFFICIENT_LIMITE,
    LIBELLES_CLASSE,
    PART_CA_LIMITE,
    PART_CP_LIMITE,
    PAS_ACOMPTE,
    QUOTITE_GARANTIE,
    RETARD_MAJEUR_JOURS,
    RETARDS_MINEURS_MAX,
)
from simulator.engine.risk.failure_scores import altman_z_prime, conan_holder, niveau_conan_holder
from simulator.engine.risk.financial_ratios import calculer_ratios, valider_etats
from simulator.engine.risk.models import (
    NATURES_INCIDENT,
    AnalyseExposition,
    AnalyseRisque,
    ClasseRisque,
    DossierRisque,
    Exposition,
    FinancialStatements,
    IncidentPaiement,
    LimiteAssureur,
)
from simulator.engine.validation import montant_au_centime, pourcentage_valide


def analyser_risque(dossier: DossierRisque) -> AnalyseRisque:
    """Analyse a client: ratios of every year, scores and class on the latest year, cover."""
    if not dossier.etats:
        raise RiskError("etats", "au moins un exercice est nécessaire")
    etats = sorted(
        (valider_etats(e, f"etats[{i}]") for i, e in enumerate(dossier.etats)),
        key=lambda e: e.exercice,
    )
    if len({e.exercice for e in etats}) != len(etats):
        raise RiskError("etats", "deux bilans portent sur le même exercice")
    taux_tva = pourcentage_valide(dossier.taux_tva, "taux_tva", RiskError)
    incidents = tuple(
        valider_incident(inc, f"incidents[{i}]") for i, inc in enumerate(dossier.incidents)
    )
    dernier = etats[-1]
    ch = conan_holder(dernier)
    classe = classer(dernier, niveau_conan_holder(ch), ch.valeur, incidents)
    limite = limite_assureur(dernier, classe.niveau)
    exposition = None
    if dossier.exposition is not None:
        exposition = analyser_exposition(valider_exposition(dossier.exposition), limite.montant)
    return AnalyseRisque(
        ratios=tuple(calculer_ratios(e, taux_tva) for e in etats),
        conan_holder=ch,
        altman_z_prime=altman_z_prime(dernier),
        classe=classe,
        limite_assureur=limite,
        exposition=exposition,
        recommandations=recommander(classe, incidents, exposition),
    )


def valider_incident(incident: IncidentPaiement, chemin: str) -> IncidentPaiement:
    """Check an incident's nature, days late and amount."""
    if incident.nature not in NATURES_INCIDENT:
        raise RiskError(
            f"{chemin}.nature",
            f"nature inconnue « {incident.nature} » (attendu : "
            + ", ".join(NATURES_INCIDENT)
            + ")",
        )
    if (
        isinstance(incident.jours_retard, bool)
        or not isinstance(incident.jours_retard, int)
        or incident.jours_retard < 0
    ):
        raise RiskError(f"{chemin}.jours_retard", "nombre de jours entier positif attendu")
    montant_au_centime(incident.montant_ttc, f"{chemin}.montant_ttc", RiskError)
    return incident


def valider_exposition(expo: Exposition) -> Exposition:
    """Check that every exposure amount is a non-negative amount in cents."""
    return Exposition(
        *(
            montant_au_centime(getattr(expo, n), f"exposition.{n}", RiskError)
            for n in ("encours_ttc", "livre_non_facture_ttc", "commande_ttc")
        )
    )


def classer(
    e: FinancialStatements, niveau_score: int, z: Decimal, incidents: tuple[IncidentPaiement, ...]
) -> ClasseRisque:
    """Start from the Conan-Holder level, then degrade for equity and the payment history."""
    niveau = niveau_score
    raisons = [f"Score de Conan et Holder {z} : niveau {niveau_score}."]
    if e.capitaux_propres <= 0:
        niveau = 4
        raisons.append("Capitaux propres nuls ou négatifs : l'entreprise a perdu sa mise de fonds.")
    niveau, detail = degrader_par_incidents(niveau, incidents)
    raisons.extend(detail)
    return ClasseRisque(niveau, LIBELLES_CLASSE[niveau], tuple(raisons))


def degrader_par_incidents(
    niveau: int, incidents: tuple[IncidentPaiement, ...]
) -> tuple[int, list[str]]:
    """Apply the payment-history rules; return the new level and the reasons."""
    natures = [i.nature for i in incidents]
    retards = [i for i in incidents if i.nature == "retard"]
    majeurs = [i for i in retards if i.jours_retard > RETARD_MAJEUR_JOURS]
    if "procedure_collective" in natures:
        return 4, ["Procédure collective en cours : toute créance antérieure est gelée."]
    if "impaye" in natures or "contentieux" in natures:
        nouveau = min(4, max(niveau + 1, 3))
        return nouveau, [f"Impayé ou contentieux dans l'historique : niveau porté à {nouveau}."]
    if majeurs or len(retards) > RETARDS_MINEURS_MAX:
        # name the very facts the student is shown: the days late of the worst late payment
        pire = max(majeurs, key=lambda i: i.jours_retard) if majeurs else None
        motif = (
            f"retard de {pire.jours_retard} jours, au-delà de {RETARD_MAJEUR_JOURS} jours"
            if pire is not None
            else f"{len(retards)} retards de paiement"
        )
        return min(4, niveau + 1), [
            f"Historique de paiement dégradé ({motif}) : un niveau de plus."
        ]
    if retards:
        return niveau, [f"{len(retards)} retard(s) court(s) sans conséquence sur la classe."]
    return niveau, ["Aucun incident de paiement connu."]


def limite_assureur(e: FinancialStatements, niveau: int) -> LimiteAssureur:
    """Simulate the insurer's agrément: min(10 % CA, 25 % CP) × class factor, floored to 1 k€."""
    base = max(
        min(e.chiffre_affaires_ht * PART_CA_LIMITE, e.capitaux_propres * PART_CP_LIMITE), ZERO
    )
    coefficient = COEFFICIENT_LIMITE[niveau]
    montant = (base * coefficient / ARRONDI_LIMITE).to_integral_value(ROUND_FLOOR) * ARRONDI_LIMITE
    montant = cents(montant)
    explication = (
        f"min(10 % du CA, 25 % des capitaux propres) = {format_eur(base)} × "
        f"{coefficient} (classe {niveau}) → {format_eur(montant)} garantis, "
        f"quotité {QUOTITE_GARANTIE * 100:.0f} %."
    )
    return LimiteAssureur(cents(base), coefficient, montant, QUOTITE_GARANTIE, explication)


def analyser_exposition(expo: Exposition, limite: Decimal) -> AnalyseExposition:
    """Compare encours + livré non facturé + commande with the insured limit."""
    total = expo.encours_ttc + expo.livre_non_facture_ttc + expo.commande_ttc
    depassement = total > limite
    non_couvert = max(total - limite, ZERO)
    indemnisation = cents(min(total, limite) * QUOTITE_GARANTIE)
    acompte = acompte_minimum(non_couvert, expo.commande_ttc) if depassement else None
    if depassement:
        explication = (
            f"Exposition {format_eur(total)} > limite garantie {format_eur(limite)} : "
            f"{format_eur(non_couvert)} non couverts."
        )
    else:
        explication = f"Exposition {format_eur(total)} ≤ limite garantie {format_eur(limite)}."
    return AnalyseExposition(
        total, limite, depassement, non_couvert, indemnisation, acompte, explication
    )


def acompte_minimum(non_couvert: Decimal, commande: Decimal) -> Decimal | None:
    """Return the acompte (% of the order, rounded up to 5 %) that removes the excess, or None."""
    if commande == 0 or non_couvert > commande:
        return None
    pct = non_couvert * 100 / commande
    return (pct / PAS_ACOMPTE).to_integral_value(ROUND_CEILING) * PAS_ACOMPTE
