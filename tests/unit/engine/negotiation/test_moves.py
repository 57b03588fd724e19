"""Conversation moves change the game as the curriculum says."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.engine.negotiation import CoupInvalide, NegotiationSetup, play, start
from simulator.engine.negotiation.reply import Reponse
from simulator.engine.negotiation.state import Etat

HAUT = {
    "prix": "3900",
    "delai": 6,
    "paiement": 30,
    "acompte": "30",
    "garantie": 12,
    "service": "aucun",
}
BAS = {
    "prix": "3400",
    "delai": 3,
    "paiement": 60,
    "acompte": "0",
    "garantie": 36,
    "service": "installation + formation",
}


def jouer_tout(
    s: NegotiationSetup, coups: list[dict[str, Any]], graine: int = 1
) -> tuple[Etat, list[Reponse]]:
    etat, reponses = start(s, graine), []
    for c in coups:
        etat, r = play(s, etat, c)
        reponses.append(r)
    return etat, reponses


def test_questions_reveal_facts_then_repeating_costs_patience(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup()
    etat, reps = jouer_tout(s, [{"type": "question", "theme": "budget"}] * 2)
    assert reps[0].fait and "38 000" in reps[0].fait["texte"]
    assert reps[1].raison["regle"] == "fait_epuise" and etat.patience < s.patience


def test_priorities_are_revealed_gradually_with_rapport(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(
        poids={"prix": 5, "delai": 3, "paiement": 1, "acompte": 1, "garantie": 1, "service": 1}
    )
    _, reps = jouer_tout(s, [{"type": "question", "theme": "criteres"}] * 2)
    assert reps[0].priorite == "prix" and reps[1].priorite is None
    _, reps = jouer_tout(
        s,
        [
            {"type": "question", "theme": "criteres"},
            {"type": "reformulation"},
            {"type": "question", "theme": "criteres"},
        ],
    )
    assert [r.priorite for r in reps] == ["prix", None, "delai"] and reps[1].emotion == "satisfait"


def test_arguments_on_real_motivations_raise_value_irrelevant_ones_cost_patience(
    make_setup,
) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(persona="expressif")
    etat, reps = jouer_tout(
        s,
        [
            {
                "type": "argument",
                "motivation": "nouveaute",
                "caracteristique": "c",
                "avantage": "a",
                "preuve": "p",
            }
        ],
    )
    assert etat.valeur_percue > 0 and reps[0].emotion == "intéressé"
    etat, reps = jouer_tout(s, [{"type": "argument", "motivation": "argent"}])
    assert etat.valeur_percue == 0 and etat.patience < s.patience


def test_free_concession_raises_expectations_conditional_one_does_not(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(objections=[])
    libre, _ = jouer_tout(
        s,
        [
            {"type": "offre", "termes": HAUT},
            {"type": "concession", "enjeu": "prix", "valeur": "3700"},
        ],
    )
    cond, reps = jouer_tout(
        s,
        [
            {"type": "offre", "termes": HAUT},
            {
                "type": "concession",
                "enjeu": "prix",
                "valeur": "3700",
                "contrepartie": {"enjeu": "garantie", "valeur": 12},
            },
        ],
    )
    assert libre.exigence > 0 and cond.exigence == 0
    assert reps[1].raison["mouvement"] == "concession_conditionnelle"


def test_an_open_objection_blocks_the_deal_until_treated(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup()
    etat, reps = jouer_tout(
        s,
        [
            {"type": "offre", "termes": BAS},
            {"type": "conclusion", "technique": "directe"},
            {"type": "traitement_objection", "objection": "fiabilite", "technique": "boomerang"},
            {"type": "traitement_objection", "objection": "fiabilite", "technique": "temoignage"},
            {"type": "conclusion", "technique": "alternative"},
        ],
    )
    assert reps[0].type == "objection" and reps[1].objection == "fiabilite"
    assert reps[2].emotion == "irrité" and reps[3].emotion == "satisfait"
    assert reps[4].type == "accepte" and etat.statut == "accord"


def test_summary_before_signature(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(objections=[])
    etat, reps = jouer_tout(
        s,
        [
            {"type": "offre", "termes": BAS},
            {"type": "conclusion", "technique": "directe"},
            {"type": "recapitulatif", "termes": {**BAS, "prix": "3500"}},
            {"type": "recapitulatif"},
        ],
    )
    assert reps[0].type == "accepte" and reps[1].type == "question"
    assert reps[2].emotion == "méfiant" and reps[3].type == "signature" and etat.statut == "conclue"


def test_summary_given_first_makes_acceptance_a_signature(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(objections=[])
    etat, reps = jouer_tout(
        s, [{"type": "recapitulatif", "termes": BAS}, {"type": "offre", "termes": BAS}]
    )
    assert reps[1].type == "signature" and etat.statut == "conclue"


def test_provisional_agreement_issue_by_issue(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(objections=[])
    etat, reps = jouer_tout(
        s,
        [{"type": "offre", "termes": {"delai": 3}}, {"type": "offre", "termes": {"prix": "3900"}}],
    )
    assert reps[0].type == "accord_partiel" and reps[0].enjeux_acceptes == ["delai"]
    assert etat.accords_partiels == {"delai": 3}
    assert reps[1].type == "contre_offre" and reps[1].termes and reps[1].termes["delai"] == 3


def test_counter_offer_never_asks_beyond_the_sellers_own_terms(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(objections=[])
    offre = {**HAUT, "garantie": 24, "service": "installation"}
    _, reps = jouer_tout(
        s, [{"type": "offre", "termes": offre}, {"type": "offre", "termes": offre, "temps_s": 1000}]
    )
    contre = reps[-1].termes
    assert reps[-1].type == "contre_offre" and contre is not None
    assert contre["delai"] <= 6 and int(contre["paiement"]) >= 30


def test_the_buyer_accepts_its_own_counter_offer(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(objections=[])
    _, reps = jouer_tout(s, [{"type": "offre", "termes": HAUT}])
    _, reps = jouer_tout(
        s, [{"type": "offre", "termes": HAUT}, {"type": "offre", "termes": reps[0].termes}]
    )
    assert reps[-1].type == "accepte"


def test_patience_runs_out_and_the_buyer_walks_away(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(persona="directif")
    etat, reps = jouer_tout(s, [{"type": "argument", "motivation": "orgueil"}] * 12)
    ruptures = [i for i, r in enumerate(reps) if r.type == "rupture"]
    assert (
        etat.statut == "rompue"
        and len(ruptures) == 1
        and reps[ruptures[0]].raison["regle"] == "patience_epuisee"
    )
    _, apres = play(s, etat, {"type": "question", "theme": "besoin"})
    assert apres.raison["regle"] == "negociation_terminee"


def test_time_runs_out(make_setup) -> None:  # type: ignore[no-untyped-def]
    s = make_setup(objections=[])
    etat, reps = jouer_tout(s, [{"type": "offre", "termes": HAUT, "temps_s": 1300}])
    assert etat.statut == "expiree" and reps[0].raison["regle"] == "temps_ecoule"


@pytest.mark.parametrize(
    "coup",
    [
        {"type": "danse"},
        {"type": "question", "theme": "meteo"},
        {"type": "offre", "termes": {"couleur": "rouge"}},
        {"type": "offre", "termes": {"prix": 3650.5}},
        {"type": "traitement_objection", "objection": "inconnue", "technique": "appui"},
        {"type": "offre", "termes": {"prix": "3650"}, "bonus": 1},
    ],
)
def test_invalid_moves_are_refused_in_french(make_setup, coup: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CoupInvalide):
        play(make_setup(), start(make_setup(), 1), coup)
