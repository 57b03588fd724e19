"""Credit exposure of a quote: the client's risk analysis, the very one of the risk page.

The statements and incidents are read by `risk_inputs.dossier` (one mapping for both pages), so the
class, its reasons and the insured limit shown with a quote are those of the risk correction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from simulator.engine.errors import EngineError
from simulator.engine.money import format_eur
from simulator.engine.quote.models import ResultatDevis
from simulator.engine.risk.credit import analyser_risque
from simulator.engine.risk.data import ACOMPTE_PAR_CLASSE, DELAI_MAX_PAR_CLASSE
from simulator.engine.risk.models import AnalyseRisque, Exposition
from simulator.operations.risk_inputs import dossier


@dataclass(frozen=True)
class CreditFlag:
    """The client's class and cover, and whether the quote's exposure exceeds the insured limit."""

    exceeded: bool
    exposure_ttc: Decimal
    limit_ttc: Decimal
    message: str
    niveau: int = 1
    libelle: str = ""
    raisons: tuple[str, ...] = ()
    #: the acompte (%) the analysis asks: the class's, or more to come under the limit
    acompte_recommande: Decimal = Decimal(0)
    delai_max_jours: int = 60

    @property
    def insufficient(self) -> bool:
        """Over the insured limit, or a class for which the insurance is not enough."""
        return self.exceeded or self.niveau >= 3


def client_analysis(snapshot: dict[str, Any], commande_ttc: Decimal) -> AnalyseRisque | None:
    """The risk page's analysis of the client, with this order as the exposure; None without
    statements or with unreadable ones."""
    client = snapshot.get("client", {})
    if not client.get("financials", {}).get("exercices"):
        return None
    try:
        return analyser_risque(
            replace(dossier(snapshot), exposition=Exposition(commande_ttc=commande_ttc))
        )
    except (EngineError, KeyError, TypeError, ValueError, ArithmeticError):
        return None


def credit_flag(snapshot: dict[str, Any], result: ResultatDevis) -> CreditFlag | None:
    """Compare the quote's net à payer with the insured limit, in the words of the risk page."""
    analysis = client_analysis(snapshot, result.net_a_payer)
    if analysis is None:
        return None
    expo = analysis.exposition
    assert expo is not None
    classe = analysis.classe
    acompte = max(ACOMPTE_PAR_CLASSE[classe.niveau], expo.acompte_minimum_pourcentage or Decimal(0))
    entete = f"Client de classe {classe.niveau} (risque {classe.libelle}) : " + " ".join(
        classe.raisons
    )
    cover = (
        "Couverture recommandée : " + " ; ".join(r.detail for r in analysis.recommandations) + "."
    )
    if expo.depassement:
        garantie = (
            f"{format_eur(expo.total_ttc)} à encaisser après acompte, au-delà de l'encours "
            f"garanti par l'assureur-crédit ({format_eur(expo.limite)}) ; "
            f"{format_eur(expo.non_couvert_ttc)} ne seraient pas couverts."
        )
    else:
        garantie = (
            f"Montant à encaisser après acompte ({format_eur(expo.total_ttc)}) dans la "
            f"limite de l'encours garanti par l'assureur-crédit ({format_eur(expo.limite)})"
        )
        garantie += (
            f", mais l'assurance-crédit ne suffit pas pour un client de classe {classe.niveau}."
            if classe.niveau >= 3
            else "."
        )
    return CreditFlag(
        expo.depassement,
        expo.total_ttc,
        expo.limite,
        f"{entete} {garantie} {cover}",
        classe.niveau,
        classe.libelle,
        classe.raisons,
        acompte,
        DELAI_MAX_PAR_CLASSE[classe.niveau],
    )
