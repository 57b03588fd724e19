"""A student's attempts in their session: every situation they started, never overwritten."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import Negotiation, Quote, QuoteStatus, Situation, SituationVersion, User
from simulator.operations.class_progress import Progress, class_attempts
from simulator.operations.errors import OperationError


def attempts_of(student: User) -> list[Progress]:
    """The student's attempts, oldest first (empty before the first situation)."""
    session = student.class_session
    if session is None:
        return []
    return [r for r in class_attempts(session, student_id=student.id) if r.attempt is not None]


@dataclass
class AttemptRecord:
    """One attempt as its student reopens it: the situation, its issued quotes, negotiations."""

    situation: Situation
    quotes: list[Quote]
    negotiations: list[Negotiation]
    current: bool


def attempt_of(student: User, number: int) -> AttemptRecord:
    """One of the student's own attempts by its number; another's does not exist for them."""
    situation = db.session.scalar(
        sa.select(Situation).where(Situation.student_id == student.id, Situation.attempt == number)
    )
    if situation is None:
        raise OperationError(_("Cette tentative n’existe pas."), 404)
    latest = db.session.scalar(
        sa.select(sa.func.max(Situation.attempt)).where(Situation.student_id == student.id)
    )
    quotes = list(
        db.session.scalars(
            sa.select(Quote)
            .where(Quote.situation_id == situation.id, Quote.status != QuoteStatus.DRAFT)
            .order_by(Quote.id)
        )
    )
    negotiations = list(
        db.session.scalars(
            sa.select(Negotiation)
            .join(SituationVersion, SituationVersion.id == Negotiation.situation_version_id)
            .where(SituationVersion.situation_id == situation.id)
            .order_by(Negotiation.id)
        )
    )
    return AttemptRecord(situation, quotes, negotiations, current=number == latest)


def has_attempt(student: User) -> bool:
    """Tell whether starting a situation now would start a new attempt (and needs confirming)."""
    return (
        db.session.scalar(
            sa.select(sa.func.count(Situation.id)).where(Situation.student_id == student.id)
        )
        or 0
    ) > 0


def require_confirmation(student: User, confirmed: bool) -> None:
    """Refuse to start a new attempt over an existing one unless the student confirmed it."""
    if has_attempt(student) and not confirmed:
        raise OperationError(
            _(
                "Vous avez déjà une situation de travail : cochez « Commencer une nouvelle "
                "tentative » pour confirmer. La précédente reste consultable dans « Mon espace »."
            ),
            409,
        )
