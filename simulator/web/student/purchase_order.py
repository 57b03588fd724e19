"""The bon de commande of a signed negotiation: numbered, dated, printable and as a PDF.

The order is recomputed from the agreement (`order_of`, the quote engine), so it never drifts
from the end page; its number and date come from the negotiation itself: « BC-2026-00042 » is
the negotiation 42 signed in 2026, dated the day it was signed (Paris time).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from flask import render_template

from simulator.engine.legal.data import INDEMNITE_FORFAITAIRE
from simulator.engine.money import format_eur, format_pourcent
from simulator.models import Negotiation
from simulator.operations.negotiations import Game
from simulator.operations.quote_document import client_party, penalty_rate, seller_party
from simulator.web.documents import html_to_pdf, slug
from simulator.web.student.negotiation_order import agreed_terms, order_of

PARIS = ZoneInfo("Europe/Paris")


def signed_on(negotiation: Negotiation) -> date:
    """The day the agreement was signed (the negotiation's end), in Paris."""
    moment = negotiation.finished_at or negotiation.created_at
    return moment.astimezone(PARIS).date()


def order_number(negotiation: Negotiation) -> str:
    """One number per signed negotiation, stable and unique: BC-<year>-<negotiation id>."""
    return f"BC-{signed_on(negotiation):%Y}-{negotiation.id:05d}"


def _agreed(game: Game, nature: str) -> Any:
    terms = agreed_terms(game) or {}
    return next(
        (terms[e.cle] for e in game.setup.enjeux if e.nature == nature and e.cle in terms), None
    )


def purchase_order(negotiation: Negotiation, game: Game) -> dict[str, Any] | None:
    """Everything the bon de commande prints; None unless the agreement was signed."""
    snapshot = negotiation.situation_version.snapshot
    order = order_of(game, snapshot)
    if order is None or not order["signed"]:
        return None
    day = signed_on(negotiation)
    result = order["result"]
    days = _agreed(game, "paiement")
    if days is None:  # not negotiated: the seller's usual terms
        days = snapshot.get("terms", {}).get("seller_payment_days") or 30
    payment = f"Paiement à {int(Decimal(str(days)))} jours date de facture, par virement."
    acompte = (
        f"Acompte de {format_pourcent(order['acompte_pct'])} du TTC, soit "
        f"{format_eur(result.acompte_ttc)}, versé à la commande (acompte : la commande est ferme) ; "
        f"solde de {format_eur(result.net_a_payer)} TTC à l'échéance."
        if result.acompte_ttc
        else "Aucun acompte à la commande."
    )
    rate = penalty_rate(day)
    weeks = _agreed(game, "delai")
    company = snapshot.get("client", {}).get("company", {})
    address = company.get("address", {})
    delivery = (
        f"Livraison sous {weeks} semaine{'s' if int(Decimal(str(weeks))) > 1 else ''} "
        "à compter de la réception du bon de commande signé"
        if weeks is not None
        else "Délai de livraison à convenir"
    ) + (
        f", à l'adresse du client : {address.get('street', '')}, "
        f"{address.get('postcode', '')} {address.get('city', '')}."
    )
    warranty = _agreed(game, "garantie")
    return {
        "number": order_number(negotiation),
        "date": f"{day:%d/%m/%Y}",
        "seller": seller_party(snapshot),
        "client": client_party(snapshot),
        "buyer": snapshot.get("buyer", {}).get("name", ""),
        "object": order["need"].get("label", ""),
        "result": result,
        "offered": order["offered"],
        "acompte_pct": order["acompte_pct"],
        "conditions": order["conditions"],
        "payment": payment,
        "acompte": acompte,
        "penalties": (
            f"En cas de retard de paiement, pénalités au taux de {format_pourcent(rate)} "
            "(taux BCE + 10 points), exigibles sans rappel dès le lendemain de l'échéance, et "
            f"indemnité forfaitaire pour frais de recouvrement de "
            f"{format_eur(INDEMNITE_FORFAITAIRE)} (C. com. L441-10 et D441-5). "
            "Pas d'escompte pour paiement anticipé."
        ),
        "delivery": delivery,
        "warranty": f"Garantie : {warranty} mois." if warranty is not None else "",
    }


def order_html(po: dict[str, Any], for_pdf: bool = False) -> str:
    """The bon de commande as a standalone HTML document (the devis' layout and font)."""
    return render_template("negotiation/purchase_order.html", po=po, for_pdf=for_pdf)


def order_pdf(po: dict[str, Any]) -> bytes:
    """The bon de commande as PDF bytes (WeasyPrint)."""
    return html_to_pdf(order_html(po, for_pdf=True))


def order_filename(po: dict[str, Any]) -> str:
    """bon-de-commande-BC-2026-00042-ateliers-prevost.pdf"""
    return f"bon-de-commande-{po['number']}-{slug(po['client'].name)}.pdf"
