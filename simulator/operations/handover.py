"""Hand a (modified) situation over to the candidate, with a preparation timer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flask_babel import gettext as _

from simulator.models import Situation, SituationVersion, User
from simulator.operations import events
from simulator.operations.errors import OperationError
from simulator.operations.situation_versions import version_n

STREAM = "situation"
#: the optional message the jury writes for the candidate (the only free text they receive)
MAX_MESSAGE = 500
#: annexes the jury may include, in the order of the candidate's file
ANNEXES = ("fiche_client", "besoin", "etats_financiers", "catalogue", "fournisseurs", "concurrence")


@dataclass(frozen=True)
class Handover:
    """What the candidate received: which version, how shown, and the preparation time."""

    version: int
    highlight: bool
    annexes: tuple[str, ...]
    preparation_minutes: int
    at: datetime
    preparation_started_at: datetime | None
    message: str = ""

    @property
    def preparation_deadline(self) -> datetime | None:
        """When the preparation time ends, once the candidate has opened the situation."""
        if self.preparation_started_at is None:
            return None
        return self.preparation_started_at + timedelta(minutes=self.preparation_minutes)


def hand_over(
    situation: Situation,
    n: int,
    jury: User,
    highlight: bool,
    annexes: list[str],
    preparation_minutes: int,
    message: str = "",
) -> None:
    """Record the hand-over of version n; the timer starts when the candidate opens it.

    The candidate gets the visible facts that changed and, if any, the jury's message; never the
    versions' reasons, numbers or history.
    """
    version_n(situation, n)
    chosen = tuple(a for a in ANNEXES if a in annexes)
    if not chosen:
        raise OperationError(_("Choisissez au moins une annexe à remettre."))
    if not 0 < preparation_minutes <= 120:
        raise OperationError(_("Le temps de préparation doit être compris entre 1 et 120 minutes."))
    events.append(
        STREAM,
        situation.id,
        "jury",
        "handover",
        {
            "version": n,
            "highlight": highlight,
            "annexes": list(chosen),
            "preparation_minutes": preparation_minutes,
            "message": " ".join(message.split())[:MAX_MESSAGE],
        },
        jury,
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def current_handover(situation: Situation) -> Handover | None:
    """The latest hand-over and whether the candidate has started preparing it."""
    log = events.stream(STREAM, situation.id)
    given = [e for e in log if e.kind == "handover"]
    if not given:
        return None
    last = given[-1]
    started = next(
        (e.at for e in log if e.kind == "preparation_started" and e.seq > last.seq), None
    )
    p = last.payload
    return Handover(
        p["version"],
        p["highlight"],
        tuple(p["annexes"]),
        p["preparation_minutes"],
        _aware(last.at),
        _aware(started) if started else None,
        str(p.get("message") or ""),
    )


def open_for_candidate(situation: Situation, student: User) -> Handover | None:
    """The candidate opens the handed-over situation: start the preparation clock once."""
    handover = current_handover(situation)
    if handover is not None and handover.preparation_started_at is None:
        events.append(
            STREAM,
            situation.id,
            "system",
            "preparation_started",
            {"version": handover.version},
            student,
        )
        handover = current_handover(situation)
    return handover


def candidate_version(situation: Situation) -> SituationVersion:
    """The version the candidate works on: the one handed over, else the original."""
    handover = current_handover(situation)
    return version_n(situation, handover.version if handover else 0)
