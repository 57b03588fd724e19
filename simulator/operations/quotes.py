"""Store a student's quotes: one draft per situation, saved with a lock, then issued and frozen."""

from __future__ import annotations

import copy
import logging
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from cachetools import LRUCache
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from simulator.extensions import db
from simulator.models import Quote, QuoteStatus, Situation, SituationVersion, User
from simulator.models._time import utcnow
from simulator.operations.errors import ConflictError, OperationError
from simulator.operations.flushing import conflict_guard
from simulator.operations.quote_analysis import QuoteAnalysis, analyse_quote
from simulator.operations.quote_forms import default_inputs, new_key
from simulator.operations.quote_view import to_document
from simulator.operations.situations import current_version, ensure_student_situation
from simulator.scenarios.situation.visibility import student_view

log = logging.getLogger(__name__)

STALE = (
    "Ce devis a été modifié entre-temps (dans un autre onglet ou sur un autre poste) : "
    "votre enregistrement est refusé pour ne rien écraser. Rechargez la page pour voir la "
    "version enregistrée, puis refaites vos modifications."
)
FROZEN = (
    "Ce devis est déjà émis : il est figé et ne peut plus être modifié. "
    "Ouvrez « Mon devis » pour préparer un nouveau brouillon."
)


@dataclass
class Workspace:
    """A student's situation, its snapshot as the student may see it, and the full one."""

    situation_id: int
    snapshot: dict[str, Any]
    view: dict[str, Any]


#: SituationVersion.identity -> student view; versions are append-only, never edited
_VIEWS: LRUCache[tuple[int, int, str], dict[str, Any]] = LRUCache(64)
_LOCK = threading.Lock()


def workspace(student: User) -> Workspace:
    """The student's situation and snapshots; 404 when no situation was given yet."""
    version = db.session.scalar(
        sa.select(SituationVersion)
        .join(Situation, Situation.id == SituationVersion.situation_id)
        .where(Situation.student_id == student.id)
        .order_by(Situation.id.desc(), SituationVersion.n.desc())
        .limit(1)
    )
    if version is None:
        situation = ensure_student_situation(student)
        if situation is None:
            raise OperationError("Aucune situation ne vous est encore attribuée.", 404)
        snapshot = current_version(situation).snapshot
        return Workspace(situation.id, snapshot, student_view(snapshot))
    key = version.identity
    with _LOCK:
        view = _VIEWS.get(key)
    if view is None:
        view = student_view(version.snapshot)
        with _LOCK:
            _VIEWS[key] = view
    return Workspace(version.situation_id, version.snapshot, view)


def draft_of(student: User, situation_id: int) -> Quote | None:
    """The student's draft on this situation, if any."""
    return db.session.scalar(
        sa.select(Quote)
        .where(
            Quote.student_id == student.id,
            Quote.situation_id == situation_id,
            Quote.status == QuoteStatus.DRAFT,
        )
        .order_by(Quote.id.desc())
        .limit(1)
    )


def issued_quotes(student: User) -> list[Quote]:
    """The student's issued quotes, newest first."""
    return list(
        db.session.scalars(
            sa.select(Quote)
            .where(Quote.student_id == student.id, Quote.status != QuoteStatus.DRAFT)
            .order_by(Quote.issued_at.desc(), Quote.id.desc())
        )
    )


def quote_of(student: User, quote_id: int) -> Quote:
    """One of the student's own quotes; another student's quote does not exist for them."""
    quote = db.session.get(Quote, quote_id)
    if quote is None or quote.student_id != student.id:
        raise OperationError("Ce devis n'existe pas.", 404)
    return quote


def starting_inputs(student: User, ws: Workspace) -> tuple[dict[str, Any], Quote | None]:
    """The draft's inputs, else a copy of the last issued quote, else the client's need."""
    draft = draft_of(student, ws.situation_id)
    if draft is not None:
        return draft.inputs, draft
    previous = next((q for q in issued_quotes(student) if q.situation_id == ws.situation_id), None)
    if previous is None:
        return default_inputs(ws.view), None
    inputs = copy.deepcopy(previous.inputs)
    for line in inputs["lines"]:
        line["key"] = new_key()
    return inputs, None


def _checked_draft(student: User, ws: Workspace, quote_id: int | None, lock: int | None) -> Quote:
    """The draft this form was opened on, refusing a frozen or stale one (409)."""
    if quote_id is None:
        if draft_of(student, ws.situation_id) is not None:
            raise ConflictError(STALE)
        quote = Quote(situation_id=ws.situation_id, student_id=student.id, inputs={})
        db.session.add(quote)
        return quote
    quote = quote_of(student, quote_id)
    if not quote.is_draft:
        raise ConflictError(FROZEN)
    if lock != quote.lock_version:
        raise ConflictError(STALE)
    return quote


def _stale_guard():
    """Write in a savepoint, turning a concurrent update of the same row into a 409."""
    return conflict_guard(ConflictError(STALE), (StaleDataError,))


def save_draft(
    student: User, ws: Workspace, inputs: dict[str, Any], quote_id: int | None, lock: int | None
) -> Quote:
    """Save the student's inputs as they are, even with errors: nothing typed is lost."""
    with _stale_guard():
        quote = _checked_draft(student, ws, quote_id, lock)
        quote.inputs, quote.updated_at = inputs, utcnow()  # every save bumps lock_version
    log.info("devis %s enregistré (brouillon, version %s)", quote.id, quote.lock_version)
    return quote


def issue(
    student: User,
    ws: Workspace,
    inputs: dict[str, Any],
    quote_id: int | None,
    lock: int | None,
    today: date,
) -> Quote | QuoteAnalysis:
    """Number and freeze the quote; return the analysis instead when it has errors."""
    analysis = analyse_quote(inputs, ws.view, today)
    if not analysis.issuable:
        return analysis
    quote = _checked_draft(student, ws, quote_id, lock)
    number = next_number(today.year)
    audit = analyse_quote(inputs, ws.snapshot, today, number)
    totals = to_document(audit, number, analysis.show_costs)
    _issue_numbered(quote, inputs, number, totals, today)
    log.info("devis %s émis sous le n° %s", quote.id, quote.number)
    return quote


def next_number(year: int) -> str:
    """The next sequential quote number of the year: D-2026-0001, D-2026-0002…"""
    prefix = f"D-{year}-"
    last = db.session.scalar(
        sa.select(sa.func.max(Quote.number)).where(Quote.number.like(f"{prefix}%"))
    )
    return f"{prefix}{int(last.removeprefix(prefix)) + 1 if last else 1:04d}"


def _issue_numbered(
    quote: Quote, inputs: dict[str, Any], number: str, totals: dict[str, Any], today: date
) -> None:
    """Freeze the quote under this number; if another quote took it meanwhile, take the next."""
    for _ in range(5):
        try:
            with db.session.begin_nested():
                quote.inputs, quote.number, quote.totals = inputs, number, totals
                quote.status, quote.issued_at = QuoteStatus.SENT, utcnow()
            return
        except IntegrityError:
            number = next_number(today.year)
            totals = {**totals, "number": number}
        except StaleDataError:
            raise ConflictError(STALE) from None
    raise ConflictError("Numérotation des devis momentanément indisponible : réessayez.")
