"""The student's issued quote (devis) read as the seller's opening offer in the negotiation.

Each issue takes the quote's value, snapped to the nearest value of the issue's grid:

- remise : the quote's overall discount on the products of the need (line and footer
  reductions), (gross − net commercial) / gross of those lines;
- quantité : the quantity quoted on the need's main line;
- délai de paiement, acompte, délai de livraison : the quote's terms;
- services : the need's services the quote gives free (a line at 100 % discount or 0 €);
- anything the quote does not state (warranty) : the seller's best value (the standard offer).

The opening's totals are the quote's own (HT, TTC, as issued); its margin is the negotiation
engine's margin of the snapped terms (the one the debrief measures concessions from).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from simulator.engine.money import cents
from simulator.engine.negotiation.context import lire_termes
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.values import ValeurInvalide, en_json, est_numerique
from simulator.scenarios.negotiation_setup.margins import AUCUN


def _decimal(raw: Any) -> Decimal | None:
    try:
        return Decimal(str(raw).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        return None


def _snap(setup: NegotiationSetup, cle: str, value: Decimal) -> Any:
    """The grid value of the issue nearest to value (the lower one on a tie)."""
    e = setup.enjeux[setup.index[cle]]
    return min(e.valeurs, key=lambda v: (abs(Decimal(str(v)) - value), Decimal(str(v))))


def quote_terms(
    setup: NegotiationSetup,
    snapshot: dict[str, Any],
    inputs: dict[str, Any],
    totals: dict[str, Any],
) -> dict[str, Any] | None:
    """The quote's terms as a complete negotiation offer (JSON values); None if unreadable."""
    devis = totals.get("devis") or {}
    lignes = devis.get("lignes") or []
    if not lignes:
        return None
    need = snapshot["need"]
    products = {line["ref"] for line in need["lines"]}
    services = [s["ref"] for s in need["services"]]
    esp = setup.espace
    best = esp.termes_outcome(esp.ordre_s[-1])
    terms: dict[str, Any] = {k: en_json(v) for k, v in best.items()}
    brut = sum((Decimal(x["montant_brut_ht"]) for x in lignes if x["ref"] in products), Decimal(0))
    net = sum((Decimal(x["net_commercial_ht"]) for x in lignes if x["ref"] in products), Decimal(0))
    stated: dict[str, Decimal | None] = {
        "remise_pct": None if brut <= 0 else (brut - net) / brut * 100,
        "delai_paiement_jours": _decimal(inputs.get("payment_days")),
        "acompte_pct": _decimal(inputs.get("acompte_pct") or "0"),
        "delai_livraison_semaines": _decimal(inputs.get("delivery_weeks")),
    }
    main = need["lines"][0]["ref"]
    quantite = next((Decimal(x["quantite"]) for x in lignes if x["ref"] == main), None)
    stated["quantite"] = quantite
    for cle, value in stated.items():
        if cle in setup.index and value is not None:
            if est_numerique(setup.enjeux[setup.index[cle]].nature):
                terms[cle] = en_json(_snap(setup, cle, value))
    if "services" in setup.index:
        free = [
            x["ref"]
            for x in lignes
            if x["ref"] in services and Decimal(x["net_commercial_ht"]) == 0
        ]
        label = " + ".join(free) if free else AUCUN
        if label in setup.enjeux[setup.index["services"]].valeurs:
            terms["services"] = label
    try:
        lire_termes(setup, terms)
    except ValeurInvalide:
        return None
    return terms


def opening_of_quote(
    setup: NegotiationSetup,
    snapshot: dict[str, Any],
    number: str,
    inputs: dict[str, Any],
    totals: dict[str, Any],
) -> dict[str, Any] | None:
    """The opening offer of an issued quote: number, terms, quote totals, engine margin."""
    terms = quote_terms(setup, snapshot, inputs, totals)
    if terms is None:
        return None
    devis = totals["devis"]
    return {
        "number": number,
        "terms": terms,
        "total_ht": Decimal(devis["total_ht"]),
        "total_ttc": Decimal(devis["total_ttc"]),
        "marge": cents(setup.espace.marge(lire_termes(setup, terms))),
    }
