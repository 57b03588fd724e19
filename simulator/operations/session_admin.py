"""Administer class sessions: edit, close, archive, delete, remove or erase a student.

Deleting personal data is the one place where stored events are removed: the event log is
append-only for the application's work, but the RGPD's right to erasure and the retention rule
win over it. The deletion goes through Core statements, after counting what goes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import (
    Activity,
    ClassSession,
    ClassSessionJury,
    Evaluation,
    Event,
    Negotiation,
    Opportunity,
    ProspectionExercise,
    ProspectRow,
    ProspectTruth,
    Quote,
    SessionMode,
    Situation,
    SituationVersion,
    User,
)
from simulator.models._time import utcnow
from simulator.operations.errors import OperationError

#: what a deletion reports, in this order
COUNTED = ("students", "situations", "quotes", "negotiations", "evaluations", "events")


def _ids(query: Any) -> list[int]:
    return list(db.session.scalars(query))


def _plan(student_ids: list[int], session_id: int | None) -> dict[str, list[int]]:
    """The ids of every row that belongs to these students (and, if given, to the session)."""
    where: sa.ColumnElement[bool] = Situation.student_id.in_(student_ids)
    if session_id is not None:
        where = sa.or_(where, Situation.class_session_id == session_id)
    situations = _ids(sa.select(Situation.id).where(where))
    versions = _ids(
        sa.select(SituationVersion.id).where(SituationVersion.situation_id.in_(situations))
    )
    negotiations = _ids(
        sa.select(Negotiation.id).where(
            sa.or_(
                Negotiation.student_id.in_(student_ids),
                Negotiation.situation_version_id.in_(versions),
            )
        )
    )
    exercises = _ids(
        sa.select(ProspectionExercise.id).where(ProspectionExercise.student_id.in_(student_ids))
    )
    opportunities = _ids(sa.select(Opportunity.id).where(Opportunity.exercise_id.in_(exercises)))
    quotes = _ids(
        sa.select(Quote.id).where(
            sa.or_(Quote.student_id.in_(student_ids), Quote.situation_id.in_(situations))
        )
    )
    eval_where: sa.ColumnElement[bool] = Evaluation.student_id.in_(student_ids)
    if session_id is not None:
        eval_where = sa.or_(eval_where, Evaluation.class_session_id == session_id)
    evaluations = _ids(sa.select(Evaluation.id).where(eval_where))
    streams = [
        sa.and_(Event.stream_type == "negotiation", Event.stream_id.in_(negotiations)),
        sa.and_(
            Event.stream_type.in_(("situation", "risk_analysis")), Event.stream_id.in_(situations)
        ),
        sa.and_(Event.stream_type == "opportunity", Event.stream_id.in_(opportunities)),
        Event.user_id.in_(student_ids),
    ]
    if session_id is not None:
        streams.append(sa.and_(Event.stream_type == "class_session", Event.stream_id == session_id))
    events = _ids(sa.select(Event.id).where(sa.or_(*streams)))
    return {
        "students": list(student_ids),
        "situations": situations,
        "versions": versions,
        "negotiations": negotiations,
        "exercises": exercises,
        "opportunities": opportunities,
        "quotes": quotes,
        "evaluations": evaluations,
        "events": events,
    }


def counts(plan: dict[str, list[int]]) -> dict[str, int]:
    """How many rows of each kind the plan removes."""
    return {key: len(plan[key]) for key in COUNTED}


def _execute(plan: dict[str, list[int]], keep_evaluations: Iterable[int] = ()) -> None:
    keep = set(keep_evaluations)
    db.session.flush()
    run = db.session.execute
    run(sa.delete(Event).where(Event.id.in_(plan["events"])))
    run(sa.delete(Activity).where(Activity.opportunity_id.in_(plan["opportunities"])))
    run(sa.delete(Opportunity).where(Opportunity.id.in_(plan["opportunities"])))
    run(sa.delete(ProspectRow).where(ProspectRow.exercise_id.in_(plan["exercises"])))
    run(sa.delete(ProspectTruth).where(ProspectTruth.exercise_id.in_(plan["exercises"])))
    run(sa.delete(ProspectionExercise).where(ProspectionExercise.id.in_(plan["exercises"])))
    run(
        sa.delete(Evaluation).where(
            Evaluation.id.in_([e for e in plan["evaluations"] if e not in keep])
        )
    )
    run(sa.delete(Negotiation).where(Negotiation.id.in_(plan["negotiations"])))
    run(sa.delete(Quote).where(Quote.id.in_(plan["quotes"])))
    run(sa.delete(SituationVersion).where(SituationVersion.id.in_(plan["versions"])))
    run(sa.delete(Situation).where(Situation.id.in_(plan["situations"])))
    db.session.expire_all()


def session_plan(session: ClassSession) -> dict[str, list[int]]:
    """Everything a session's deletion removes: its students and all their work, its grids."""
    students = _ids(sa.select(User.id).where(User.class_session_id == session.id))
    return _plan(students, session.id)


def delete_session(session: ClassSession) -> dict[str, int]:
    """Delete the session, its students and all their work; return the counts."""
    plan = session_plan(session)
    _execute(plan)
    db.session.execute(
        sa.delete(ClassSessionJury).where(ClassSessionJury.class_session_id == session.id)
    )
    db.session.execute(sa.delete(User).where(User.id.in_(plan["students"])))
    db.session.execute(sa.delete(ClassSession).where(ClassSession.id == session.id))
    db.session.expire_all()
    return counts(plan)


def student_plan(student: User) -> dict[str, list[int]]:
    """Everything a student's erasure removes."""
    return _plan([student.id], None)


def signed_grade(student: User) -> Evaluation | None:
    """The signed, reconciled exam grid the school must keep, if any."""
    return db.session.scalar(
        sa.select(Evaluation).where(
            Evaluation.student_id == student.id,
            Evaluation.kind == "reconciled",
            Evaluation.signed_at.is_not(None),
        )
    )


def erase_student(student: User) -> tuple[str, dict[str, int]]:
    """Erase a student: all their rows and event streams go.

    The one exception is a signed exam grade, which the school must keep: then the student is
    pseudonymised instead (their name replaced, their resume code removed, their work deleted),
    and only the signed grid (levels and final mark, comments cleared) stays attached to the
    pseudonym. Return ("erased" | "pseudonymised", counts).
    """
    grade = signed_grade(student)
    plan = student_plan(student)
    if grade is None:
        _execute(plan)
        db.session.execute(sa.delete(User).where(User.id == student.id))
        db.session.expire_all()
        return "erased", counts(plan)
    _execute(plan, keep_evaluations=[grade.id])
    kept = db.session.get(Evaluation, grade.id)
    if kept is not None:
        kept.comments, kept.interview = {}, {}
    student = db.session.get(User, student.id) or student
    student.display_name = f"Candidat anonyme {student.id}"
    student.resume_code = None
    db.session.flush()
    found = counts(plan)
    found["evaluations"] -= 1
    return "pseudonymised", found


def own_student(session: ClassSession, student_id: int) -> User:
    """A student of this session, or a French 404."""
    student = db.session.get(User, student_id)
    if student is None or student.class_session_id != session.id:
        raise OperationError(_("Cet étudiant n’est pas dans cette session."), 404)
    return student


def pack_locked(session: ClassSession) -> bool:
    """Tell whether a situation was generated in the session (the pack can then not change)."""
    return (
        db.session.scalar(
            sa.select(sa.func.count(Situation.id)).where(Situation.class_session_id == session.id)
        )
        or 0
    ) > 0


def update_session(
    session: ClassSession, *, name: str, mode: SessionMode, pack_slug: str | None
) -> None:
    """Rename the session, change its mode, and its pack while no situation was generated."""
    shown = " ".join(name.split())[:120]
    if not shown:
        raise OperationError(_("Donnez un nom à la session."), 422)
    if (pack_slug or None) != session.pack_slug and pack_locked(session):
        raise OperationError(
            _(
                "Le pack ne peut plus changer : des situations ont déjà été générées dans "
                "cette session. Créez une nouvelle session pour travailler sur un autre pack."
            ),
            409,
        )
    session.name, session.mode, session.pack_slug = shown, mode, pack_slug or None
    db.session.flush()


def close_session(session: ClassSession) -> None:
    """No new joins, the work becomes read-only; the retention period starts now."""
    session.is_open = False
    session.closed_at = session.closed_at or utcnow()
    db.session.flush()


def reopen_session(session: ClassSession) -> None:
    """Open the session again (not an archived one)."""
    if session.archived:
        raise OperationError(_("Sortez d’abord la session des archives."), 409)
    session.is_open, session.closed_at = True, None
    db.session.flush()


def archive_session(session: ClassSession, archived: bool = True) -> None:
    """Archive (closing it first) or bring back a session."""
    if archived:
        close_session(session)
    session.archived = archived
    db.session.flush()
