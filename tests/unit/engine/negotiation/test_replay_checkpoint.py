"""Issue 16: a replay continued from a checkpoint equals the replay of every step from the start."""

from __future__ import annotations

from simulator.engine.negotiation.exam_hooks import poursuivre, rejouer
from tests.unit.scenarios.negotiation_setup.pack_strategies import setup

QUESTIONS = [
    {"type": "question", "theme": t}
    for t in ("besoin", "criteres", "budget", "delai", "decideurs", "concurrence")
]
OFFER = {
    "remise_pct": "4",
    "quantite": 36,
    "delai_livraison_semaines": 6,
    "delai_paiement_jours": 45,
    "acompte_pct": "20",
    "garantie_mois": 24,
    "services": "aucun",
}


def _steps():
    after = setup("materiel-electrique", 7, (("competitor.price_index", "95"),))
    return [
        ("coup", QUESTIONS[0]),
        ("coup", {"type": "reformulation", "texte": "Si je comprends bien…"}),
        ("coup", QUESTIONS[1]),
        ("setup", after, "Offre concurrente à −5 %"),
        ("coup", QUESTIONS[2]),
        ("coup", {"type": "offre", "termes": OFFER}),
        ("coup", QUESTIONS[3]),
        ("coup", {"type": "offre", "termes": {**OFFER, "remise_pct": "6"}}),
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
