"""What the jury sets before the start: buyer mode, objections to test; the exam's duration."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import ClassSession, Negotiation, SessionMode, Situation, User
from simulator.operations import events
from simulator.operations.errors import OperationError

#: the jury's settings live in the situation's stream, beside the hand-over
STREAM = "situation"
KIND = "reglages_negociation"
MODES = ("ai", "human")


def jury_settings(situation: Situation) -> dict[str, Any]:
    """The latest settings the jury saved for this situation (simulated buyer, none by default)."""
    saved = events.stream(STREAM, situation.id, KIND)
    latest = saved[-1].payload if saved else {}
    return {"mode": latest.get("mode", "ai"), "garanties": list(latest.get("garanties", []))}


def save_settings(
    situation: Situation, mode: str, garanties: list[str], known: set[str], juror: User
) -> None:
    """Record the buyer mode and the objections to test (before the negotiation starts)."""
    if mode not in MODES:
        raise OperationError(_("Choisissez qui joue l’acheteur."))
    unknown = [g for g in garanties if g not in known]
    if unknown:
        raise OperationError(_("Objection inconnue : %(o)s.", o=", ".join(unknown)))
    events.append(
        STREAM,
        situation.id,
        "jury",
        KIND,
        {"mode": mode, "garanties": [g for g in garanties if g in known]},
        juror,
    )


def exam_session(negotiation: Negotiation) -> ClassSession | None:
    """The exam session the negotiation belongs to, if it is one."""
    situation = negotiation.situation_version.situation
    if situation.class_session_id is None:
        return None
    session = db.session.get(ClassSession, situation.class_session_id)
    return session if session is not None and session.mode == SessionMode.EXAM else None


def start_payload(negotiation: Negotiation, default_s: int) -> dict[str, Any]:
    """What the start event fixes: the jury's settings and the duration (the session's in exam)."""
    session = exam_session(negotiation)
    if session is None:
        return {"mode": "ai", "garanties": [], "duree_s": default_s}
    settings = jury_settings(negotiation.situation_version.situation)
    return {**settings, "duree_s": int(session.negotiation_minutes) * 60}
