"""Engine hooks for the exam: guaranteed objections, a setup switched at the next turn, a human buyer."""

from __future__ import annotations

from dataclasses import replace

import pytest

from simulator.engine.negotiation import replay, start
from simulator.engine.negotiation.exam_hooks import rejouer
from simulator.engine.negotiation.human_buyer import controler, jouer_humain, premier_controle
from simulator.engine.negotiation.moves import HorsPlage
from tests.unit.scenarios.negotiation_setup.pack_strategies import setup

QUESTIONS = [
    {"type": "question", "theme": t}
    for t in ("besoin", "criteres", "budget", "delai", "decideurs", "concurrence")
]
WORST = {
    "remise_pct": "0",
    "quantite": 36,
    "delai_livraison_semaines": 8,
    "delai_paiement_jours": 0,
    "acompte_pct": "40",
    "garantie_mois": 12,
    "services": "aucun",
}


def test_without_hooks_the_replay_is_the_engine_replay():
    s = setup("materiel-electrique", 7)
    moves = [*QUESTIONS, {"type": "offre", "termes": WORST}]
    assert (
        rejouer(s, 5, [("coup", m) for m in moves]).transcription.to_dict()
        == replay(s, 5, moves).to_dict()
    )


def test_every_guaranteed_objection_is_voiced_during_discovery():
    s = setup("materiel-electrique", 7)
    ids = [o.id for o in s.objections]
    tours = rejouer(s, 5, [("coup", m) for m in QUESTIONS], ids).transcription.tours
    voiced = [t["reponse"]["objection"] for t in tours if t["reponse"]["objection"]]
    assert sorted(voiced) == sorted(ids)


def test_a_jury_setup_takes_effect_at_the_next_turn_and_is_announced():
    before = setup("materiel-electrique", 7)
    after = setup("materiel-electrique", 7, (("competitor.price_index", "95"),))
    steps = [
        ("coup", QUESTIONS[0]),
        ("setup", after, "Offre concurrente à −5 %"),
        ("coup", QUESTIONS[1]),
    ]
    result = rejouer(before, 5, steps)
    assert result.setup is after
    assert result.annonces == [{"avant_tour": 2, "texte": "Offre concurrente à −5 %"}]
    assert rejouer(before, 5, steps).transcription.to_dict() == result.transcription.to_dict()


def test_a_human_counter_offer_moves_the_board_and_is_checked_against_the_limits():
    s = setup("materiel-electrique", 7)
    offer = {"type": "offre", "termes": WORST}
    counter = {
        "tour": 0,
        "type": "contre_offre",
        "texte": "Pas à ce prix.",
        "emotion": "méfiant",
        "termes": {"remise_pct": "10"},
        "raison": {},
    }
    state, rep = jouer_humain(s, start(s, 1), offer, counter)
    assert state.offre_vendeur == WORST and state.contre_offre["remise_pct"] == "10"
    assert rep.tour == 1 and state.statut == "en_cours"
    assert controler(s, state, rep)  # the worst package with 10 % is still below the reservation


def test_accepting_an_offer_below_the_reservation_warns_the_juror():
    s = setup("materiel-electrique", 7)
    accept = {"tour": 0, "type": "accepte", "texte": "D'accord.", "emotion": "satisfait"}
    warnings = premier_controle(s, start(s, 1), {"type": "offre", "termes": WORST}, accept)
    assert warnings and "limite de l'acheteur" in warnings[0]


def test_accepting_a_lead_time_the_supplier_cannot_keep_warns_the_juror():
    s = setup(
        "materiel-electrique",
        7,
        (("supplier.stock_coverage", "0"), ("supplier.lead_time_weeks", "5")),
    )
    best = {
        **WORST,
        "remise_pct": "25",
        "delai_livraison_semaines": 2,
        "delai_paiement_jours": 60,
        "acompte_pct": "0",
        "garantie_mois": 48,
        "quantite": 24,
    }
    accept = {"tour": 0, "type": "signature", "texte": "Signé.", "emotion": "satisfait"}
    # issue 11: 2 weeks is outside the declared range (5 to 9 weeks): refused before any reply
    with pytest.raises(
        HorsPlage, match="Délai de livraison : 2\xa0semaines hors de la plage 5 à 9"
    ):
        premier_controle(s, start(s, 1), {"type": "offre", "termes": best}, accept)
    # inside the range but below what the supplier can keep (the supplier slipped): a warning
    retard = replace(s, delai_min_semaines=6)
    best["delai_livraison_semaines"] = 5
    warnings = premier_controle(retard, start(retard, 1), {"type": "offre", "termes": best}, accept)
    assert any("fournisseur demande au moins 6" in w for w in warnings)


def test_a_human_signature_ends_the_negotiation_and_later_moves_are_ignored():
    s = setup("materiel-electrique", 7)
    sign = {"tour": 0, "type": "signature", "texte": "Signé.", "emotion": "satisfait"}
    steps = [("humain", {"type": "offre", "termes": WORST}, sign), ("coup", QUESTIONS[0])]
    tr = rejouer(s, 1, steps).transcription
    assert tr.etat.statut == "conclue" and tr.etat.accord == WORST and len(tr.tours) == 1
