"""Recommended cover for a client risk class (reference §3.5), each with its reason."""

from __future__ import annotations

from simulator.engine.money import format_eur
from simulator.engine.risk.data import ACOMPTE_PAR_CLASSE
from simulator.engine.risk.models import (
    AnalyseExposition,
    ClasseRisque,
    IncidentPaiement,
    Recommandation,
)

PAR_CLASSE: dict[int, tuple[Recommandation, ...]] = {
    1: (
        Recommandation(
            "delai",
            "Conditions standard : 60 jours date de facture ou 45 jours fin de mois au plus",
            "Client solide : aucun besoin de raccourcir les délais.",
        ),
        Recommandation(
            "assurance_credit",
            "Faire agréer l'encours par l'assureur-crédit",
            "Protéger la créance contre une défaillance imprévue.",
        ),
    ),
    2: (
        Recommandation(
            "delai",
            "Raccourcir le délai à 45 jours date de facture",
            "Réduire la durée d'exposition sur un client correct mais moins solide.",
        ),
        Recommandation(
            "lcr",
            "Paiement par LCR acceptée à l'échéance",
            "L'acceptation donne un droit cambiaire et automatise l'encaissement.",
        ),
        Recommandation(
            "assurance_credit",
            "Faire agréer l'encours par l'assureur-crédit",
            "Couvrir la créance dans la limite accordée.",
        ),
    ),
    3: (
        Recommandation(
            "acompte",
            "Acompte de 30 % à la commande",
            "Réduit l'exposition ; le contrat devient ferme.",
        ),
        Recommandation(
            "delai", "Délai ramené à 30 jours", "Limiter l'encours sur un client fragile."
        ),
        Recommandation(
            "caution",
            "Caution bancaire ou garantie à première demande (C. civ. 2288, 2321)",
            "Une banque paie si le client fait défaut.",
        ),
        Recommandation(
            "reserve_de_propriete",
            "Clause de réserve de propriété acceptée par écrit à la livraison",
            "Permet de revendiquer les biens encore en nature (C. com. L624-16).",
        ),
    ),
    4: (
        Recommandation(
            "comptant",
            "Paiement comptant à la commande, sans crédit",
            "Risque de défaillance trop élevé pour accorder un délai.",
        ),
        Recommandation(
            "refus",
            "À défaut de paiement comptant, refuser la commande",
            "Aucune couverture d'assurance n'est disponible pour ce client.",
        ),
    ),
}


def recommander(
    classe: ClasseRisque,
    incidents: tuple[IncidentPaiement, ...],
    exposition: AnalyseExposition | None,
) -> tuple[Recommandation, ...]:
    """Return the cover tools for the class, adjusted to the exposure and procedures."""
    if any(i.nature == "procedure_collective" for i in incidents):
        return (
            Recommandation(
                "refus",
                "Refuser tout crédit : paiement comptant à la commande uniquement",
                "Procédure collective : les créances antérieures sont gelées.",
            ),
        )
    recos = list(PAR_CLASSE[classe.niveau])
    if exposition is None or not exposition.depassement or classe.niveau == 4:
        return tuple(recos)
    pct = exposition.acompte_minimum_pourcentage
    if pct is None:
        recos.insert(
            0,
            Recommandation(
                "refus",
                "Faire régler l'encours avant toute nouvelle livraison",
                "L'encours actuel dépasse déjà la limite garantie.",
            ),
        )
        return tuple(recos)
    if pct > ACOMPTE_PAR_CLASSE[classe.niveau]:
        recos = [r for r in recos if r.outil != "acompte"]
        recos.insert(
            0,
            Recommandation(
                "acompte",
                f"Acompte de {pct} % à la commande",
                f"Ramène l'exposition sous la limite garantie de "
                f"{format_eur(exposition.limite)} ({format_eur(exposition.non_couvert_ttc)} "
                "non couverts).",
            ),
        )
    recos.append(
        Recommandation(
            "assurance_credit",
            "Demander une augmentation de l'agrément à l'assureur",
            "L'exposition dépasse l'encours garanti.",
        )
    )
    return tuple(recos)
