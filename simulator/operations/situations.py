"""Generate, store and read situations."""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import sqlalchemy as sa
from faker import Faker

from simulator.extensions import db
from simulator.models import PackVersion, Situation, SituationVersion, User
from simulator.operations import packs
from simulator.operations.handover import candidate_version

from simulator.scenarios.generator.core import generate, new_faker
from simulator.scenarios.schema.pack import Pack
from simulator.scenarios.situation.model import to_json

#: one French Faker per thread: building one costs more than the generation itself, and
#: ``generate`` reseeds it, so reusing it gives the same situation for the same seed
_FAKERS = threading.local()


def _faker() -> Faker:
    faker: Faker | None = getattr(_FAKERS, "faker", None)
    if faker is None:
        faker = _FAKERS.faker = new_faker()
    return faker


def preview_snapshot(
    stored: PackVersion, seed: int, narrow: Callable[[Pack], Pack] | None = None
) -> dict[str, Any]:
    """Generate the snapshot of (pack version, seed) without storing it; `narrow` may first
    reduce the pack (e.g. to the archetype that fits a prospect)."""
    pack = packs.parse(stored)
    return json.loads(to_json(generate(narrow(pack) if narrow else pack, seed, _faker())))


def draft_snapshot(pack: Pack, seed: int) -> dict[str, Any]:
    """Generate the snapshot of an unsaved, valid pack draft for a seed; nothing is stored."""
    return json.loads(to_json(generate(pack, seed, _faker())))


def create_situation(
    stored: PackVersion,
    seed: int,
    student: User | None = None,
    class_session_id: int | None = None,
    transform: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    origin: str = "generated",
    narrow: Callable[[Pack], Pack] | None = None,
) -> Situation:
    """Generate and store a situation with its version 0 (optionally transformed first)."""
    snapshot = preview_snapshot(stored, seed, narrow)
    if transform is not None:
        snapshot = transform(snapshot)
    situation = Situation(
        attempt=next_attempt(student) if student else 1,
        pack_version_id=stored.id,
        seed=seed,
        origin=origin,
        student_id=student.id if student else None,
        class_session_id=class_session_id,
        snapshot=snapshot,
    )
    db.session.add(situation)
    db.session.flush()
    db.session.add(
        SituationVersion(
            situation_id=situation.id, n=0, overrides={}, snapshot=snapshot, reason="génération"
        )
    )
    db.session.flush()
    return situation


def next_attempt(student: User) -> int:
    """The number a new situation of this student gets: the previous attempts are all kept."""
    last = db.session.scalar(
        sa.select(sa.func.max(Situation.attempt)).where(Situation.student_id == student.id)
    )
    return (last or 0) + 1


def situation_of(student: User) -> Situation | None:
    """The student's situation in their class session, if any."""
    return db.session.scalar(
        sa.select(Situation)
        .where(Situation.student_id == student.id)
        .order_by(Situation.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class Headline:
    """What a list of candidates shows of a situation: the client company and the need."""

    situation_id: int
    company: str
    need: str


def headlines_of(student_ids: Sequence[int]) -> dict[int, Headline | None]:
    """Each student's latest situation headline (None when not generated yet), in one query:
    only two strings are read out of each snapshot, not the whole deferred JSON."""
    result: dict[int, Headline | None] = dict.fromkeys(student_ids)
    if not student_ids:
        return result
    latest = (
        sa.select(sa.func.max(Situation.id))
        .where(Situation.student_id.in_(student_ids))
        .group_by(Situation.student_id)
    )
    rows = db.session.execute(
        sa.select(
            Situation.student_id,
            Situation.id,
            Situation.snapshot[("client", "company", "raison_sociale")].as_string(),
            Situation.snapshot[("need", "label")].as_string(),
        ).where(Situation.id.in_(latest))
    )
    for row in rows:
        student_id, situation_id, company, need = cast(tuple[int, int, str | None, str | None], row)
        result[student_id] = Headline(situation_id, company or "", need or "")
    return result


def ensure_student_situation(student: User) -> Situation | None:
    """Give the student a situation of their session's pack, generated once with a fresh seed."""
    existing = situation_of(student)
    if existing is not None:
        return existing
    session = student.class_session
    if session is None or not session.pack_slug or not session.is_open:
        return None
    stored = packs.latest(session.pack_slug)
    if stored is None:
        return None
    return create_situation(stored, secrets.randbelow(1_000_000), student, session.id)


def current_version(situation: Situation) -> SituationVersion:
    """The version the student works on: the one the jury handed over, else the original.

    The jury's later versions stay invisible to the candidate until they are handed over.
    """
    return candidate_version(situation)
