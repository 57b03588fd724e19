"""Credit exposure of a quote: the client's statements, analysed, against the insured limit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from simulator.engine.errors import EngineError
from simulator.engine.money import format_eur
from simulator.engine.quote.models import ResultatDevis
from simulator.engine.risk.credit import analyser_risque
from simulator.engine.risk.models import (
    DossierRisque,
    Exposition,
    FinancialStatements,
    IncidentPaiement,
)


@dataclass(frozen=True)
class CreditFlag:
    """Whether what the client would owe after the acompte exceeds the insurer's limit."""

    exceeded: bool
    exposure_ttc: Decimal
    limit_ttc: Decimal
    message: str


def statements(year: dict[str, Any]) -> FinancialStatements:
    """Map one generated financial year onto the engine's statement items."""
    b, r = year["bilan"], year["compte_de_resultat"]

    def d(part: dict[str, Any], key: str) -> Decimal:
        return Decimal(str(part.get(key) or "0"))

    return FinancialStatements(
        exercice=int(year.get("year_offset", 0)),
        immobilisations=d(b, "actif_immobilise"),
        stocks=d(b, "stocks"),
        creances_clients=d(b, "creances_clients"),
        disponibilites=d(b, "disponibilites"),
        capitaux_propres=d(b, "capitaux_propres"),
        dettes_financieres=d(b, "dettes_financieres"),
        dettes_fournisseurs=d(b, "dettes_fournisseurs"),
        autres_dettes=d(b, "autres_dettes") + d(b, "concours_bancaires_courants"),
        chiffre_affaires_ht=d(r, "chiffre_affaires_ht"),
        valeur_ajoutee=d(r, "valeur_ajoutee"),
        ebe=d(r, "ebe"),
        resultat_exploitation=d(r, "resultat_exploitation"),
        resultat_net=d(r, "resultat_net"),
        caf=d(r, "caf"),
        frais_financiers=d(r, "charges_financieres"),
        charges_personnel=d(r, "charges_de_personnel"),
        achats=d(r, "achats_consommes"),
    )


def incident(item: dict[str, Any]) -> IncidentPaiement:
    """A reported payment incident: late payment, or an unpaid bill, cheque or direct debit."""
    kind = str(item.get("kind", "")).lower()
    nature = "retard" if kind.startswith("retard") else "impaye"
    return IncidentPaiement(
        nature, int(item.get("days_late") or 0), Decimal(str(item.get("amount_ttc") or "0"))
    )


def credit_flag(snapshot: dict[str, Any], result: ResultatDevis) -> CreditFlag | None:
    """Compare the quote's net à payer with the simulated insurer limit; None without statements."""
    client = snapshot.get("client", {})
    years = client.get("financials", {}).get("exercices", [])
    if not years:
        return None
    history = client.get("payment_history", {}).get("incidents", [])
    try:
        analysis = analyser_risque(
            DossierRisque(
                tuple(statements(y) for y in years),
                tuple(incident(i) for i in history),
                Exposition(commande_ttc=result.net_a_payer),
            )
        )
    except (EngineError, KeyError, ArithmeticError):
        return None
    expo = analysis.exposition
    assert expo is not None
    if not expo.depassement:
        return CreditFlag(
            False,
            expo.total_ttc,
            expo.limite,
            f"Montant à encaisser après acompte ({format_eur(expo.total_ttc)}) "
            f"couvert par l'encours garanti de l'assureur-crédit "
            f"({format_eur(expo.limite)}).",
        )
    advice = (
        f" Un acompte d'au moins {expo.acompte_minimum_pourcentage} % ramènerait le "
        "risque sous la limite."
        if expo.acompte_minimum_pourcentage is not None
        else " Demandez une caution, une LCR avalisée ou un paiement comptant."
    )
    return CreditFlag(
        True,
        expo.total_ttc,
        expo.limite,
        f"Risque client : {format_eur(expo.total_ttc)} à encaisser après acompte, "
        f"au-delà de l'encours garanti par l'assureur-crédit "
        f"({format_eur(expo.limite)}) ; {format_eur(expo.non_couvert_ttc)} ne "
        f"seraient pas couverts.{advice}",
    )
