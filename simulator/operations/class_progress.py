"""The trainer's class view: where each student of a session stands, computed in a few queries."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from cachetools import LRUCache

from simulator.extensions import db
from simulator.operations.evaluations import signed_grades
from simulator.models import (
    ClassSession,
    Event,
    Negotiation,
    PackVersion,
    ProspectionExercise,
    Quote,
    QuoteStatus,
    SessionMode,
    Situation,
    SituationVersion,
)
from simulator.models.negotiation import FINISHED
from simulator.operations import negotiations as ops
from simulator.operations.negotiation_debrief import debrief_of
from simulator.operations.risk_analysis import STREAM as RISK_STREAM

#: the furthest step reached, in the order a student goes through them
PHASES = ("absent", "preparation", "devis", "negociation", "debriefing")
OUTCOMES = {
    "deal": "accord",
    "no_deal": "pas_accord",
    "abandoned": "pas_accord",
    "running": "en_cours",
}

#: finished negotiation's identity -> debrief figures; a finished negotiation only changes when its
#: follow-up is saved, which bumps lock_version, so the key says when the figures are stale
_figures: LRUCache[tuple[Any, ...], Figures] = LRUCache(512)
_lock = threading.Lock()


def _identity(n: Negotiation) -> tuple[Any, ...]:
    """A finished negotiation: its row, version, game (situation version, seed) and end instant."""
    return n.id, n.lock_version, n.situation_version_id, n.seed, str(n.finished_at)


@dataclass(frozen=True)
class Figures:
    """What the class view keeps of a debrief."""

    score: Decimal
    margin: Decimal | None
    margin_target: Decimal
    margin_vs_target: Decimal | None
    zopa_share: Decimal | None
    value_left: Decimal | None
    concessions_given: Decimal


@dataclass
class Progress:
    """One student's row in the class view."""

    student_id: int
    name: str
    #: the attempt (one situation and its quotes, risk analysis, negotiation); None before any
    attempt: int | None = None
    situation_id: int | None = None
    origin: str | None = None
    #: how many attempts the student has (on the class view's latest row)
    attempt_count: int = 0
    pack_slug: str | None = None
    pack_version: int | None = None
    seed: int | None = None
    client: str | None = None
    quote_numbers: list[str] = field(default_factory=list)
    quote_draft: bool = False
    negotiation: Negotiation | None = None
    figures: Figures | None = None
    risk_best: tuple[int, int] | None = None
    risk_attempts: int = 0
    prospection: str | None = None
    overdue: bool = False
    exam: bool = False
    #: the board's signed mark (exam sessions): the grade of record
    jury_grade: Decimal | None = None

    @property
    def grade(self) -> Decimal | None:
        """The grade of record: the board's signed mark in an exam, else the simulator's."""
        if self.exam:
            return self.jury_grade
        return self.figures.score if self.figures else None

    @property
    def preparation_saved(self) -> bool:
        """Tell whether the C1.1 preparation sheet holds anything."""
        n = self.negotiation
        return n is not None and any(v for v in (n.preparation or {}).values())

    @property
    def follow_up_done(self) -> bool:
        """Tell whether the compte rendu de visite is written."""
        return self.negotiation is not None and bool(self.negotiation.follow_up)

    @property
    def phase(self) -> str:
        """The furthest phase reached: absent, preparation, devis, negociation, debriefing."""
        n = self.negotiation
        if n is not None and n.finished:
            return "debriefing"
        if n is not None and n.status == "running":
            return "negociation"
        if self.quote_numbers:
            return "devis"
        return "preparation" if self.client is not None or n is not None else "absent"

    @property
    def outcome(self) -> str | None:
        """accord, pas_accord, en_cours, or None before the negotiation starts."""
        return OUTCOMES.get(self.negotiation.status) if self.negotiation else None

    @property
    def to_release(self) -> bool:
        """Tell whether an exam debrief is finished and still held from the student."""
        n = self.negotiation
        return self.exam and n is not None and n.finished and not n.debrief_released

    @property
    def debrief_shown(self) -> bool:
        """Tell whether the student can read their debrief now."""
        n = self.negotiation
        return n is not None and n.finished and (n.debrief_released or not self.exam)


def class_progress(session: ClassSession, now: datetime | None = None) -> list[Progress]:
    """One row per student of the session: their latest attempt, with the count of attempts."""
    return latest_attempts(class_attempts(session, now))


def latest_attempts(rows: list[Progress]) -> list[Progress]:
    """Each student's latest attempt, from class_attempts' rows (they come in attempt order)."""
    latest: dict[int, Progress] = {}
    for row in rows:
        latest[row.student_id] = row
    return list(latest.values())


def class_attempts(
    session: ClassSession, now: datetime | None = None, student_id: int | None = None
) -> list[Progress]:
    """One row per attempt of each student (a student with none gets one empty row).

    Quotes, negotiations and risk analyses are attached to the situation they were made on, so
    a new attempt never pairs a client with another attempt's quote.
    """
    students = [s for s in session.students if student_id is None or s.id == student_id]
    if not students:
        return []
    exam = session.mode == SessionMode.EXAM
    ids = [s.id for s in students]
    by_student: dict[int, list[Progress]] = {s.id: [] for s in students}
    names = {s.id: s.display_name for s in students}
    by_situation: dict[int, Progress] = {}
    client = Situation.snapshot[("client", "company", "raison_sociale")].as_string()
    query = (
        sa.select(
            Situation.id,
            Situation.student_id,
            Situation.attempt,
            Situation.origin,
            Situation.seed,
            PackVersion.slug,
            PackVersion.version,
            client,
        )
        .outerjoin(PackVersion, PackVersion.id == Situation.pack_version_id)
        .where(Situation.student_id.in_(ids))
        .order_by(Situation.student_id, Situation.attempt, Situation.id)
    )
    for found in db.session.execute(query):
        sid, stu = int(found[0]), int(found[1])
        row = Progress(
            stu, names[stu], attempt=int(found[2]), situation_id=sid, origin=found[3], exam=exam
        )
        row.seed, row.pack_slug, row.pack_version, row.client = (
            found[4],
            found[5],
            found[6],
            found[7] or "",
        )
        by_student[stu].append(row)
        by_situation[sid] = row
    for s in students:
        if not by_student[s.id]:
            by_student[s.id].append(Progress(s.id, s.display_name, exam=exam))
        count = sum(1 for r in by_student[s.id] if r.attempt is not None)
        for row in by_student[s.id]:
            row.attempt_count = count
    _add_quotes(by_situation)
    _add_negotiations(by_situation, now)
    _add_risk(by_situation)
    if exam:  # the board's signed mark is the grade of record of the exam (latest) attempt
        for student_id, mark in signed_grades(ids).items():
            by_student[student_id][-1].jury_grade = mark
    prospection = dict(
        db.session.execute(
            sa.select(ProspectionExercise.student_id, ProspectionExercise.status).where(
                ProspectionExercise.student_id.in_(ids)
            )
        ).all()
    )
    rows = [row for s in students for row in by_student[s.id]]
    for row in rows:
        status = prospection.get(row.student_id)
        row.prospection = status.value if status is not None else None
    return rows


def _add_quotes(rows: dict[int, Progress]) -> None:
    if not rows:
        return
    query = (
        sa.select(Quote.situation_id, Quote.status, Quote.number)
        .where(Quote.situation_id.in_(list(rows)))
        .order_by(Quote.id)
    )
    for situation_id, status, number in db.session.execute(query):
        if status == QuoteStatus.DRAFT:
            rows[situation_id].quote_draft = True
        else:
            rows[situation_id].quote_numbers.append(number or "")


def _add_negotiations(rows: dict[int, Progress], now: datetime | None) -> None:
    if not rows:
        return
    query = (
        sa.select(SituationVersion.situation_id, Negotiation)
        .join(SituationVersion, SituationVersion.id == Negotiation.situation_version_id)
        .where(SituationVersion.situation_id.in_(list(rows)))
        .order_by(Negotiation.id)
    )
    for found in db.session.execute(query):
        rows[int(found[0])].negotiation = found[1]  # the attempt's latest negotiation
    latest = [r.negotiation for r in rows.values() if r.negotiation is not None]
    figures = figures_of([n for n in latest if n.finished])
    for row in rows.values():
        if row.negotiation is None:
            continue
        n = row.negotiation
        row.figures = figures.get(n.id)
        deadline = ops.aware(n.deadline)
        row.overdue = bool(now and n.status == "running" and deadline and deadline <= now)


def figures_of(finished: list[Negotiation]) -> dict[int, Figures]:
    """Debrief figures of finished negotiations, replayed once per (id, lock_version) and cached.

    The replay goes through game_of, the one place that knows how to rebuild a game (jury events,
    human buyer…); thanks to the cache, a polled class view replays a negotiation only once.
    """
    with _lock:
        found = {n.id: _figures[_identity(n)] for n in finished if _identity(n) in _figures}
    missing = [n for n in finished if n.id not in found]
    if missing:  # one query for the versions: each situation_version is then an identity-map hit
        list(
            db.session.scalars(
                sa.select(SituationVersion).where(
                    SituationVersion.id.in_({n.situation_version_id for n in missing})
                )
            )
        )
    for n in missing:
        found[n.id] = _remember(_identity(n), summarise(debrief_of(ops.game_of(n))))
    return found


def summarise(d: dict[str, Any]) -> Figures:
    """The few numbers of a debrief the class view shows."""
    m = d["mesures"]
    return Figures(
        score=d["note_sur_20"],
        margin=m.get("marge"),
        margin_target=m["marge_cible"],
        margin_vs_target=m.get("marge_vs_cible"),
        zopa_share=m.get("part_zopa"),
        value_left=m.get("valeur_laissee"),
        concessions_given=m["concessions_donnees"],
    )


def _remember(key: tuple[Any, ...], figures: Figures) -> Figures:
    with _lock:
        _figures[key] = figures
    return figures


def _add_risk(rows: dict[int, Progress]) -> None:
    if not rows:
        return
    query = sa.select(Event.stream_id, Event.payload).where(
        Event.stream_type == RISK_STREAM,
        Event.kind == "analyse_soumise",
        Event.stream_id.in_(list(rows)),
    )
    for found in db.session.execute(query):
        payload: dict[str, Any] = found[1] or {}
        result = payload.get("resultat", {})
        row = rows[int(found[0])]
        row.risk_attempts += 1
        attempt = (int(result.get("justes", 0)), int(result.get("total", 0)))
        if row.risk_best is None or attempt[0] > row.risk_best[0]:
            row.risk_best = attempt


def release_all(session: ClassSession) -> int:
    """Publish every finished, still held debrief of the session; return how many."""
    held = db.session.scalars(
        sa.select(Negotiation)
        .join(SituationVersion, SituationVersion.id == Negotiation.situation_version_id)
        .join(Situation, Situation.id == SituationVersion.situation_id)
        .where(
            Situation.class_session_id == session.id,
            Negotiation.status.in_(FINISHED),
            Negotiation.debrief_released.is_(False),
        )
    )
    count = 0
    for negotiation in held:
        negotiation.debrief_released = True
        count += 1
    db.session.flush()
    return count


def phase_counts(rows: list[Progress]) -> dict[str, int]:
    """How many students are at each phase."""
    counts = dict.fromkeys(PHASES, 0)
    for row in rows:
        counts[row.phase] += 1
    return counts
