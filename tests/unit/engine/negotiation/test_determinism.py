"""The state is a pure function of (setup, seed, moves) and survives a JSON round trip."""

from __future__ import annotations

import json

from simulator.engine.negotiation import Coup, Etat, play, replay, start
from tests.unit.engine.negotiation.seller_strategies import habile, jouer
from tests.unit.engine.negotiation.setup_factory import fabriquer


def test_same_moves_replay_to_the_same_transcript() -> None:
    s = fabriquer(persona="aimable", graine=4)
    _, coups = jouer(s, 4, habile)
    a = replay(s, 4, coups).to_dict()
    b = replay(
        fabriquer(persona="aimable", graine=4), 4, [Coup.from_dict(c) for c in coups]
    ).to_dict()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_state_rebuilt_from_json_plays_on_identically() -> None:
    s = fabriquer(persona="directif", graine=2)
    _, coups = jouer(s, 2, habile)
    etat = start(s, 2)
    for coup in coups:
        etat = Etat.from_dict(json.loads(json.dumps(etat.to_dict())))
        etat, _ = play(s, etat, coup)
    assert etat.to_dict() == replay(s, 2, coups).etat.to_dict()


def test_play_leaves_the_given_state_untouched() -> None:
    s = fabriquer()
    etat = start(s, 1)
    avant = json.dumps(etat.to_dict(), sort_keys=True)
    play(s, etat, {"type": "question", "theme": "besoin"})
    play(
        s,
        etat,
        {
            "type": "offre",
            "termes": {
                "prix": "3900",
                "delai": 6,
                "paiement": 30,
                "acompte": "30",
                "garantie": 12,
                "service": "aucun",
            },
        },
    )
    assert json.dumps(etat.to_dict(), sort_keys=True) == avant


def test_different_seeds_only_change_the_wording() -> None:
    s = fabriquer(persona="expressif", graine=1)
    _, coups = jouer(s, 1, habile)
    a, b = replay(s, 1, coups), replay(s, 99, coups)
    assert [t["reponse"]["type"] for t in a.tours] == [t["reponse"]["type"] for t in b.tours]
    assert a.etat.accord == b.etat.accord
