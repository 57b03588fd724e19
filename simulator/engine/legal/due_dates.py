"""Due dates and late-payment penalties (reference §2.4–2.5)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from simulator.engine.legal.data import (
    INDEMNITE_FORFAITAIRE,
    JOURS_PAR_AN,
    MAJORATION_BCE_POINTS,
    TAUX_BCE_REFI,
    TAUX_INTERET_LEGAL_PRO,
)
from simulator.engine.money import HUNDRED, ZERO, cents

#: The two computations of « X jours fin de mois » accepted by the DGCCRF.
FIN_DE_MOIS_PUIS_JOURS = "fin_de_mois_puis_jours"
JOURS_PUIS_FIN_DE_MOIS = "jours_puis_fin_de_mois"


def fin_de_mois(jour: date) -> date:
    """Return the last day of jour's month."""
    return jour.replace(day=calendar.monthrange(jour.year, jour.month)[1])


def date_echeance(
    date_facture: date, jours: int, fin_mois: bool = False, methode: str = FIN_DE_MOIS_PUIS_JOURS
) -> date:
    """Return the due date of an invoice for « jours » net or « jours fin de mois »."""
    if not fin_mois:
        return date_facture + timedelta(days=jours)
    if methode == FIN_DE_MOIS_PUIS_JOURS:
        return fin_de_mois(date_facture) + timedelta(days=jours)
    return fin_de_mois(date_facture + timedelta(days=jours))


def semestre(jour: date) -> tuple[int, int]:
    """Return (year, 1 or 2) for the semester containing jour."""
    return jour.year, 1 if jour.month <= 6 else 2


def taux_penalite_legal(jour: date) -> Decimal | None:
    """Return the default penalty rate (ECB rate + 10 points) in force on jour, None if unknown."""
    bce = TAUX_BCE_REFI.get(semestre(jour))
    return None if bce is None else bce + MAJORATION_BCE_POINTS


def taux_penalite_minimum(jour: date) -> Decimal | None:
    """Return the lowest contractual rate allowed (3 × taux d'intérêt légal), None if unknown."""
    legal = TAUX_INTERET_LEGAL_PRO.get(semestre(jour))
    return None if legal is None else 3 * legal


@dataclass(frozen=True)
class PenaliteRetard:
    """Late-payment penalty of one invoice, plus the fixed 40 € indemnity."""

    jours_de_retard: int
    taux: Decimal
    penalite: Decimal
    indemnite_forfaitaire: Decimal
    total: Decimal
    explication: str


def penalite_retard(
    montant_ttc: Decimal, echeance: date, paiement: date, taux: Decimal | None = None
) -> PenaliteRetard:
    """Compute TTC × taux × jours / 365 (cents, half-up) + 40 €; default rate: the legal one."""
    # The legal rate is the one of the due date's semester (penalties run from the next day).
    jours = max((paiement - echeance).days, 0)
    if taux is None:
        taux = taux_penalite_legal(echeance)
        if taux is None:
            raise ValueError(f"taux BCE inconnu pour {echeance:%d/%m/%Y} : compléter legal/data.py")
    if jours == 0:
        return PenaliteRetard(0, taux, ZERO, ZERO, ZERO, "Payé à l'échéance : aucune pénalité.")
    penalite = cents(montant_ttc * taux / HUNDRED * jours / JOURS_PAR_AN)
    explication = (
        f"{montant_ttc} × {taux} % × {jours} / 365 = {penalite} € "
        f"+ indemnité forfaitaire {INDEMNITE_FORFAITAIRE} €"
    )
    return PenaliteRetard(
        jours, taux, penalite, INDEMNITE_FORFAITAIRE, penalite + INDEMNITE_FORFAITAIRE, explication
    )
