"""Issue 16: a replay continued from a checkpoint equals the replay of every step from the start."""

from __future__ import annotations

from simulator.engine.negotiation.exam_hooks import poursuivre, rejouer
from tests.unit.scenarios.negotiation_setup.pack_strategies import setup

QUESTIONS = [
    {"type": "question", "theme": t}
    for t in ("besoin", "criteres", "budget", "delai", "decideurs", "concurrence")
]


def _offer(s, shift: int = 0) -> dict:
    """A package inside the declared grids (the middle value of each issue, moved by `shift`)."""
    terms = {}
    for e in s.enjeux:
        i = min(len(e.valeurs) - 1, max(0, len(e.valeurs) // 2 + shift))
        v = e.valeurs[i]
        terms[e.cle] = str(v) if not isinstance(v, int) else v
    return terms


def _steps():
    after = setup("materiel-electrique", 7, (("competitor.price_index", "95"),))
    return [
        ("coup", QUESTIONS[0]),
        ("coup", {"type": "reformulation", "texte": "Si je comprends bien…"}),
        ("coup", QUESTIONS[1]),
        ("setup", after, "Offre concurrente à −5 %"),
        ("coup", QUESTIONS[2]),
        ("coup", {"type": "offre", "termes": _offer(after)}),
        ("coup", QUESTIONS[3]),
        ("coup", {"type": "offre", "termes": _offer(after, 1)}),
    ]


def test_continuing_from_any_split_point_gives_the_full_replay():
    base = setup("materiel-electrique", 7)
    steps = _steps()
    for garanties in ((), tuple(o.id for o in base.objections)):
        full = rejouer(base, 5, steps, garanties)
        for k in range(len(steps) + 1):
            head = rejouer(base, 5, steps[:k], garanties)
            before = head.transcription.to_dict()
            resumed = poursuivre(head, steps[k:], garanties)
            assert resumed.transcription.to_dict() == full.transcription.to_dict(), k
            assert resumed.annonces == full.annonces and resumed.setup == full.setup
            assert head.transcription.to_dict() == before  # the checkpoint is left unchanged


def test_continuing_from_two_checkpoints_in_a_row_gives_the_full_replay():
    base = setup("materiel-electrique", 7)
    steps = _steps()
    full = rejouer(base, 9, steps)
    first = rejouer(base, 9, steps[:2])
    second = poursuivre(first, steps[2:5])
    assert poursuivre(second, steps[5:]).transcription.to_dict() == full.transcription.to_dict()
