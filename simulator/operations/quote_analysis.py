"""Compute a student's quote against their situation: totals, legal checks, supply, risks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from simulator.engine.errors import EngineError
from simulator.engine.legal.checks import controler_devis
from simulator.engine.legal.models import ERREUR, Constat
from simulator.engine.money import format_pourcent, percent_of
from simulator.engine.quote.models import (
    Devis,
    Escompte,
    LigneDevis,
    Port,
    Reduction,
    ResultatDevis,
)
from simulator.engine.quote.pricing import calculer_devis
from simulator.engine.quote.steps import etapes_du_devis
from simulator.engine.risk.business_risk import RisqueAffaire, evaluer_risque_affaire
from simulator.engine.supply.feasibility import analyser_faisabilite
from simulator.engine.supply.models import (
    DemandeLivraison,
    EtatFournisseur,
    Faisabilite,
    HausseAnnoncee,
)
from simulator.operations.quote_credit import CreditFlag, credit_flag
from simulator.operations.quote_document import (
    DocumentTerms,
    Party,
    client_party,
    document_terms,
    mentions,
    seller_party,
)
from simulator.operations.quote_forms import ParsedQuote, parse

#: Where a legal finding is shown in the form.
LEGAL_SLOTS = {
    "conditions_paiement": "payment",
    "date_validite": "validity",
    "acompte_pourcentage": "acompte",
    "qualification_versement": "acompte",
}


@dataclass
class QuoteAnalysis:
    """Everything the builder, the print view and the PDF show about one quote."""

    inputs: dict[str, Any]
    errors: dict[str, str]
    show_costs: bool
    parsed: ParsedQuote | None = None
    result: ResultatDevis | None = None
    terms: DocumentTerms | None = None
    seller: Party | None = None
    client: Party | None = None
    legal: tuple[Constat, ...] = ()
    feasibility: Faisabilite | None = None
    credit: CreditFlag | None = None
    business: RisqueAffaire | None = None
    warnings: list[str] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)

    @property
    def issuable(self) -> bool:
        """A quote may be issued only when computed without any error."""
        return self.result is not None and not self.errors


def catalogue_index(snapshot: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The situation's products and services by reference."""
    catalogue = snapshot.get("catalogue", {})
    return {
        item["ref"]: item for item in catalogue.get("products", []) + catalogue.get("services", [])
    }


def analyse_quote(
    inputs: dict[str, Any], snapshot: dict[str, Any], today: date, number: str = ""
) -> QuoteAnalysis:
    """Parse, compute and check a quote; prices and costs come from the catalogue only."""
    catalogue = catalogue_index(snapshot)
    parsed = parse(inputs, set(catalogue))
    show_costs = bool(snapshot.get("pack", {}).get("allow_student_costs", True))
    analysis = QuoteAnalysis(
        inputs,
        dict(parsed.errors),
        show_costs,
        parsed,
        units={ref: item.get("unit", "") for ref, item in catalogue.items()},
    )
    if analysis.errors or not parsed.lines:
        return analysis
    devis = build_devis(parsed, catalogue, snapshot)
    try:
        result = calculer_devis(devis)
        if parsed.acompte_pct:
            result = with_acompte(result, percent_of(result.total_ttc, parsed.acompte_pct))
    except EngineError as exc:
        analysis.errors[engine_slot(exc.champ, parsed)] = exc.message[:1].upper() + exc.message[1:]
        return analysis
    analysis.result = result
    check(analysis, devis, snapshot, today, number or "D-AAAA-NNNN (attribué à l'émission)")
    return analysis


def with_acompte(result: ResultatDevis, acompte: Decimal) -> ResultatDevis:
    """The same quote with an acompte asked at order (computing it twice gives the same)."""
    result = replace(result, acompte_ttc=acompte, net_a_payer=result.total_ttc - acompte)
    return replace(result, etapes=etapes_du_devis(result))


def build_devis(
    parsed: ParsedQuote, catalogue: dict[str, dict[str, Any]], snapshot: dict[str, Any]
) -> Devis:
    """The engine's Devis: designations, prices, costs and VAT rates from the catalogue."""
    lignes = []
    for line in parsed.lines:
        item = catalogue[line.ref]
        reductions = (
            (Reduction("remise", taux=line.remise_pct, libelle="Remise"),)
            if line.remise_pct
            else ()
        )
        lignes.append(
            LigneDevis(
                line.ref,
                item["designation"],
                line.quantity,
                Decimal(item["list_price_ht"]),
                Decimal(item.get("purchase_cost") or "0"),
                Decimal(item.get("vat_rate", "20")),
                reductions,
            )
        )
    pied = tuple(
        Reduction(
            nature,
            taux=value if unit == "pct" else None,
            montant=value if unit == "eur" else None,
            libelle=f"{nature.capitalize()} sur le total",
        )
        for nature, unit, value in parsed.footer
    )
    escompte = (
        Escompte(parsed.escompte_pct, parsed.escompte_taken, "paiement anticipé")
        if parsed.escompte_pct
        else None
    )
    franco = snapshot.get("terms", {}).get("franco_threshold_ht")
    port = Port(parsed.port_ht, Decimal(franco) if franco else None) if parsed.port_ht else None
    return Devis(tuple(lignes), pied, escompte, port)


def engine_slot(champ: str, parsed: ParsedQuote) -> str:
    """The form slot of an engine error's field path (lignes[1].quantite -> line-<key>-quantity)."""
    if match := re.match(r"lignes\[(\d+)\]\.(\w+)", champ):
        key = parsed.lines[int(match.group(1))].key
        part = {"quantite": "quantity", "reductions": "remise"}.get(match.group(2), "ref")
        return f"line-{key}-{part}"
    if match := re.match(r"reductions\[(\d+)\]", champ):
        return f"footer-{parsed.footer[int(match.group(1))][0]}"
    return {"escompte": "escompte", "port": "port", "acompte_ttc": "acompte"}.get(
        champ.split(".")[0], "general"
    )


def check(
    analysis: QuoteAnalysis, devis: Devis, snapshot: dict[str, Any], today: date, number: str
) -> None:
    """Legal mentions, supplier feasibility, credit exposure and business risk."""
    parsed, result = analysis.parsed, analysis.result
    assert parsed is not None and result is not None
    analysis.seller, analysis.client = seller_party(snapshot), client_party(snapshot)
    analysis.terms = document_terms(parsed, result, snapshot, today)
    analysis.legal = controler_devis(
        mentions(parsed, analysis.terms, analysis.seller, analysis.client, number)
    )
    for constat in analysis.legal:
        slot = LEGAL_SLOTS.get(constat.champ.split(".")[0])
        if constat.gravite == ERREUR:
            analysis.errors.setdefault(slot or "general", constat.message)
    policy(analysis, snapshot)
    try:
        analysis.feasibility = feasibility(parsed, devis, snapshot, today)
    except EngineError as exc:
        analysis.warnings.append(f"Faisabilité non vérifiable : {exc.message}.")
    analysis.credit = credit_flag(snapshot, result)
    coherence(analysis)
    if analysis.show_costs and analysis.feasibility is not None:
        floor = Decimal(str(snapshot.get("terms", {}).get("min_taux_de_marque_pct", "20")))
        analysis.business = evaluer_risque_affaire(result, analysis.feasibility, None, floor)


def policy(analysis: QuoteAnalysis, snapshot: dict[str, Any]) -> None:
    """Warn when the quote goes beyond what the seller's management or the client asked."""
    parsed = analysis.parsed
    assert parsed is not None
    terms, need = snapshot.get("terms", {}), snapshot.get("need", {})
    cap = terms.get("max_payment_days")
    if cap is not None and parsed.payment_days > int(cap):
        analysis.warnings.append(
            f"Délai de paiement de {parsed.payment_days} jours : votre "
            f"direction n'accorde pas plus de {cap} jours."
        )
    asked = need.get("deadline_weeks")
    if asked is not None and parsed.delivery_weeks is not None and parsed.delivery_weeks > asked:
        analysis.warnings.append(
            f"Vous proposez {parsed.delivery_weeks} semaines de délai : le "
            f"client attend une livraison sous {asked} semaines."
        )


#: An escompte rewards a payment within this many days; deducted with longer terms, it contradicts
#: them (the client would get the reduction without paying early).
ESCOMPTE_DELAI_MAX_JOURS = 10
#: « X jours fin de mois » adds on average half a month to X when compared with a term in days.
DEMI_MOIS_JOURS = 15


def coherence(analysis: QuoteAnalysis) -> None:
    """Warn when the quote contradicts itself or the client's risk analysis (the same analysis
    as the risk page: its class, recommended term and acompte)."""
    parsed, credit = analysis.parsed, analysis.credit
    assert parsed is not None
    terme = f"{parsed.payment_days} jours" + (" fin de mois" if parsed.end_of_month else "")
    if (
        parsed.escompte_taken
        and parsed.escompte_pct > 0
        and (parsed.end_of_month or parsed.payment_days > ESCOMPTE_DELAI_MAX_JOURS)
    ):
        analysis.warnings.append(
            f"Escompte de {format_pourcent(parsed.escompte_pct)} déduit alors que le paiement est à {terme} : "
            f"l'escompte récompense un paiement anticipé (sous {ESCOMPTE_DELAI_MAX_JOURS} jours) ; "
            "proposez-le sans le déduire, ou raccourcissez le délai."
        )
    if credit is None:
        return
    effectif = parsed.payment_days + (DEMI_MOIS_JOURS if parsed.end_of_month else 0)
    if effectif > credit.delai_max_jours:
        conseil = (
            "paiement comptant"
            if credit.delai_max_jours == 0
            else f"{credit.delai_max_jours} jours au plus"
        )
        analysis.warnings.append(
            f"Délai de paiement de {terme} : l'analyse du risque recommande {conseil} "
            f"pour ce client de classe {credit.niveau} (risque {credit.libelle})."
        )
    if parsed.acompte_pct < credit.acompte_recommande:
        analysis.warnings.append(
            f"Acompte de {format_pourcent(parsed.acompte_pct)} : l'analyse du risque recommande "
            f"au moins {format_pourcent(credit.acompte_recommande)} pour ce client de classe {credit.niveau} "
            f"(risque {credit.libelle})."
        )


def feasibility(
    parsed: ParsedQuote, devis: Devis, snapshot: dict[str, Any], today: date
) -> Faisabilite:
    """Check stock and supplier lead times against the delivery the quote promises."""
    weeks = parsed.delivery_weeks
    if weeks is None:
        weeks = int(snapshot.get("need", {}).get("deadline_weeks") or 4)
    states = {s["ref"]: supplier_state(s, today) for s in snapshot.get("supply", [])}
    demande = DemandeLivraison(
        today, today + timedelta(weeks=weeks), today + timedelta(days=parsed.validity_days)
    )
    return analyser_faisabilite(devis.lignes, states, demande)


def supplier_state(supply: dict[str, Any], today: date) -> EtatFournisseur:
    """The engine's supplier state of one snapshot supply entry."""
    increase = supply.get("price_increase")
    hausses = (
        (
            HausseAnnoncee(
                Decimal(str(increase["percent"])),
                today + timedelta(weeks=int(increase["in_weeks"])),
            ),
        )
        if increase
        else ()
    )
    threshold = supply.get("franco_threshold_ht")
    return EtatFournisseur(
        supply["ref"],
        Decimal(str(supply.get("stock", 0))),
        int(supply.get("lead_time_weeks", 0)),
        Decimal(str(supply.get("moq") or 1)),
        Decimal(str(threshold)) if threshold else None,
        hausses,
    )
