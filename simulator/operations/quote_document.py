"""What a devis prints: both parties' identities, dates, terms and the legal mentions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from simulator.engine.legal.data import INDEMNITE_FORFAITAIRE, MAJORATION_BCE_POINTS, TAUX_BCE_REFI
from simulator.engine.legal.due_dates import taux_penalite_legal
from simulator.engine.legal.models import ConditionsPaiement, MentionsDevis, Partie
from simulator.engine.money import format_eur, format_pourcent


@dataclass(frozen=True)
class Party:
    """A company as printed on the devis."""

    name: str
    legal_form: str
    capital: str
    address: str
    siren: str
    siret: str
    rcs: str
    vat_number: str

    def partie(self) -> Partie:
        """The engine's view of this identity, for the legal checks."""
        return Partie(
            self.name,
            self.address,
            self.legal_form,
            self.capital,
            self.siren,
            self.rcs,
            self.vat_number,
        )


def spaced(siren: str) -> str:
    """Print a SIREN in groups of three."""
    return " ".join(siren[i : i + 3] for i in range(0, len(siren), 3))


def seller_party(snapshot: dict[str, Any]) -> Party:
    """The seller's legal identity from the pack; a pack without one prints nothing invented
    (the legal check then names each missing mention)."""
    seller = snapshot.get("seller", {})
    identity = seller.get("identity") or {}
    city = seller.get("city", "")
    siren = identity.get("siren", "")
    capital = identity.get("share_capital")
    street, postcode = identity.get("street", ""), identity.get("postcode", "")
    return Party(
        seller.get("name", ""),
        seller.get("legal_form", ""),
        format_eur(Decimal(str(capital))) if capital else "",
        f"{street}, {postcode} {city}" if street else "",
        spaced(siren) if siren else "",
        spaced(identity["siret"][:9]) + " " + identity["siret"][9:] if siren else "",
        f"RCS {identity['rcs_city']} {spaced(siren)}" if siren else "",
        identity.get("vat_number", ""),
    )


def client_party(snapshot: dict[str, Any]) -> Party:
    """The client's identity from the generated company."""
    c = snapshot.get("client", {}).get("company", {})
    a = c.get("address", {})
    capital = c.get("capital_social")
    return Party(
        c.get("raison_sociale", ""),
        c.get("legal_form", ""),
        format_eur(Decimal(capital)) if capital else "",
        f"{a.get('street', '')}, {a.get('postcode', '')} {a.get('city', '')}".strip(", "),
        spaced(c.get("siren", "")),
        c.get("siret", ""),
        f"RCS {a.get('city', '')}",
        c.get("tva_intracommunautaire", ""),
    )


def penalty_rate(today: date) -> Decimal:
    """The default late-payment rate (ECB + 10 points), the latest known one if today's is not."""
    rate = taux_penalite_legal(today)
    if rate is None:
        rate = TAUX_BCE_REFI[max(TAUX_BCE_REFI)] + MAJORATION_BCE_POINTS
    return rate


def carriage_text(result: Any, franco: str | None) -> str:
    """Word the carriage: invoiced, franco because of the threshold, or offered."""
    seuil = f"{format_eur(Decimal(franco))} HT" if franco else ""
    if result.port.montant_ht:
        extra = f" (franco à partir de {seuil} de net commercial)" if seuil else ""
        return f"Port facturé {format_eur(result.port.montant_ht)} HT{extra}."
    if result.port.franco:
        return f"Franco de port (net commercial supérieur au seuil de {seuil})."
    return "Franco de port."


@dataclass(frozen=True)
class DocumentTerms:
    """The printed wording of dates, payment, delivery, carriage, escompte and acompte."""

    issued_on: date
    valid_until: date
    payment: str
    delivery: str
    carriage: str
    escompte: str
    acompte: str
    penalties: str
    penalty_rate: Decimal


def document_terms(
    parsed: Any, result: Any, snapshot: dict[str, Any], today: date
) -> DocumentTerms:
    """Word the terms of a computed quote the way the devis prints them."""
    mode = " fin de mois" if parsed.end_of_month else " date de facture"
    payment = f"Paiement à {parsed.payment_days} jours{mode}, par virement."
    weeks = parsed.delivery_weeks
    delivery = (
        "Délai de livraison à convenir."
        if weeks is None
        else f"Livraison sous {weeks} semaine{'s' if weeks > 1 else ''} "
        "à réception de la commande signée."
    )
    carriage = carriage_text(result, snapshot.get("terms", {}).get("franco_threshold_ht"))
    escompte = (
        f"{result.escompte.mention}."
        if result.escompte.taux
        else "Pas d'escompte pour paiement anticipé."
    )
    acompte = (
        "Aucun acompte demandé à la commande."
        if not parsed.acompte_pct
        else f"Acompte de {format_pourcent(parsed.acompte_pct)} du TTC, soit "
        f"{format_eur(result.acompte_ttc)}, versé à la commande (acompte, et non arrhes : "
        "la commande est ferme)."
    )
    rate = penalty_rate(today)
    penalties = (
        f"En cas de retard de paiement, pénalités au taux de {format_pourcent(rate)} "
        "(taux BCE + 10 points), exigibles sans rappel dès le lendemain de l'échéance, "
        f"et indemnité forfaitaire pour frais de recouvrement de "
        f"{format_eur(INDEMNITE_FORFAITAIRE)} (C. com. L441-10 et D441-5)."
    )
    return DocumentTerms(
        today,
        today + timedelta(days=parsed.validity_days),
        payment,
        delivery,
        carriage,
        escompte,
        acompte,
        penalties,
        rate,
    )


def mentions(
    parsed: Any, terms: DocumentTerms, seller: Party, client: Party, number: str
) -> MentionsDevis:
    """The devis as the legal checks see it: exactly what the printed document carries."""
    return MentionsDevis(
        numero=number,
        date_emission=terms.issued_on,
        date_validite=terms.valid_until,
        vendeur=seller.partie(),
        client=client.partie(),
        conditions_paiement=ConditionsPaiement(parsed.payment_days, parsed.end_of_month),
        taux_penalites=terms.penalty_rate,
        indemnite_forfaitaire=INDEMNITE_FORFAITAIRE,
        mention_escompte=terms.escompte,
        delai_livraison=terms.delivery,
        port_ou_incoterm=terms.carriage,
        reference_cgv=True,
        acompte_pourcentage=parsed.acompte_pct or None,
        qualification_versement="acompte" if parsed.acompte_pct else None,
        bon_pour_accord=True,
    )
