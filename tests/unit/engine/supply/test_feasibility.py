"""Supplier feasibility and business risk (risque affaire) of a quote."""

from datetime import date
from decimal import Decimal as D

import pytest

from simulator.engine.errors import SupplyError
from simulator.engine.quote.models import Devis, LigneDevis
from simulator.engine.quote.pricing import calculer_devis
from simulator.engine.risk.business_risk import PenalitesContractuelles, evaluer_risque_affaire
from simulator.engine.supply.feasibility import analyser_faisabilite
from simulator.engine.supply.models import DemandeLivraison, EtatFournisseur, HausseAnnoncee

COMMANDE = date(2026, 1, 20)
DEMANDE = DemandeLivraison(COMMANDE, date(2026, 2, 10))  # 3 weeks


def ligne(ref, qte, cout="100.00", pu="150.00"):
    return LigneDevis(ref, f"Article {ref}", D(qte), D(pu), D(cout))


def etat(ref, stock, semaines, **kwargs):
    return EtatFournisseur(ref, D(stock), semaines, **kwargs)


def analyser(lignes, *etats, demande=DEMANDE):
    return analyser_faisabilite(lignes, {e.ref: e for e in etats}, demande)


def test_a_line_covered_by_stock_is_delivered_at_once():
    f = analyser([ligne("A", "5")], etat("A", "10", 4))
    assert f.faisable and f.lignes[0].statut == "en_stock"
    assert f.date_livraison_complete == COMMANDE


def test_a_replenishment_within_the_date_is_on_time_and_orders_the_moq():
    f = analyser([ligne("A", "20")], etat("A", "8", 2, quantite_minimale=D("50")))
    r = f.lignes[0]
    assert (r.statut, r.quantite_a_commander, r.surplus_moq) == ("a_temps", D("50"), D("38"))
    assert r.date_disponible == date(2026, 2, 3)
    assert [s.type for s in r.solutions] == ["commander_moq"]


def test_a_late_line_gets_partial_delivery_substitute_and_later_date():
    f = analyser([ligne("A", "2")], etat("A", "1", 5, substitut_ref="B"), etat("B", "4", 2))
    r = f.lignes[0]
    assert (r.statut, r.retard_jours, r.date_disponible) == ("en_retard", 14, date(2026, 2, 24))
    assert [s.type for s in r.solutions] == ["livraison_partielle", "substitut", "date_ulterieure"]
    assert not f.faisable and "24/02/2026" in f.synthese


def test_a_supplier_shortage_makes_the_missing_part_impossible():
    f = analyser([ligne("A", "10")], etat("A", "3", 2, risque_penurie="rupture"))
    r = f.lignes[0]
    assert r.statut == "impossible" and r.date_disponible is None
    assert [s.type for s in r.solutions] == ["livraison_partielle"]
    assert f.date_livraison_complete is None and "impossible" in f.synthese


def test_an_announced_increase_before_the_offer_ends_costs_the_missing_units():
    demande = DemandeLivraison(COMMANDE, date(2026, 3, 31), date(2026, 2, 14))
    hausses = (HausseAnnoncee(D("3"), date(2026, 2, 1)), HausseAnnoncee(D("2"), date(2026, 2, 10)))
    f = analyser([ligne("A", "10", "980.00")], etat("A", "4", 3, hausses=hausses), demande=demande)
    # 6 units × 980 × (1,03 × 1,02 − 1) = 5 880 × 0,0506 = 297,528 → 297,53
    assert f.lignes[0].surcout_hausse_ht == D("297.53") == f.surcout_total_ht


def test_an_order_below_the_supplier_franco_is_flagged():
    f = analyser([ligne("A", "3", "10.00")], etat("A", "0", 1, franco_seuil_ht=D("500.00")))
    assert "sous son franco" in f.lignes[0].alertes[0]


def test_a_service_without_supplier_data_is_not_tracked():
    f = analyser([ligne("MES", "1")], etat("A", "1", 1))
    assert f.faisable and f.lignes[0].statut == "non_suivi"


def test_bad_supply_input_gets_french_errors():
    with pytest.raises(SupplyError, match="risque_penurie"):
        analyser([ligne("A", "2")], etat("A", "0", 1, risque_penurie="grave"))
    with pytest.raises(SupplyError, match="delai_semaines"):
        analyser([ligne("A", "2")], etat("A", "0", -1))
    with pytest.raises(SupplyError, match="date souhaitée précède"):
        analyser(
            [ligne("A", "2")],
            etat("A", "0", 1),
            demande=DemandeLivraison(COMMANDE, date(2026, 1, 1)),
        )


def test_business_risk_combines_delay_penalties_margin_and_credit():
    lignes = [ligne("A", "10", "100.00", "150.00")]
    devis = calculer_devis(Devis(tuple(lignes)))  # net 1 500,00, marge 500,00
    f = analyser(lignes, etat("A", "0", 5))  # 14 days late → 2 weeks
    r = evaluer_risque_affaire(devis, f, PenalitesContractuelles(D("1"), D("5")), D("20"), 2)
    assert r.penalites_estimees_ht == D("30.00")  # 1 500 × 2 %
    assert r.marge_apres_aleas == D("470.00")
    assert {a.nom: a.note for a in r.axes} == {"delai": 3, "penalites": 2, "marge": 1, "credit": 2}
    assert (r.note_globale, r.niveau) == (3, "élevé")


def test_business_risk_is_critical_when_a_line_is_impossible_and_penalties_eat_the_margin():
    lignes = [ligne("A", "10", "140.00", "150.00")]
    devis = calculer_devis(Devis(tuple(lignes)))  # marge 100,00
    f = analyser(lignes, etat("A", "0", 1, risque_penurie="rupture"))
    r = evaluer_risque_affaire(devis, f, PenalitesContractuelles(D("1"), D("5")))
    assert r.penalites_estimees_ht == D("75.00")  # plafond 5 % × 1 500
    assert {a.nom: a.note for a in r.axes} == {"delai": 4, "penalites": 4, "marge": 3}
    assert r.niveau == "critique"
