"""Golden functional balance sheet (FRNG, BFR, trésorerie nette) and rotation ratios.

Every expected figure below was worked out by hand (k€), written next to the assertion.
"""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from simulator.engine.errors import RiskError
from simulator.engine.risk.credit import analyser_risque
from simulator.engine.risk.models import DossierRisque, FinancialStatements

K = D(1000)


def _etats(**k: str) -> FinancialStatements:
    base = dict(
        exercice=2025,
        immobilisations="500",
        stocks="120",
        creances_clients="300",
        autres_creances="30",
        disponibilites="20",
        capitaux_propres="300",
        dettes_financieres="250",
        dettes_financieres_moins_un_an="50",
        concours_bancaires_courants="40",
        dettes_fournisseurs="180",
        autres_dettes="200",
        chiffre_affaires_ht="1500",
        achats="600",
        valeur_ajoutee="500",
        ebe="100",
        resultat_exploitation="60",
        resultat_net="30",
        caf="70",
        frais_financiers="15",
        charges_personnel="350",
    )
    base.update(k)
    return FinancialStatements(
        **{n: (v if n == "exercice" else D(v) * K) for n, v in base.items()}  # type: ignore[arg-type]
    )


#: actif 500 + 120 + 300 + 30 + 20 = 970 = passif 300 + 250 + 40 + 180 + 200
TENDU = _etats()


def _ratios(e: FinancialStatements):
    return {r.code: r for r in analyser_risque(DossierRisque((e,))).ratios[0].ratios}


def test_frng_bfr_and_net_cash_of_a_strained_client():
    r = _ratios(TENDU)
    # FRNG = (300 + 250) − 500 = 50 k€ ; BFR = (120 + 300 + 30) − (180 + 200) = 70 k€
    # TN = 20 − 40 = −20 k€ = FRNG − BFR
    assert r["frng"].valeur == D("50000.00")
    assert r["bfr"].valeur == D("70000.00")
    assert r["tresorerie_nette"].valeur == D("-20000.00")
    assert r["frng"].valeur - r["bfr"].valeur == r["tresorerie_nette"].valeur
    assert (r["frng"].favorable, r["bfr"].favorable, r["tresorerie_nette"].favorable) == (
        True,
        False,
        False,
    )


def test_supplier_days_and_stock_rotation():
    r = _ratios(TENDU)
    # fournisseurs 180 / achats TTC (600 × 1,2 = 720) × 365 = 91,25 → 91,3 j (> 60 : défavorable)
    assert r["delai_fournisseurs_jours"].valeur == D("91.3")
    assert r["delai_fournisseurs_jours"].favorable is False
    # stocks 120 / achats 600 × 365 = 73,0 j
    assert r["rotation_stocks_jours"].valeur == D("73.0")


def test_the_overdraft_and_the_short_term_part_of_loans_are_short_term_debts():
    r = _ratios(TENDU)
    # dettes CT = 180 + 200 + 40 (concours) + 50 (emprunts à moins d'un an) = 470
    # liquidité générale = (120 + 300 + 30 + 20) / 470 = 1 ; réduite = 350 / 470 = 0,744 68…
    assert r["liquidite_generale"].valeur == D("1.0000")
    assert r["liquidite_reduite"].valeur == D("0.7447")
    # solvabilité = 970 / (250 + 40 + 180 + 200 = 670) = 1,447 76… ; the split adds no debt
    assert r["solvabilite_generale"].valeur == D("1.4478")
    assert r["autonomie_financiere"].valeur == D("0.3093")


def test_a_sound_client_finances_its_working_capital_need():
    # dispo 100, no overdraft: actif 1050 = passif 420 + 250 + 0 + 180 + 200
    r = _ratios(
        replace(
            TENDU,
            disponibilites=D("100") * K,
            concours_bancaires_courants=D("0"),
            capitaux_propres=D("420") * K,
        )
    )
    # FRNG = (420 + 250) − 500 = 170 ; BFR = 70 ; TN = 100 − 0 = 100 = 170 − 70
    assert r["frng"].valeur == D("170000.00")
    assert r["tresorerie_nette"].valeur == D("100000.00")
    assert r["bfr"].favorable is True and r["tresorerie_nette"].favorable is True


def test_without_purchases_the_rotations_are_not_computed():
    r = _ratios(replace(TENDU, achats=D(0)))
    assert r["delai_fournisseurs_jours"].valeur is None
    assert r["rotation_stocks_jours"].valeur is None


def test_a_short_term_part_above_the_loans_is_refused():
    with pytest.raises(RiskError, match="moins d'un an"):
        analyser_risque(DossierRisque((replace(TENDU, dettes_financieres_moins_un_an=D(300) * K),)))


def test_the_overdraft_counts_in_the_balance():
    with pytest.raises(RiskError, match="déséquilibré"):
        analyser_risque(DossierRisque((replace(TENDU, concours_bancaires_courants=D(0)),)))
