"""A student's personal data as one JSON-able record (the RGPD's right of access), and retention."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import (
    ClassSession,
    Evaluation,
    Event,
    Negotiation,
    Opportunity,
    ProspectionExercise,
    Quote,
    QuoteStatus,
    Situation,
    SituationVersion,
    User,
)
from simulator.operations.session_admin import counts, session_plan, student_plan
from simulator.scenarios.situation.visibility import student_view


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _events(plan_ids: list[int]) -> list[dict[str, Any]]:
    rows = db.session.scalars(sa.select(Event).where(Event.id.in_(plan_ids)).order_by(Event.id))
    return [
        {
            "flux": e.stream_type,
            "flux_id": e.stream_id,
            "n": e.seq,
            "acteur": e.actor,
            "type": e.kind,
            "donnees": e.payload,
            "le": _when(e.at),
        }
        for e in rows
    ]


def student_record(student: User) -> dict[str, Any]:
    """Everything stored about one student: identity, attempts, quotes, negotiations, grids, log.

    The hidden side of the situations (the buyer's limits) is not personal data and is left out:
    the situation is exported as the student saw it.
    """
    plan = student_plan(student)
    session = student.class_session
    situations = db.session.scalars(
        sa.select(Situation).where(Situation.id.in_(plan["situations"])).order_by(Situation.attempt)
    )
    attempts = []
    for s in situations:
        version = db.session.scalar(
            sa.select(SituationVersion)
            .where(SituationVersion.situation_id == s.id)
            .order_by(SituationVersion.n)
            .limit(1)
        )
        attempts.append(
            {
                "tentative": s.attempt,
                "origine": s.origin,
                "creee_le": _when(s.created_at),
                "situation": student_view(version.snapshot) if version is not None else None,
            }
        )
    quotes = [
        {
            "numero": q.number,
            "statut": q.status.value,
            "saisie": q.inputs,
            "totaux": q.totals,
            "emis_le": _when(q.issued_at),
        }
        for q in db.session.scalars(sa.select(Quote).where(Quote.id.in_(plan["quotes"])))
    ]
    negotiations = [
        {
            "id": n.id,
            "statut": n.status,
            "preparation": n.preparation,
            "compte_rendu": n.follow_up,
            "debut": _when(n.started_at),
            "fin": _when(n.finished_at),
        }
        for n in db.session.scalars(
            sa.select(Negotiation).where(Negotiation.id.in_(plan["negotiations"]))
        )
    ]
    grids = [
        {
            "type": e.kind,
            "niveaux": e.levels,
            "commentaires": e.comments,
            "entretien": e.interview,
            "note": str(e.final_mark) if e.final_mark is not None else None,
            "signee_le": _when(e.signed_at),
        }
        for e in db.session.scalars(
            sa.select(Evaluation).where(Evaluation.id.in_(plan["evaluations"]))
        )
    ]
    prospection = [
        {
            "criteres": ex.criteria,
            "plan": ex.plan,
            "resultat": ex.result,
            "opportunites": [
                {"prospect": o.prospect_id, "titre": o.title, "etape": o.stage}
                for o in db.session.scalars(
                    sa.select(Opportunity).where(Opportunity.exercise_id == ex.id)
                )
            ],
        }
        for ex in db.session.scalars(
            sa.select(ProspectionExercise).where(ProspectionExercise.id.in_(plan["exercises"]))
        )
    ]
    return {
        "etudiant": {
            "nom": student.display_name,
            "inscrit_le": _when(student.created_at),
            "session": session.name if session else None,
            "mode": session.mode.value if session else None,
        },
        "tentatives": attempts,
        "devis": quotes,
        "negociations": negotiations,
        "grilles": grids,
        "prospection": prospection,
        "journal": _events(plan["events"]),
    }


def issued_quotes(student: User) -> list[Quote]:
    """The student's issued quotes, whose PDFs go into the export."""
    return list(
        db.session.scalars(
            sa.select(Quote)
            .where(Quote.student_id == student.id, Quote.status != QuoteStatus.DRAFT)
            .order_by(Quote.id)
        )
    )


def parse_age(text: str) -> timedelta:
    """« 12m » (months), « 90d » (days) or « 1y » (years) as a duration; months count 30 days."""
    value = text.strip().lower()
    units = {"d": 1, "j": 1, "m": 30, "y": 365, "a": 365}
    if len(value) < 2 or value[-1] not in units or not value[:-1].isdigit():
        raise ValueError(value)
    number = int(value[:-1])
    if not 0 < number <= 1200:
        raise ValueError(value)
    return timedelta(days=number * units[value[-1]])


def purge_candidates(
    older_than: timedelta, now: datetime | None = None
) -> tuple[list[ClassSession], list[ClassSession]]:
    """Sessions past retention: (closed ones to delete, live ones refused).

    A session's age runs from its closing (closed_at), or from its creation when it was closed
    before closing dates were recorded. A session still open is never purged.
    """
    moment = now or datetime.now(timezone.utc)
    limit = moment - older_than
    to_delete: list[ClassSession] = []
    refused: list[ClassSession] = []
    for session in db.session.scalars(sa.select(ClassSession).order_by(ClassSession.id)):
        start = session.closed_at or session.created_at
        if start is not None and start.tzinfo is None:
            start = start.replace(tzinfo=timezone.utc)
        if start is None or start > limit:
            continue
        (refused if session.is_open else to_delete).append(session)
    return to_delete, refused


def purge_preview(session: ClassSession) -> dict[str, int]:
    """What the purge would delete from this session."""
    return counts(session_plan(session))
