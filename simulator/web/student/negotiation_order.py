"""The bon de commande built from the agreed terms with the quote engine (criterion 9)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from simulator.engine.money import cents
from simulator.engine.quote.models import Devis
from simulator.engine.quote.pricing import calculer_devis
from simulator.operations.negotiations import Game
from simulator.scenarios.negotiation_setup.margins import AUCUN, besoin_depuis
from simulator.scenarios.situation.visibility import student_view
from simulator.web.negotiation_view import service_names, show


def agreed_terms(game: Game) -> dict[str, Any] | None:
    """The terms both sides agreed on, or None without an agreement."""
    state = game.state
    return state.accord if state.statut in ("accord", "conclue") else None


def _by_nature(game: Game, terms: dict[str, Any], nature: str) -> Any:
    return next(
        (terms[e.cle] for e in game.setup.enjeux if e.nature == nature and e.cle in terms), None
    )


def order_of(game: Game, snapshot: dict[str, Any]) -> dict[str, Any] | None:
    """The order lines and totals computed from the agreement (no margin, no cost shown)."""
    terms = agreed_terms(game)
    if terms is None:
        return None
    view = student_view(snapshot)
    names = service_names(view)
    remise = Decimal(str(_by_nature(game, terms, "remise") or "0"))
    quantite = _by_nature(game, terms, "quantite")
    option = _by_nature(game, terms, "service")
    offered = () if option in (None, AUCUN) else tuple(str(option).split(" + "))
    devis = besoin_depuis(snapshot).devis(remise=remise, quantite=quantite, offerts=offered)
    devis = Devis(
        lignes=tuple(
            replace(ligne, designation=names.get(ligne.ref, ligne.designation))
            for ligne in devis.lignes
        ),
        reductions=devis.reductions,
    )
    acompte_pct = Decimal(str(_by_nature(game, terms, "acompte") or "0"))
    result = calculer_devis(devis)
    if acompte_pct:
        result = calculer_devis(
            replace(devis, acompte_ttc=cents(result.total_ttc * acompte_pct / 100))
        )
    return {
        "result": result,
        "remise_pct": remise,
        "acompte_pct": acompte_pct,
        "offered": offered,
        "client": view.get("client", {}),
        "seller": view.get("seller", {}),
        "need": view.get("need", {}),
        "conditions": [
            (e.libelle, show(game.setup, e.cle, terms.get(e.cle), names)) for e in game.setup.enjeux
        ],
        "signed": game.state.statut == "conclue",
    }
