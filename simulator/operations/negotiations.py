"""Store and play a student's negotiation: the moves and replies are events, the state is replayed."""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from simulator.engine.negotiation import (
    Etat,
    NegotiationSetup,
    Reponse,
    Transcription,
    play,
    replay,
)
from simulator.engine.negotiation.coups import Coup, CoupInvalide, valider
from simulator.engine.negotiation.valeurs import ValeurInvalide
from simulator.extensions import db
from simulator.models import Event, Negotiation, SituationVersion, User
from simulator.operations.errors import ConflictError, OperationError
from simulator.operations.situations import current_version, ensure_student_situation
from simulator.scenarios.negotiation_setup import setup_from_snapshot
from simulator.scenarios.visibility import student_view

log = logging.getLogger(__name__)

STREAM = "negotiation"
CONCURRENT = ("Un autre onglet a joué en même temps : ce coup n'est pas enregistré. "
              "Rechargez la page pour voir l'échange à jour, puis rejouez votre coup.")
STALE = ("Cette fiche a été modifiée entre-temps (dans un autre onglet ou sur un autre poste) : "
         "rien n'est écrasé. Rechargez la page, puis refaites vos modifications.")
#: engine status -> negotiation status once the engine says it is over
FIN = {"conclue": "deal", "rompue": "no_deal", "expiree": "no_deal", "abandon": "abandoned"}

_setups: OrderedDict[int, NegotiationSetup] = OrderedDict()
_views: OrderedDict[int, dict[str, Any]] = OrderedDict()


def setup_of(version: SituationVersion) -> NegotiationSetup:
    """The engine setup of a situation version (versions are immutable, so it is cached by id)."""
    found = _setups.get(version.id)
    if found is None:
        found = setup_from_snapshot(version.snapshot)
        _setups[version.id] = found
        while len(_setups) > 64:
            _setups.popitem(last=False)
    return found


def view_of(version: SituationVersion) -> dict[str, Any]:
    """The student's view of a version (filtered once, cached by id; treat it as read-only)."""
    found = _views.get(version.id)
    if found is None:
        found = student_view(version.snapshot)
        _views[version.id] = found
        while len(_views) > 64:
            _views.popitem(last=False)
    return found


def aware(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes: they are UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


@dataclass
class Game:
    """A negotiation with its setup, its events and the transcript replayed from them."""

    negotiation: Negotiation
    setup: NegotiationSetup
    events: list[Event]
    transcript: Transcription

    @property
    def state(self) -> Etat:
        """The buyer's state after the last move."""
        return self.transcript.etat

    @property
    def replies(self) -> list[dict[str, Any]]:
        """The stored buyer replies, in order (full, reasons included)."""
        return [e.payload for e in self.events if e.kind == "reponse"]


def latest_of(student: User) -> Negotiation | None:
    """The student's most recent negotiation."""
    return db.session.scalar(sa.select(Negotiation).where(Negotiation.student_id == student.id)
                             .order_by(Negotiation.id.desc()).limit(1))


def negotiation_of(student: User, negotiation_id: int) -> Negotiation:
    """One of the student's own negotiations; another student's does not exist for them."""
    found = db.session.get(Negotiation, negotiation_id)
    if found is None or found.student_id != student.id:
        raise OperationError("Cette négociation n'existe pas.", 404)
    return found


def open_negotiation(student: User) -> Negotiation:
    """The student's negotiation, opened on their current situation version if none yet."""
    existing = latest_of(student)
    if existing is not None:
        return existing
    situation = ensure_student_situation(student)
    if situation is None:
        raise OperationError("Aucune situation ne vous est encore attribuée.", 404)
    version = current_version(situation)
    setup_of(version)  # refuse now, not mid-game, a situation that cannot be negotiated
    negotiation = Negotiation(situation_version_id=version.id, student_id=student.id,
                              buyer_mode="ai", status="preparing", seed=situation.seed or 0,
                              preparation={})
    db.session.add(negotiation)
    db.session.flush()
    log.info("négociation %s ouverte (étudiant %s)", negotiation.id, student.id)
    return negotiation


def _check_lock(negotiation: Negotiation, lock: int | None) -> None:
    if lock is not None and lock != negotiation.lock_version:
        raise ConflictError(STALE)


def _flush() -> None:
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        raise ConflictError(STALE) from None


def save_preparation(negotiation: Negotiation, sheet: dict[str, Any], lock: int | None) -> None:
    """Store the preparation sheet as typed (it stays editable until the end)."""
    _check_lock(negotiation, lock)
    negotiation.preparation = sheet
    _flush()


def begin(negotiation: Negotiation, now: datetime) -> None:
    """Start the clock: the deadline comes from the situation's duration."""
    if negotiation.status != "preparing":
        return
    setup = setup_of(negotiation.situation_version)
    negotiation.status = "running"
    negotiation.started_at = now
    negotiation.deadline = now + timedelta(seconds=setup.duree_s)
    _append(negotiation, 1, "system", "debut", {"graine": negotiation.seed,
                                                 "echeance": negotiation.deadline.isoformat()})
    _flush()


def load_events(negotiation: Negotiation) -> list[Event]:
    """The negotiation's events in order."""
    return list(db.session.scalars(sa.select(Event).where(
        Event.stream_type == STREAM, Event.stream_id == negotiation.id).order_by(Event.seq)))


def game_of(negotiation: Negotiation) -> Game:
    """Rebuild the game from the event log (no state is kept in the process)."""
    setup = setup_of(negotiation.situation_version)
    events = load_events(negotiation)
    moves = [e.payload for e in events if e.kind == "coup"]
    return Game(negotiation, setup, events, replay(setup, negotiation.seed, moves))


def _append(negotiation: Negotiation, seq: int, actor: str, kind: str,
            payload: dict[str, Any]) -> None:
    db.session.add(Event(stream_type=STREAM, stream_id=negotiation.id, seq=seq, actor=actor,
                         kind=kind, payload=payload, user_id=negotiation.student_id))


def elapsed(negotiation: Negotiation, now: datetime) -> float:
    """Seconds since the start, by the server's clock."""
    started = aware(negotiation.started_at)
    return 0.0 if started is None else max(0.0, (now - started).total_seconds())


def remaining(negotiation: Negotiation, now: datetime) -> int:
    """Whole seconds left before the deadline."""
    deadline = aware(negotiation.deadline)
    return 0 if deadline is None else max(0, int((deadline - now).total_seconds()))


def expire_if_due(negotiation: Negotiation, now: datetime) -> bool:
    """End a running negotiation whose deadline has passed; tell whether it did."""
    deadline = aware(negotiation.deadline)
    if negotiation.status != "running" or deadline is None or now < deadline:
        return False
    game = game_of(negotiation)
    statut = game.state.statut
    seq = (game.events[-1].seq if game.events else 0) + 1
    _append(negotiation, seq, "system", "temps_ecoule", {"statut_acheteur": statut})
    _finish(negotiation, "deal" if statut in ("accord", "conclue") else "no_deal", deadline)
    _commit_or_conflict()
    return True


def _finish(negotiation: Negotiation, status: str, at: datetime) -> None:
    negotiation.status = status
    negotiation.finished_at = at


def _commit_or_conflict() -> None:
    try:
        db.session.flush()
    except (IntegrityError, StaleDataError):
        db.session.rollback()
        raise ConflictError(CONCURRENT) from None


def read_move(setup: NegotiationSetup, move: dict[str, Any]) -> Coup:
    """Read and check a move against the setup; a French 400 when it cannot be played."""
    try:
        coup = Coup.from_dict(move)
        valider(setup, coup)
    except (CoupInvalide, ValeurInvalide, TypeError) as exc:
        raise OperationError(f"Coup refusé : {exc}", 400) from None
    return coup


def play_move(negotiation: Negotiation, move: dict[str, Any],
              now: datetime) -> tuple[Game, Reponse]:
    """Play one seller move: seller event then buyer event, at the next seq, in one transaction."""
    if negotiation.status == "preparing":
        raise OperationError("Commencez d'abord l'entretien depuis votre fiche de préparation.", 409)
    if expire_if_due(negotiation, now):
        raise OperationError("Le temps est écoulé : la négociation est terminée.", 409)
    if negotiation.finished:
        raise OperationError("La négociation est terminée : aucun coup ne peut plus être joué.",
                             409)
    game = game_of(negotiation)
    coup = read_move(game.setup, {**move, "temps_s": round(elapsed(negotiation, now), 1)})
    state, reply = play(game.setup, game.state, coup)
    seq = (game.events[-1].seq if game.events else 0) + 1
    _append(negotiation, seq, "seller", "coup", coup.to_dict())
    _append(negotiation, seq + 1, "buyer", "reponse", reply.to_dict())
    if state.statut in FIN:
        _finish(negotiation, FIN[state.statut], now)
    _commit_or_conflict()
    game.transcript.tours.append({"index": state.tour, "temps_s": state.temps_s,
                                  "coup": coup.to_dict(), "reponse": reply.to_dict()})
    game.transcript.etat = state
    game.events = load_events(negotiation)
    return game, reply


def save_follow_up(negotiation: Negotiation, follow_up: dict[str, Any], lock: int | None) -> None:
    """Store the compte rendu de visite and the next actions (after the end only)."""
    if not negotiation.finished:
        raise OperationError("Le compte rendu se rédige après la fin de l'entretien.", 409)
    _check_lock(negotiation, lock)
    negotiation.follow_up = follow_up
    _flush()
