"""Generate financial statements that hold together and the client's payment history."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from simulator.scenarios.generator.draws import between, euros, int_between
from simulator.scenarios.schema.clients import Archetype, FinancialRanges
from simulator.scenarios.schema.common import DecRange
from simulator.scenarios.situation.client import (
    Bilan,
    CompteDeResultat,
    Exercice,
    Financials,
    PaymentHistory,
    PaymentIncident,
)

_CASH_PCT = {"sain": ("6", "12"), "fragile": ("1", "4"), "risque": ("0", "1")}
_INCIDENT_KINDS = ("retard de paiement", "LCR impayée", "rejet de prélèvement", "chèque impayé")
_IS_RATE = Decimal("0.25")
_TVA = Decimal("1.2")


def _pct(rng: random.Random, low: str, high: str) -> Decimal:
    """Draw a rate given in percent, returned as a fraction."""
    return between(rng, DecRange(min=Decimal(low), max=Decimal(high)), 2) / 100


@dataclass(frozen=True)
class Structure:
    """Cost and balance-sheet structure drawn once for the company."""

    achats: Decimal
    personnel: Decimal
    dotations: Decimal
    immobilise: Decimal
    stock_days: Decimal
    supplier_days: Decimal
    other_debts: Decimal
    interest: Decimal


def _structure(rng: random.Random) -> Structure:
    """Draw the company's cost structure (shares of CA) and balance-sheet habits."""
    return Structure(
        achats=_pct(rng, "35", "50"),
        personnel=_pct(rng, "22", "32"),
        dotations=_pct(rng, "2", "4"),
        immobilise=_pct(rng, "15", "35"),
        stock_days=Decimal(rng.randint(20, 60)),
        supplier_days=Decimal(rng.randint(45, 60)),
        other_debts=_pct(rng, "4", "8"),
        interest=_pct(rng, "3.5", "6"),
    )


def _pnl(ca: Decimal, ebe_rate: Decimal, s: Structure, debt: Decimal) -> CompteDeResultat:
    """Income statement from CA, the EBE rate and the structure; VA and EBE hold by construction."""
    achats, personnel = euros(ca * s.achats), euros(ca * s.personnel)
    impots, ebe = euros(ca * Decimal("0.015")), euros(ca * ebe_rate)
    externes = ca - achats - personnel - impots - ebe
    dotations = euros(ca * s.dotations)
    resultat_exploitation = ebe - dotations
    financieres = euros(debt * s.interest)
    impot = euros(max(Decimal(0), resultat_exploitation - financieres) * _IS_RATE)
    net = resultat_exploitation - financieres - impot
    return CompteDeResultat(
        chiffre_affaires_ht=ca,
        achats_consommes=achats,
        charges_externes=externes,
        valeur_ajoutee=ca - achats - externes,
        impots_et_taxes=impots,
        charges_de_personnel=personnel,
        ebe=ebe,
        dotations_amortissements=dotations,
        resultat_exploitation=resultat_exploitation,
        charges_financieres=financieres,
        impot_sur_les_societes=impot,
        resultat_net=net,
        caf=net + dotations,
    )


def _bilan(
    pnl: CompteDeResultat, s: Structure, equity: Decimal, debt: Decimal, dso: Decimal
) -> Bilan:
    """Balance sheet where cash (or the bank overdraft) balances assets and liabilities."""
    ca = pnl.chiffre_affaires_ht
    immobilise = euros(ca * s.immobilise)
    stocks = euros(pnl.achats_consommes * s.stock_days / 365)
    creances = euros(ca * _TVA * dso / 365)
    fournisseurs = euros(pnl.achats_consommes * _TVA * s.supplier_days / 365)
    autres = euros(ca * s.other_debts)
    cash = equity + debt + fournisseurs + autres - immobilise - stocks - creances
    overdraft = max(Decimal("0.00"), euros(ca * Decimal("0.005")) - cash)
    cash += overdraft
    total = immobilise + stocks + creances + cash
    return Bilan(
        actif_immobilise=immobilise,
        stocks=stocks,
        creances_clients=creances,
        disponibilites=cash,
        total_actif=total,
        capitaux_propres=equity,
        dettes_financieres=debt,
        dettes_fournisseurs=fournisseurs,
        autres_dettes=autres,
        concours_bancaires_courants=overdraft,
        total_passif=equity + debt + fournisseurs + autres + overdraft,
    )


def make_financials(
    rng: random.Random, archetype: Archetype, headcount: int, profile: str, ranges: FinancialRanges
) -> Financials:
    """Draw 2 or 3 years; each year's net result feeds the next year's equity."""
    years = rng.choice((2, 3))
    s = _structure(rng)
    ca = euros(between(rng, archetype.ca_par_salarie_ht, 0) * headcount)
    exercices: list[Exercice] = []
    equity = debt = Decimal(0)
    for offset in range(1 - years, 1):
        if exercices:
            ca = euros(ca * (1 + between(rng, ranges.croissance_pct, 2) / 100))
        dso = between(rng, ranges.dso_jours, 0)
        if not exercices:
            assets = ca * (
                s.immobilise
                + s.achats * s.stock_days / 365
                + _TVA * dso / 365
                + _pct(rng, *_CASH_PCT[profile])
            )
            equity = euros(assets * between(rng, ranges.autonomie_financiere_pct, 2) / 100)
            debt = euros(max(equity, Decimal(0)) * between(rng, ranges.endettement, 2))
        else:
            debt = euros(debt * _pct(rng, "80", "105"))
        pnl = _pnl(ca, between(rng, ranges.ebe_pct, 2) / 100, s, debt)
        equity = equity + pnl.resultat_net if exercices else equity
        label = "N" if offset == 0 else f"N{offset}"
        exercices.append(
            Exercice(
                exercice=label,
                year_offset=offset,
                compte_de_resultat=pnl,
                bilan=_bilan(pnl, s, equity, debt, dso),
            )
        )
    return Financials(profile=profile, exercices=exercices)


def behaviour(delay_days: int) -> str:
    """French label of a payment behaviour from the average delay."""
    if delay_days <= 5:
        return "ponctuel"
    return "retards occasionnels" if delay_days <= 20 else "retards fréquents"


def incident(index: int, monthly_ttc: Decimal) -> PaymentIncident:
    """A deterministic incident (used when the jury adds incidents without randomness)."""
    return PaymentIncident(
        months_ago=1 + 2 * index,
        kind=_INCIDENT_KINDS[index % 4],
        amount_ttc=euros(monthly_ttc / 20),
        days_late=30 + 15 * index,
    )


def make_payment_history(
    rng: random.Random, archetype: Archetype, ranges: FinancialRanges, ca: Decimal
) -> PaymentHistory:
    """Draw usual terms, average delay and incidents over the last 24 months."""
    usual = int_between(rng, archetype.usual_payment_days)
    delay = int_between(rng, ranges.retard_moyen_jours)
    incidents = [
        PaymentIncident(
            months_ago=rng.randint(1, 24),
            kind=rng.choice(_INCIDENT_KINDS),
            amount_ttc=euros(ca * _TVA / 12 * _pct(rng, "2", "10")),
            days_late=rng.randint(15, 90),
        )
        for _ in range(int_between(rng, ranges.incidents))
    ]
    incidents.sort(key=lambda i: (i.months_ago, i.kind, i.amount_ttc))
    return PaymentHistory(
        usual_payment_days=usual,
        average_delay_days=delay,
        behaviour=behaviour(delay),
        incidents=incidents,
    )
