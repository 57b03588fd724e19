"""Golden credit-risk cases; the expected figures were worked out by hand (4-decimal ratios)."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from simulator.engine.errors import RiskError
from simulator.engine.risk.credit import analyser_risque
from simulator.engine.risk.models import (
    DossierRisque,
    Exposition,
    FinancialStatements,
    IncidentPaiement,
)


def etats(
    immo,
    stocks,
    creances,
    dispo,
    cp,
    df,
    fournisseurs,
    autres,
    ca,
    va,
    ebe,
    re,
    rn,
    caf,
    ff,
    personnel,
    reserves=0,
    exercice=2025,
):
    k = lambda x: D(x) * 1000  # noqa: E731  (the worked examples are in k€)
    return FinancialStatements(
        exercice,
        k(immo),
        k(stocks),
        k(creances),
        k(dispo),
        k(cp),
        k(df),
        k(fournisseurs),
        k(autres),
        k(ca),
        k(va),
        k(ebe),
        k(re),
        k(rn),
        k(caf),
        k(ff),
        k(personnel),
        k(reserves),
    )


DUPONT = etats(450, 200, 360, 90, 400, 350, 250, 100, 2000, 760, 180, 100, 60, 110, 18, 520, 250)
BONNE = etats(400, 250, 300, 50, 250, 250, 350, 150, 1500, 500, 75, 40, 20, 50, 30, 400, 100)
ALERTE = etats(300, 300, 350, 50, 150, 250, 400, 200, 1400, 500, 85, 20, 5, 25, 28, 450, 50)
DANGER = etats(500, 300, 150, 50, 100, 200, 500, 200, 1000, 400, 45, 5, -20, -10, 40, 380)
CP_NEGATIFS = etats(300, 100, 100, 0, -100, 300, 200, 100, 800, 200, 10, -30, -60, -40, 20, 210)


def analyser(e, incidents=(), exposition=None):
    return analyser_risque(DossierRisque((e,), tuple(incidents), exposition))


def test_dupont_maintenance_reproduces_the_reference_ratios():
    a = analyser(DUPONT)
    r = a.ratios[0]
    attendu = {
        "autonomie_financiere": "0.3636",
        "independance_financiere": "1.1429",
        "endettement": "0.8750",
        "solvabilite_generale": "1.5714",
        "liquidite_generale": "1.8571",
        "liquidite_reduite": "1.2857",
        "liquidite_immediate": "0.2571",
        "capacite_remboursement": "3.1818",
        "dso_jours": "54.8",
    }
    assert {code: str(r.valeur(code)) for code in attendu} == attendu


def test_dupont_scores_20_09_conan_holder_and_2_73_altman():
    a = analyser(DUPONT)
    assert a.conan_holder.ratios == (
        D("0.2571"),
        D("0.6818"),
        D("0.4091"),
        D("0.0090"),
        D("0.6842"),
    )
    assert a.conan_holder.contributions == (
        D("6.17"),
        D("15.00"),
        D("6.55"),
        D("-0.78"),
        D("-6.84"),
    )
    assert a.conan_holder.valeur == D("20.09") and a.conan_holder.zone == "très bonne"
    assert a.altman_z_prime.valeur == D("2.73") and a.altman_z_prime.zone == "zone grise"
    assert (a.classe.niveau, a.classe.libelle) == (1, "faible")
    assert a.limite_assureur.montant == D("100000.00")


def test_bonne_zone_gives_class_2_and_half_the_limit():
    a = analyser(BONNE)
    r = a.ratios[0]
    assert a.conan_holder.valeur == D("9.26")
    assert [
        str(r.valeur(c))
        for c in (
            "autonomie_financiere",
            "solvabilite_generale",
            "liquidite_generale",
            "liquidite_reduite",
            "capacite_remboursement",
            "dso_jours",
        )
    ] == ["0.2500", "1.3333", "1.2000", "0.7000", "5.0000", "60.8"]
    assert a.classe.niveau == 2
    assert a.limite_assureur.montant == D("31000.00")  # 62 500 × 0,5 floored to 1 k€
    assert {x.outil for x in a.recommandations} == {"delai", "lcr", "assurance_credit"}


def test_alerte_zone_gives_class_3_with_acompte_30_percent():
    a = analyser(ALERTE)
    r = a.ratios[0]
    assert a.conan_holder.valeur == D("6.86") and a.conan_holder.zone == "alerte"
    assert [
        str(r.valeur(c))
        for c in (
            "solvabilite_generale",
            "liquidite_generale",
            "liquidite_immediate",
            "capacite_remboursement",
            "dso_jours",
        )
    ] == ["1.1765", "1.1667", "0.0833", "10.0000", "76.0"]
    assert a.classe.niveau == 3 and a.limite_assureur.montant == D("7000.00")
    assert a.recommandations[0].detail == "Acompte de 30 % à la commande"


def test_danger_zone_gives_class_4_no_limit_and_cash_payment():
    a = analyser(DANGER)
    r = a.ratios[0]
    assert a.conan_holder.valeur == D("-1.98") and a.conan_holder.zone == "danger"
    assert r.valeur("capacite_remboursement") is None  # CAF négative
    assert str(r.valeur("liquidite_generale")) == "0.7143"
    assert a.classe.niveau == 4 and a.limite_assureur.montant == D("0.00")
    assert [x.outil for x in a.recommandations] == ["comptant", "refus"]


def test_negative_equity_forces_class_4():
    a = analyser(CP_NEGATIFS)
    r = a.ratios[0]
    assert str(r.valeur("autonomie_financiere")) == "-0.2000"
    assert r.valeur("endettement") is None
    assert str(r.valeur("solvabilite_generale")) == "0.8333"
    assert a.conan_holder.valeur == D("-0.28")  # −0,275 rounded half away from zero
    assert a.classe.niveau == 4
    assert any("Capitaux propres" in raison for raison in a.classe.raisons)


def test_two_short_late_payments_do_not_change_the_class():
    a = analyser(DUPONT, [IncidentPaiement("retard", 10), IncidentPaiement("retard", 20)])
    assert a.classe.niveau == 1
    assert "2 retard(s) court(s)" in a.classe.raisons[-1]


def test_a_late_payment_over_30_days_adds_one_level():
    a = analyser(DUPONT, [IncidentPaiement("retard", 45)])
    assert a.classe.niveau == 2 and a.limite_assureur.montant == D("50000.00")


def test_three_short_late_payments_add_one_level():
    a = analyser(BONNE, [IncidentPaiement("retard", 5)] * 3)
    assert a.classe.niveau == 3


def test_an_unpaid_invoice_puts_a_good_client_in_class_3():
    a = analyser(DUPONT, [IncidentPaiement("impaye", 0, D("1200.00"))])
    assert a.classe.niveau == 3 and a.limite_assureur.montant == D("20000.00")


def test_insolvency_proceedings_mean_refusal_of_credit():
    a = analyser(DUPONT, [IncidentPaiement("procedure_collective")])
    assert a.classe.niveau == 4
    assert [x.outil for x in a.recommandations] == ["refus"]


def test_exposure_over_the_insured_limit_is_flagged_with_the_acompte_that_fixes_it():
    a = analyser(DUPONT, exposition=Exposition(D("60000.00"), D("0.00"), D("48000.00")))
    e = a.exposition
    assert (e.total_ttc, e.limite, e.depassement) == (D("108000.00"), D("100000.00"), True)
    assert e.non_couvert_ttc == D("8000.00") and e.indemnisation_max == D("90000.00")
    assert e.acompte_minimum_pourcentage == D("20")  # 8 000 / 48 000 = 16,67 % → 20 %
    assert a.recommandations[0].detail == "Acompte de 20 % à la commande"


def test_exposure_within_the_limit_is_not_flagged():
    a = analyser(DUPONT, exposition=Exposition(D("30000.00"), D("10000.00"), D("48000.00")))
    assert not a.exposition.depassement
    assert a.exposition.indemnisation_max == D("79200.00")


def test_outstanding_alone_over_the_limit_means_settle_first():
    a = analyser(BONNE, exposition=Exposition(D("40000.00"), D("0"), D("10000.00")))
    assert a.exposition.non_couvert_ttc == D("19000.00")
    assert a.exposition.acompte_minimum_pourcentage is None
    assert a.recommandations[0].outil == "refus"


def test_several_years_are_sorted_and_the_latest_drives_the_score():
    ancien = replace(ALERTE, exercice=2024)
    a = analyser_risque(DossierRisque((DUPONT, ancien)))
    assert [r.exercice for r in a.ratios] == [2024, 2025]
    assert a.conan_holder.valeur == D("20.09")


ABSURDES = [
    ("bilan déséquilibré", replace(DUPONT, stocks=D("1")), "etats[0]", "déséquilibré"),
    ("stock négatif", replace(DUPONT, stocks=D("-1")), "etats[0].stocks", "négatif"),
    ("CA nul", replace(DUPONT, chiffre_affaires_ht=D("0")), "etats[0].chiffre_affaires_ht", "nul"),
    ("VA négative", replace(DUPONT, valeur_ajoutee=D("-5")), "etats[0].valeur_ajoutee", "négative"),
    ("flottant", replace(DUPONT, ebe=180000.0), "etats[0].ebe", "flottante"),
    ("exercice texte", replace(DUPONT, exercice="2025"), "etats[0].exercice", "année"),
    ("bilan vide", etats(*[0] * 16), "etats[0]", "vide"),
]


@pytest.mark.parametrize("nom, e, champ, extrait", ABSURDES, ids=[c[0] for c in ABSURDES])
def test_absurd_statements_get_a_french_error(nom, e, champ, extrait):
    with pytest.raises(RiskError) as erreur:
        analyser(e)
    assert (erreur.value.champ, extrait in erreur.value.message) == (champ, True)


def test_bad_history_and_duplicates_get_french_errors():
    with pytest.raises(RiskError, match=r"incidents\[0\]\.nature : nature inconnue"):
        analyser(DUPONT, [IncidentPaiement("faillite")])
    with pytest.raises(RiskError, match="même exercice"):
        analyser_risque(DossierRisque((DUPONT, DUPONT)))
    with pytest.raises(RiskError, match="au moins un exercice"):
        analyser_risque(DossierRisque(()))
    with pytest.raises(RiskError, match=r"exposition.commande_ttc"):
        analyser(DUPONT, exposition=Exposition(commande_ttc=D("-1")))
