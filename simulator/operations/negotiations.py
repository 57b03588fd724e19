"""Store and play a student's negotiation: the moves and replies are events, the state is replayed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from simulator.engine.negotiation import NegotiationSetup, Reponse
from simulator.engine.negotiation.exam_hooks import jouer_ia
from simulator.engine.negotiation.moves import Coup, CoupInvalide, HorsPlage, valider
from simulator.engine.negotiation.values import ValeurInvalide
from simulator.extensions import db
from simulator.models import Event, Negotiation, User
from simulator.operations.errors import ConflictError, OperationError
from simulator.operations.flushing import conflict_guard
from simulator.operations.negotiation_replay import (  # noqa: F401 (re-exported)
    STREAM,
    Game,
    _setups,
    game_of,
    load_events,
    setup_of,
    view_of,
)
from simulator.operations.negotiation_settings import start_payload
from simulator.operations.situations import current_version, ensure_student_situation

log = logging.getLogger(__name__)

CONCURRENT = (
    "Un autre onglet a joué en même temps : ce coup n'est pas enregistré. "
    "Rechargez la page pour voir l'échange à jour, puis rejouez votre coup."
)
STALE = (
    "Cette fiche a été modifiée entre-temps (dans un autre onglet ou sur un autre poste) : "
    "rien n'est écrasé. Rechargez la page, puis refaites vos modifications."
)
#: engine status -> negotiation status once the engine says it is over
FIN = {"conclue": "deal", "rompue": "no_deal", "expiree": "no_deal", "abandon": "abandoned"}

JURY_FIRST = (
    "Le jury vient d'annoncer un événement (« %s ») au moment où vous jouiez : votre coup "
    "n'est pas enregistré. Relisez l'échange (l'événement s'applique à votre prochain "
    "coup), puis rejouez-le."
)
WAIT = (
    "L'acheteur n'a pas encore répondu à votre dernier coup : attendez sa réponse "
    "(elle s'affiche d'elle-même)."
)


def aware(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes: they are UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def latest_of(student: User) -> Negotiation | None:
    """The student's most recent negotiation."""
    return db.session.scalar(
        sa.select(Negotiation)
        .where(Negotiation.student_id == student.id)
        .order_by(Negotiation.id.desc())
        .limit(1)
    )


def negotiation_of(student: User, negotiation_id: int) -> Negotiation:
    """One of the student's own negotiations; another student's does not exist for them."""
    found = db.session.get(Negotiation, negotiation_id)
    if found is None or found.student_id != student.id:
        raise OperationError("Cette négociation n'existe pas.", 404)
    return found


def open_negotiation(student: User) -> Negotiation:
    """The student's negotiation on their current situation, opened if none yet.

    A student who opens a new situation (a CRM opportunity) gets a new negotiation for it; the
    earlier one stays in the log for the debrief and the trainer's replay.
    """
    existing = latest_of(student)
    situation = ensure_student_situation(student)
    if existing is not None and (
        situation is None or existing.situation_version.situation_id == situation.id
    ):
        return existing
    if situation is None:
        raise OperationError(_("Aucune situation ne vous est encore attribuée."), 404)
    version = current_version(situation)
    setup_of(version)  # refuse now, not mid-game, a situation that cannot be negotiated
    negotiation = Negotiation(
        situation_version_id=version.id,
        student_id=student.id,
        buyer_mode="ai",
        status="preparing",
        seed=situation.seed or 0,
        preparation={},
    )
    db.session.add(negotiation)
    db.session.flush()
    log.info("négociation %s ouverte (étudiant %s)", negotiation.id, student.id)
    return negotiation


def _check_lock(negotiation: Negotiation, lock: int | None) -> None:
    if lock is not None and lock != negotiation.lock_version:
        raise ConflictError(STALE)


def _stale_guard():
    """The negotiation's row changed by someone else since it was read: a 409."""
    return conflict_guard(ConflictError(STALE), (StaleDataError,))


def save_preparation(negotiation: Negotiation, sheet: dict[str, Any], lock: int | None) -> None:
    """Store the preparation sheet as typed (it stays editable until the end)."""
    _check_lock(negotiation, lock)
    with _stale_guard():
        negotiation.preparation = sheet


def begin(negotiation: Negotiation, now: datetime) -> None:
    """Start the clock: the jury's settings and the duration (the session's in exam) are fixed."""
    if negotiation.status != "preparing":
        return
    fixed = start_payload(negotiation, setup_of(negotiation.situation_version).duree_s)
    with _stale_guard():
        negotiation.status = "running"
        negotiation.buyer_mode = fixed["mode"]
        negotiation.started_at = now
        negotiation.deadline = now + timedelta(seconds=fixed["duree_s"])
        _append(
            negotiation,
            1,
            "system",
            "debut",
            {"graine": negotiation.seed, "echeance": negotiation.deadline.isoformat(), **fixed},
        )


def _append(
    negotiation: Negotiation, seq: int, actor: str, kind: str, payload: dict[str, Any]
) -> Event:
    event = Event(
        stream_type=STREAM,
        stream_id=negotiation.id,
        seq=seq,
        actor=actor,
        kind=kind,
        payload=payload,
        user_id=negotiation.student_id,
    )
    db.session.add(event)
    return event


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
    with conflict_guard(ConflictError(CONCURRENT)):
        _append(negotiation, seq, "system", "temps_ecoule", {"statut_acheteur": statut})
        _finish(negotiation, "deal" if statut in ("accord", "conclue") else "no_deal", deadline)
    return True


def _finish(negotiation: Negotiation, status: str, at: datetime) -> None:
    negotiation.status = status
    negotiation.finished_at = at


@contextmanager
def _jury_first_guard(negotiation: Negotiation) -> Iterator[None]:
    """Write in a savepoint; when the jury's event took the same place first, say so (nothing
    is lost), otherwise refuse the concurrent write."""
    try:
        with conflict_guard(ConflictError(CONCURRENT)):
            yield
    except ConflictError:
        last = load_events(negotiation)[-1:]
        if last and last[0].kind == "evenement_jury":
            raise ConflictError(JURY_FIRST % last[0].payload.get("annonce", "")) from None
        raise


def read_move(setup: NegotiationSetup, move: dict[str, Any]) -> Coup:
    """Read and check a move against the setup; a French 400 when it cannot be played."""
    try:
        coup = Coup.from_dict(move)
        valider(setup, coup)
    except HorsPlage as exc:
        raise OperationError(f"Coup refusé : {exc}", 422) from None
    except (CoupInvalide, ValeurInvalide, TypeError) as exc:
        raise OperationError(f"Coup refusé : {exc}", 400) from None
    return coup


def _playable(negotiation: Negotiation, now: datetime) -> None:
    if negotiation.status == "preparing":
        raise OperationError(
            "Commencez d'abord l'entretien depuis votre fiche de préparation.", 409
        )
    if expire_if_due(negotiation, now):
        raise OperationError("Le temps est écoulé : la négociation est terminée.", 409)
    if negotiation.finished:
        raise OperationError(
            "La négociation est terminée : aucun coup ne peut plus être joué.", 409
        )


def play_move(
    negotiation: Negotiation, move: dict[str, Any], now: datetime
) -> tuple[Game, Reponse | None]:
    """Play one seller move: seller event then buyer event, at the next seq, in one transaction.

    With a human buyer only the move is stored; the juror's reply comes as the next event.
    """
    _playable(negotiation, now)
    game = game_of(negotiation)
    if game.pending is not None:
        raise OperationError(WAIT, 409)
    coup = read_move(game.setup, {**move, "temps_s": round(elapsed(negotiation, now), 1)})
    # the position this request saw (the game was replayed from it); a concurrent writer wins it
    seq = game.last_seq + 1
    if negotiation.buyer_mode == "human":
        with _jury_first_guard(negotiation):
            _append(negotiation, seq, "seller", "coup", coup.to_dict())
        return game_of(negotiation), None
    state, reply = jouer_ia(game.setup, game.state, coup, game.guaranteed)
    with _jury_first_guard(negotiation):
        written = [
            _append(negotiation, seq, "seller", "coup", coup.to_dict()),
            _append(negotiation, seq + 1, "buyer", "reponse", reply.to_dict()),
        ]
        if state.statut in FIN:
            _finish(negotiation, FIN[state.statut], now)
    game.transcript.tours.append(
        {
            "index": state.tour,
            "temps_s": state.temps_s,
            "coup": coup.to_dict(),
            "reponse": reply.to_dict(),
        }
    )
    game.transcript.etat = state
    game.events = [*game.events, *written]  # no other event can sit between: the seqs follow
    return game, reply


def save_follow_up(negotiation: Negotiation, follow_up: dict[str, Any], lock: int | None) -> None:
    """Store the compte rendu de visite and the next actions (after the end only)."""
    if not negotiation.finished:
        raise OperationError("Le compte rendu se rédige après la fin de l'entretien.", 409)
    _check_lock(negotiation, lock)
    with _stale_guard():
        negotiation.follow_up = follow_up
