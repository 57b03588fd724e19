"""Legal checks of a devis (C. com. L441-10, D441-5, C. civ. 1116, 1590) and due dates."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from simulator.engine.legal.checks import controler_delai, controler_devis
from simulator.engine.legal.due_dates import (
    JOURS_PUIS_FIN_DE_MOIS,
    date_echeance,
    penalite_retard,
    taux_penalite_legal,
)
from simulator.engine.legal.models import ConditionsPaiement, MentionsDevis, Partie

VENDEUR = Partie(
    "FIR",
    "12 rue des Forges, Lyon",
    "SAS",
    "150 000 €",
    "732 829 320",
    "RCS Lyon",
    "FR 44 732 829 320",
)
COMPLET = MentionsDevis(
    numero="D-2026-014",
    date_emission=date(2026, 1, 15),
    date_validite=date(2026, 2, 14),
    vendeur=VENDEUR,
    client=Partie("Dupont Maintenance SAS", "Vienne"),
    conditions_paiement=ConditionsPaiement(45, fin_de_mois=True),
    taux_penalites=D("12.15"),
    indemnite_forfaitaire=D("40"),
    mention_escompte="Pas d'escompte pour paiement anticipé",
    delai_livraison="3 semaines",
    port_ou_incoterm="Franco",
    reference_cgv=True,
    bon_pour_accord=True,
)


def codes(constats, gravite=None):
    return [c.code for c in constats if gravite is None or c.gravite == gravite]


def test_due_dates_of_the_reference_for_an_invoice_of_15_january_2026():
    facture = date(2026, 1, 15)
    assert date_echeance(facture, 60) == date(2026, 3, 16)
    assert date_echeance(facture, 45, fin_mois=True) == date(2026, 3, 17)
    assert date_echeance(facture, 45, True, JOURS_PUIS_FIN_DE_MOIS) == date(2026, 3, 31)


def test_late_penalty_of_the_reference_is_44_45_plus_40():
    p = penalite_retard(D("4451.50"), date(2026, 3, 16), date(2026, 4, 15))
    assert (p.jours_de_retard, p.taux, p.penalite, p.total) == (
        30,
        D("12.15"),
        D("44.45"),
        D("84.45"),
    )


def test_legal_rate_comes_from_the_ecb_table_plus_ten_points():
    assert taux_penalite_legal(date(2024, 9, 1)) == D("14.25")
    assert taux_penalite_legal(date(2024, 3, 1)) == D("14.50")
    assert taux_penalite_legal(date(2031, 1, 1)) is None


def test_a_complete_devis_has_no_error_nor_warning():
    constats = controler_devis(COMPLET)
    assert codes(constats, "erreur") == [] and codes(constats, "avertissement") == []


@pytest.mark.parametrize(
    "conditions, code",
    [
        (ConditionsPaiement(60), "delai_conforme"),
        (ConditionsPaiement(61), "delai_depasse"),
        (ConditionsPaiement(45, fin_de_mois=True), "delai_conforme"),
        (ConditionsPaiement(46, fin_de_mois=True), "delai_depasse"),
        (ConditionsPaiement(60, fin_de_mois=True), "delai_depasse"),
        (ConditionsPaiement(46, facture_periodique=True), "delai_depasse"),
        (ConditionsPaiement(31, transport_marchandises=True), "delai_depasse"),
        (ConditionsPaiement(31, acheteur_public="etat"), "delai_depasse"),
        (ConditionsPaiement(50, acheteur_public="hopital"), "delai_conforme"),
        (ConditionsPaiement(None), "delai_suppletif"),
        (
            ConditionsPaiement(30, fin_de_mois=True, fin_de_mois_stipule=False),
            "fin_de_mois_non_stipule",
        ),
    ],
)
def test_payment_terms_against_the_legal_caps(conditions, code):
    assert controler_delai(conditions)[0].code == code


def test_terms_beyond_the_cap_are_an_error_with_a_french_reason():
    constat = controler_delai(ConditionsPaiement(90))[0]
    assert constat.gravite == "erreur" and constat.champ == "conditions_paiement.jours"
    assert "au-delà du plafond légal de 60 jours date de facture" in constat.message
    assert constat.reference.startswith("C. com. L441-10")


@pytest.mark.parametrize(
    "modification, code",
    [
        ({"date_validite": None}, "validite_absente"),
        ({"date_validite": date(2026, 1, 10)}, "validite_anterieure"),
        ({"indemnite_forfaitaire": None}, "indemnite_absente"),
        ({"indemnite_forfaitaire": D("35")}, "indemnite_montant"),
        ({"taux_penalites": None}, "penalites_absentes"),
        (
            {
                "date_emission": date(2025, 9, 1),
                "date_validite": date(2025, 10, 1),
                "taux_penalites": D("8"),
            },
            "penalites_trop_basses",
        ),  # 3 × 2,76 % = 8,28 %
    ],
)
def test_missing_or_wrong_mandatory_items_are_errors(modification, code):
    assert code in codes(controler_devis(replace(COMPLET, **modification)), "erreur")


def test_missing_identity_and_mentions_are_warnings():
    constats = controler_devis(
        replace(
            COMPLET, vendeur=replace(VENDEUR, siren=""), mention_escompte="", reference_cgv=False
        )
    )
    assert set(codes(constats, "avertissement")) == {
        "mention_vendeur.siren",
        "mention_mention_escompte",
        "cgv",
    }


def test_a_long_validity_is_only_information():
    constats = controler_devis(replace(COMPLET, date_validite=date(2026, 6, 30)))
    assert "validite_longue" in codes(constats, "info")


@pytest.mark.parametrize(
    "modification, code, gravite",
    [
        ({"acompte_pourcentage": D("30"), "qualification_versement": "acompte"}, "acompte", "info"),
        (
            {"acompte_pourcentage": D("30"), "qualification_versement": "arrhes"},
            "arrhes",
            "avertissement",
        ),
        ({"acompte_pourcentage": D("30")}, "versement_non_qualifie", "avertissement"),
        ({"texte_conditions": "30 % d'arrhes à la commande"}, "arrhes", "avertissement"),
        (
            {"acompte_pourcentage": D("130"), "qualification_versement": "acompte"},
            "acompte_pourcentage",
            "erreur",
        ),
    ],
)
def test_acompte_versus_arrhes_wording(modification, code, gravite):
    assert code in codes(controler_devis(replace(COMPLET, **modification)), gravite)


def test_arrhes_warning_explains_the_right_to_withdraw():
    constats = controler_devis(
        replace(COMPLET, qualification_versement="arrhes", acompte_pourcentage=D("20"))
    )
    arrhes = next(c for c in constats if c.code == "arrhes")
    assert "rend le double" in arrhes.message and arrhes.reference == "C. civ. 1590"
