"""No hidden value (reservation, weights, BATNA, utilities, reasons) reaches the student during play."""

from __future__ import annotations

import json

import pytest

from simulator.engine.negotiation import play, public_reply, public_view, start
from tests.unit.engine.negotiation.seller_strategies import bradeur, habile, inflexible
from tests.unit.engine.negotiation.setup_factory import fabriquer

INTERDITS = (
    "raison",
    "reservation",
    "poids",
    "batna",
    "u_acheteur",
    "u_vendeur",
    "utilite",
    "patience",
    "valeur_percue",
    "exigence",
    "marge",
    "cible",
    "techniques",
    "regle",
    "exposant",
    "motivations",
)


@pytest.mark.parametrize("persona", ["directif", "analytique", "aimable", "expressif"])
@pytest.mark.parametrize("politique", [habile, bradeur, inflexible])
def test_public_view_and_replies_never_carry_hidden_values(persona: str, politique) -> None:  # type: ignore[no-untyped-def]
    for graine in range(3):
        s = fabriquer(persona=persona, graine=graine, reservation=0.3123)
        etat, rep, n = start(s, graine), None, 0
        while not etat.termine and n < 40:
            vue = public_view(etat, s)
            etat, r = play(s, etat, {**politique(s, vue, rep, n), "temps_s": 40 * (n + 1)})
            rep = public_reply(r)
            n += 1
            texte = json.dumps([public_view(etat, s), rep], ensure_ascii=False)
            for mot in INTERDITS:
                assert f'"{mot}' not in texte, mot
            assert "0.3123" not in texte and s.acheteur.batna not in texte
            for w in s.acheteur.poids.values():
                assert repr(w) not in texte and repr(round(w, 3)) not in texte
