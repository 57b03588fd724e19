"""Seller-side figures of an offer on the table: totals HT/TTC, margin and mark-up vs the floor.

Only what the seller is entitled to know (their own prices, costs and floor), never the buyer's
hidden side. The totals are the quote engine's on the need (discount, quantity, services
offered); the margin is the negotiation engine's (it also counts payment days, deposit,
warranty and lead time costs, see margins.py), the mark-up is margin / total HT.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from simulator.engine.money import cents
from simulator.engine.negotiation.context import lire_termes
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.values import ValeurInvalide
from simulator.engine.quote.pricing import calculer_devis
from simulator.scenarios.negotiation_setup.margins import AUCUN, besoin_depuis


def standing_figures(
    snapshot: dict[str, Any], setup: NegotiationSetup, termes: dict[str, Any] | None
) -> dict[str, Any] | None:
    """Totals, margin and mark-up of a complete offer (JSON terms); None if it is incomplete."""
    if not termes or any(e.cle not in termes for e in setup.enjeux):
        return None
    try:
        lus = lire_termes(setup, termes)
        b = besoin_depuis(snapshot)
        service = str(termes.get("services", AUCUN))
        offerts = () if service == AUCUN else tuple(service.split(" + "))
        quantite = termes.get("quantite")
        devis = b.devis(
            remise=Decimal(str(termes.get("remise_pct", "0"))),
            quantite=None if quantite is None else int(quantite),
            offerts=offerts,
        )
        r = calculer_devis(devis)
    except (ValeurInvalide, KeyError, ArithmeticError, ValueError):
        return None
    marge = cents(setup.espace.marge(lus))
    plancher_pct = Decimal(str(snapshot["terms"]["min_taux_de_marque_pct"]))
    marque = None if r.total_ht <= 0 else (marge / r.total_ht * 100).quantize(Decimal("0.1"))
    return {
        "total_ht": r.total_ht,
        "total_ttc": r.total_ttc,
        "marge": marge,
        "taux_de_marque": marque,
        "taux_plancher": plancher_pct,
        "marge_plancher": setup.vendeur.marge_plancher,
        "sous_plancher": marge < setup.vendeur.marge_plancher,
        "sous_cout": marge < 0,
    }
