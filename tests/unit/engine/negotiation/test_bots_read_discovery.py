"""The skilled bot argues to the motivations the buyer revealed in discovery, never the hidden ones.

Issue 11: motivations are now drawn per situation, so an argument matters per situation; the
bot must learn them the way a student does (the discovery answers), and still win.
"""

from __future__ import annotations

import dataclasses

import pytest

from simulator.engine.negotiation.bots import BOTS, habile, jouer
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.scoring import debrief
from tests.unit.scenarios.negotiation_setup.pack_strategies import PACKS, setup


def _argued(s: NegotiationSetup, graine: int) -> list[tuple[int, str]]:
    """(turn index, motivation) of each argument the skilled bot played."""
    tr = jouer(s, graine, habile)
    return [
        (k, t["coup"]["motivation"])
        for k, t in enumerate(tr.tours)
        if t["coup"]["type"] == "argument"
    ]


def _heard_before(s: NegotiationSetup, graine: int) -> list[set[str]]:
    """For each turn, the motivations the buyer's answers had tagged so far (public facts)."""
    tr = jouer(s, graine, habile)
    heard: set[str] = set()
    out = []
    for t in tr.tours:
        out.append(set(heard))
        fait = t["reponse"].get("fait") or {}
        if fait.get("motivation"):
            heard.add(fait["motivation"])
    return out


@pytest.mark.parametrize("slug", PACKS)
def test_the_skilled_bot_argues_only_what_it_heard_and_hits_the_real_motivations(slug: str) -> None:
    motivations_vues = set()
    for graine in range(1, 21):
        s = setup(slug, graine)
        argued, heard = _argued(s, graine), _heard_before(s, graine)
        assert argued, graine
        for k, motivation in argued:
            assert motivation in heard[k], (graine, k, motivation)
        assert [m for _, m in argued] == list(s.acheteur.motivations)
        motivations_vues.add(s.acheteur.motivations[0])
    assert len(motivations_vues) >= 3  # the arguments do change from one situation to the next


def test_changing_the_hidden_motivations_alone_does_not_change_the_bots_arguments() -> None:
    """Same public facts, other hidden motivations: the bot plays the same arguments."""
    s = setup("materiel-electrique", 7)
    autres = tuple(
        m for m in ("orgueil", "sympathie", "environnement") if m not in s.acheteur.motivations
    )
    cache = dataclasses.replace(s, acheteur=dataclasses.replace(s.acheteur, motivations=autres[:2]))
    heard = [m for _, m in _argued(s, 7)]
    assert heard == list(s.acheteur.motivations)
    assert [m for _, m in _argued(cache, 7)] == heard  # read from the facts, not the hidden side
    regles = {}
    for nom, x in (("vrai", s), ("cache", cache)):
        tr = jouer(x, 7, habile)
        regles[nom] = [
            t["reponse"]["raison"].get("regle") for t in tr.tours if t["coup"]["type"] == "argument"
        ]
    assert regles["vrai"] == ["argument_pertinent"] * len(heard)
    assert regles["cache"] == ["argument_hors_sujet"] * len(heard)  # the buyer judges, not the bot


@pytest.mark.parametrize("slug", PACKS)
def test_the_skilled_bot_still_wins_with_drawn_motivations(slug: str) -> None:
    for graine in range(1, 11):
        s = setup(slug, graine)
        notes = {
            b: debrief(s, jouer(s, graine, BOTS[b]))["note_sur_20"]
            for b in ("habile", "argument_repete")
        }
        assert float(notes["habile"]) > float(notes["argument_repete"]), (slug, graine)
