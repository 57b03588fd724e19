"""Generate, store and read situations."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import PackVersion, Situation, SituationVersion, User
from simulator.operations import packs
from simulator.operations.handover import candidate_version
from simulator.scenarios.generator.core import generate
from simulator.scenarios.schema.pack import Pack
from simulator.scenarios.situation.model import to_json


def preview_snapshot(stored: PackVersion, seed: int) -> dict[str, Any]:
    """Generate the snapshot of (pack version, seed) without storing it."""
    return json.loads(to_json(generate(packs.parse(stored), seed)))


def draft_snapshot(pack: Pack, seed: int) -> dict[str, Any]:
    """Generate the snapshot of an unsaved, valid pack draft for a seed; nothing is stored."""
    return json.loads(to_json(generate(pack, seed)))


def create_situation(
    stored: PackVersion,
    seed: int,
    student: User | None = None,
    class_session_id: int | None = None,
    transform: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    origin: str = "generated",
) -> Situation:
    """Generate and store a situation with its version 0 (optionally transformed first)."""
    snapshot = preview_snapshot(stored, seed)
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
