"""What the engine found in the candidate's transcript for each criterion: a suggestion, never a mark."""

from __future__ import annotations

from typing import Any

from simulator.models import User


def suggestions(student: User) -> dict[int, dict[str, Any]]:
    """Per criterion number: the engine's level, evidence turns and advice, if a negotiation exists."""
    from simulator.operations import negotiation_debrief, negotiations

    negotiation = negotiations.latest_of(student)
    if negotiation is None or negotiation.status in ("preparing",):
        return {}
    debrief = negotiation_debrief.debrief_of(negotiations.game_of(negotiation))
    return {c["numero"]: c for c in debrief["criteres"]}
