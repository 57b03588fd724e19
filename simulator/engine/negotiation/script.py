"""Scripted play for `simulator negotiate`: moves JSON in, transcript + outcome + debrief out."""

from __future__ import annotations

from typing import Any

from simulator.engine.negotiation.moves import Coup
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.turns import replay
from simulator.engine.scoring import debrief, jsonifier


def lire_coups(moves_json: Any) -> list[Coup]:
    """Accept a list of moves or {"coups": [...]} (the file format of docs/examples/moves_*.json)."""
    coups = moves_json.get("coups", []) if isinstance(moves_json, dict) else moves_json
    return [Coup.from_dict(c) for c in coups]


def play_script(setup: NegotiationSetup, seed: int, moves_json: Any) -> dict[str, Any]:
    """Play the moves against the buyer; return JSON-safe transcript, outcome and debrief."""
    tr = replay(setup, seed, lire_coups(moves_json))
    etat = tr.etat
    accord = etat.accord if etat.statut in ("accord", "conclue") else None
    resultat = {
        "statut": etat.statut,
        "accord": accord is not None,
        "formalise": etat.statut == "conclue",
        "termes": accord,
        "tours": etat.tour,
        "temps_s": etat.temps_s,
    }
    sortie: dict[str, Any] = jsonifier(
        {"transcription": tr.to_dict(), "resultat": resultat, "debrief": debrief(setup, tr)}
    )
    return sortie
