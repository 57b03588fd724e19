"""Rebuild a negotiation from its event log: setups in force, AI or human turns, jury notices.

No state is kept in the process beyond caches keyed by immutable things (a version id, a
duration, the guaranteed objections), so any worker rebuilds the same game from the database.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa
from cachetools import LRUCache

from simulator.engine.negotiation import Etat, NegotiationSetup, Transcription
from simulator.engine.negotiation.exam_hooks import Rejeu, poursuivre, rejouer
from simulator.extensions import db
from simulator.models import Event, Negotiation, SituationVersion
from simulator.scenarios.negotiation_setup.adapter import setup_from_snapshot
from simulator.scenarios.situation.visibility import student_view

STREAM = "negotiation"
CACHE_SIZE = 64

#: keyed by SituationVersion.identity (id, number, snapshot sha256) and the duration
_setups: LRUCache[tuple[Any, int | None], NegotiationSetup] = LRUCache(CACHE_SIZE)
_views: LRUCache[Any, dict[str, Any]] = LRUCache(CACHE_SIZE)
#: negotiation id -> its latest replay checkpoint in this process (see `_resume`)
_checkpoints: LRUCache[int, Checkpoint] = LRUCache(512)
_lock = threading.Lock()


def _remember(cache: LRUCache, key: Any, value: Any) -> Any:
    with _lock:
        cache[key] = value
    return value


def _recall(cache: LRUCache, key: Any) -> Any:
    with _lock:
        return cache.get(key)


def setup_of(version: SituationVersion, duree_s: int | None = None) -> NegotiationSetup:
    """The engine setup of a version (immutable, so cached), with the exam's duration if given."""
    key = version.identity
    found = _recall(_setups, (key, duree_s))
    if found is not None:
        return found
    base = _recall(_setups, (key, None)) or _remember(
        _setups, (key, None), setup_from_snapshot(version.snapshot)
    )
    if duree_s is None or duree_s == base.duree_s:
        return base
    timed = replace(base, duree_s=duree_s)
    timed.__dict__["espace"] = base.espace  # the duration does not change the outcome space
    return _remember(_setups, (key, duree_s), timed)


def view_of(version: SituationVersion) -> dict[str, Any]:
    """The student's view of a version (filtered once, cached by id; treat it as read-only)."""
    key = version.identity
    return _recall(_views, key) or _remember(_views, key, student_view(version.snapshot))


@dataclass
class Game:
    """A negotiation with its setup in force, its events and the transcript replayed from them."""

    negotiation: Negotiation
    setup: NegotiationSetup
    events: list[Event]
    transcript: Transcription
    #: human mode: the seller's move still waiting for the juror's reply
    pending: dict[str, Any] | None = None
    #: the jury's events, each shown before the turn it takes effect at
    notices: list[dict[str, Any]] = field(default_factory=list)
    guaranteed: tuple[str, ...] = ()

    @property
    def state(self) -> Etat:
        """The buyer's state after the last move."""
        return self.transcript.etat

    @property
    def replies(self) -> list[dict[str, Any]]:
        """The stored buyer replies, in order (full, reasons included)."""
        return [e.payload for e in self.events if e.kind == "reponse"]

    @property
    def last_seq(self) -> int:
        """The position of the last event (0 before any)."""
        return self.events[-1].seq if self.events else 0


def load_events(negotiation: Negotiation) -> list[Event]:
    """The negotiation's events in order."""
    return list(
        db.session.scalars(
            sa.select(Event)
            .where(Event.stream_type == STREAM, Event.stream_id == negotiation.id)
            .order_by(Event.seq)
        )
    )


def start_settings(events: list[Event]) -> dict[str, Any]:
    """What the start event fixed: buyer mode, guaranteed objections, duration (older: none)."""
    debut = next((e.payload for e in events if e.kind == "debut"), {})
    return {
        "mode": debut.get("mode", "ai"),
        "garanties": tuple(debut.get("garanties", ())),
        "duree_s": debut.get("duree_s"),
    }


def _steps(
    events: list[Event], human: bool, duree_s: int | None
) -> tuple[list[tuple[Any, ...]], dict[str, Any] | None]:
    """Replay steps from the events; in human mode a move waits for the next recorded reply."""
    steps: list[tuple[Any, ...]] = []
    pending: dict[str, Any] | None = None
    for e in events:
        if e.kind == "evenement_jury":
            version = db.session.get_one(SituationVersion, e.payload["version_id"])
            steps.append(("setup", setup_of(version, duree_s), e.payload.get("annonce", "")))
        elif e.kind == "coup" and human:
            pending = e.payload
        elif e.kind == "coup":
            steps.append(("coup", e.payload))
        elif e.kind == "reponse" and human and pending is not None:
            steps.append(("humain", pending, e.payload))
            pending = None
    return steps, pending


@dataclass(frozen=True)
class Checkpoint:
    """The replay of a negotiation's first events, to continue from instead of replaying all.

    Only a cache: the event log stays the truth. It applies when the events it was made from
    are still the first ones loaded (same rows: id, seq, kind, time) under the same replay
    inputs (situation version identity, seed, buyer mode, start settings); otherwise the game
    is replayed from the start.
    """

    inputs: tuple[Any, ...]
    prefix: tuple[tuple[Any, ...], ...]
    replay: Rejeu


def _fingerprint(event: Event) -> tuple[Any, ...]:
    return (event.id, event.seq, event.kind, event.at)


def _inputs(negotiation: Negotiation, settings: dict[str, Any]) -> tuple[Any, ...]:
    return (
        negotiation.situation_version.identity,
        negotiation.seed,
        negotiation.buyer_mode,
        settings["duree_s"],
        settings["garanties"],
    )


def _resume(
    negotiation: Negotiation, events: list[Event], inputs: tuple[Any, ...]
) -> tuple[Rejeu | None, int]:
    """The checkpoint to continue from and the number of events it covers, or (None, 0)."""
    with _lock:
        found = _checkpoints.get(negotiation.id)
    if found is None or found.inputs != inputs or len(found.prefix) > len(events):
        return None, 0
    n = len(found.prefix)
    if found.prefix != tuple(_fingerprint(e) for e in events[:n]):
        return None, 0
    return found.replay, n


def game_of(negotiation: Negotiation) -> Game:
    """Rebuild the game from the event log (no state is kept in the process but a checkpoint
    cache: the replay continues from the latest checkpoint of the same events, so a turn's cost
    does not grow with the number of moves; `full_replay` gives the same game)."""
    return _game(negotiation, use_checkpoint=True)


def full_replay(negotiation: Negotiation) -> Game:
    """The game replayed from its first event, ignoring any checkpoint (the reference)."""
    return _game(negotiation, use_checkpoint=False)


def _game(negotiation: Negotiation, use_checkpoint: bool) -> Game:
    events = load_events(negotiation)
    settings = start_settings(events)
    setup = setup_of(negotiation.situation_version, settings["duree_s"])
    human = negotiation.buyer_mode == "human"
    inputs = _inputs(negotiation, settings)
    start: Rejeu | None = None
    done = 0
    if use_checkpoint:
        start, done = _resume(negotiation, events, inputs)
    steps, pending = _steps(events[done:], human, settings["duree_s"])
    if start is None:
        result = rejouer(setup, negotiation.seed, steps, settings["garanties"])
    else:
        result = poursuivre(start, steps, settings["garanties"])
    if use_checkpoint and pending is None and done < len(events):
        checkpoint = Checkpoint(
            inputs,
            tuple(_fingerprint(e) for e in events),
            # a copy: the caller may append to the game's transcript or replace its state
            Rejeu(
                replace(
                    result.transcription,
                    tours=list(result.transcription.tours),
                    etat=result.transcription.etat.copie(),
                ),
                result.setup,
                list(result.annonces),
            ),
        )
        with _lock:
            _checkpoints[negotiation.id] = checkpoint
    return Game(
        negotiation,
        result.setup,
        events,
        result.transcription,
        pending,
        result.annonces,
        settings["garanties"],
    )
