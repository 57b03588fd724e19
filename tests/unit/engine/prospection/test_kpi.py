"""KPI golden cases computed by hand (rates half-up to 0.01 point, costs to the cent)."""

from __future__ import annotations

from decimal import Decimal

from simulator.engine.prospection import (
    Comptages,
    affaires_pour_equilibre,
    calculer_indicateurs,
    comparer_objectifs,
    marge_opportunite,
    roi,
)

D = Decimal


def test_400_calls_120_contacts_18_rdv_6_opportunities_for_3200_euros() -> None:
    c = Comptages(
        actions=400,
        sollicites=400,
        contacts=120,
        rdv=18,
        opportunites=6,
        cout_total=D("3200.00"),
        marge=D("4800.00"),
    )
    k = calculer_indicateurs(c)
    assert k.taux_de_contact == D("30.00")  # 120 / 400
    assert k.taux_de_rdv == D("15.00")  # 18 / 120
    assert k.taux_opportunite == D("33.33")  # 6 / 18 = 33.333…
    assert k.taux_de_conversion == D("1.50")  # 6 / 400
    assert k.cout_par_contact == D("26.67")  # 3 200 / 120 = 26.666…
    assert k.cout_par_rdv == D("177.78")  # 3 200 / 18 = 177.777…
    assert k.cout_par_opportunite == D("533.33")  # 3 200 / 6 = 533.333…
    assert k.roi == D("50.00")  # (4 800 − 3 200) / 3 200
    assert k.taux_de_transformation is None and k.cout_par_affaire is None


def test_domain_reference_example_of_1200_prospects() -> None:
    c = Comptages(
        actions=1200,
        sollicites=1200,
        contacts=840,
        rdv=84,
        opportunites=42,
        cout_total=D("12600.00"),
        marge=D("21000.00"),
        affaires=21,
    )
    k = calculer_indicateurs(c)
    assert (k.taux_de_contact, k.taux_de_rdv) == (D("70.00"), D("10.00"))
    assert k.taux_de_transformation == D("50.00")  # 21 / 42
    assert k.taux_de_conversion == D("1.75")  # 21 clients / 1 200 prospects
    assert (k.cout_par_contact, k.cout_par_rdv, k.cout_par_affaire) == (
        D("15.00"),
        D("150.00"),
        D("600.00"),
    )
    assert k.roi == D("66.67")  # (21 000 − 12 600) / 12 600 on margin
    assert roi(D("84000.00"), D("12600.00")) == D("566.67")  # the wrong « ROI on CA »
    assert affaires_pour_equilibre(D("12600.00"), D("1000.00")) == D("12.60")


def test_zero_denominators_give_none_not_an_error() -> None:
    k = calculer_indicateurs(Comptages(0, 0, 0, 0, 0, D("0.00")))
    assert k.taux_de_contact is None and k.cout_par_contact is None and k.roi is None
    k = calculer_indicateurs(Comptages(10, 10, 0, 0, 0, D("45.00")))
    assert k.taux_de_contact == D("0.00") and k.roi == D("-100.00")
    assert affaires_pour_equilibre(D("100"), D("0")) is None


def test_expected_margin_of_an_opportunity() -> None:
    # 40 000 × 100 % × 25 % = 10 000.00; × 30 % = 3 000.00
    assert marge_opportunite(D("40000.00"), D("100"), D("25"), D("30")) == D("3000.00")
    # 40 000 × 20 % = 8 000.00; × 25 % = 2 000.00; × 30 % = 600.00
    assert marge_opportunite(D("40000.00"), D("20"), D("25"), D("30")) == D("600.00")
    # 12 345.67 × 20 % = 2 469.134 → 2 469.13; × 25 % = 617.2825 → 617.28; × 30 % = 185.184
    assert marge_opportunite(D("12345.67"), D("20"), D("25"), D("30")) == D("185.18")


def test_objectives_are_compared_with_what_was_achieved() -> None:
    c = Comptages(400, 400, 120, 18, 6, D("3200.00"))
    ecarts = comparer_objectifs({"contacts": 100, "rdv": 20, "opportunites": 6}, c)
    assert [(e.indicateur, e.ecart, e.atteinte, e.atteint) for e in ecarts] == [
        ("contacts", 20, D("120.00"), True),
        ("rdv", -2, D("90.00"), False),
        ("opportunites", 0, D("100.00"), True),
    ]
    assert comparer_objectifs({"rdv": 0}, c)[0].atteinte is None
