"""Jurors fill their grids, compare them, reconcile one grid and sign it (which locks it)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from simulator.engine.numbers import NumberRefused, parse_decimal, shown
from simulator.engine.scoring.criteria import NIVEAUX
from simulator.engine.scoring.grid import desaccords, niveau_valide, proposition
from simulator.extensions import db
from simulator.models import Evaluation, User
from simulator.models._time import utcnow
from simulator.operations.errors import ConflictError, OperationError
from simulator.operations.flushing import conflict_guard


def _levels(grid: Evaluation) -> dict[int, int]:
    return {int(n): int(level) for n, level in grid.levels.items()}


def my_grid(jury: User, student: User) -> Evaluation:
    """The juror's own grid for this candidate, created empty the first time."""
    grid = db.session.scalar(
        sa.select(Evaluation).where(
            Evaluation.student_id == student.id,
            Evaluation.jury_id == jury.id,
            Evaluation.kind == "individual",
        )
    )
    if grid is None:
        grid = Evaluation(
            class_session_id=student.class_session_id,
            student_id=student.id,
            jury_id=jury.id,
            kind="individual",
            levels={},
            comments={},
            interview={},
        )
        db.session.add(grid)
        db.session.flush()
    return grid


def individual_grids(student: User) -> list[Evaluation]:
    """Every juror's grid for this candidate."""
    return list(
        db.session.scalars(
            sa.select(Evaluation)
            .where(Evaluation.student_id == student.id, Evaluation.kind == "individual")
            .order_by(Evaluation.id)
        )
    )


def reconciled_grid(student: User) -> Evaluation | None:
    """The board's single reconciled grid, if started."""
    return db.session.scalar(sa.select(Evaluation).where(Evaluation.reconciled_for == student.id))


def parse_mark(text: str) -> Decimal | None:
    """A mark out of 20, French decimals accepted, or None when empty."""
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        mark = parse_decimal(text, max_abs=Decimal(1000))
    except NumberRefused:
        raise OperationError(_("La note « %(t)s » n'est pas un nombre.", t=shown(text))) from None
    if not Decimal(0) <= mark <= Decimal(20):
        raise OperationError(_("La note doit être comprise entre 0 et 20."))
    return mark.quantize(Decimal("0.1"))


def save(
    grid: Evaluation,
    lock: int,
    levels: dict[int, int],
    comments: dict[int, str],
    interview: dict[str, str],
    mark: str = "",
    shown: set[int] | None = None,
) -> None:
    """Store the grid if nobody saved it since the juror loaded it; a signed grid is locked.

    Only the criteria in `shown` (all when None) are replaced: a criterion the form did not show
    keeps its level and comment (a reconciled grid never loses what a juror scored).
    """
    if grid.signed_at is not None:
        raise ConflictError(_("Cette grille est signée : elle ne peut plus être modifiée."))
    if grid.lock_version != lock:
        raise ConflictError(
            _(
                "Cette grille a été modifiée entre-temps par un autre membre du jury. "
                "Rechargez-la : vos saisies n'ont pas été enregistrées."
            )
        )
    bad = [n for n, level in levels.items() if not niveau_valide(level)]
    if bad:
        raise OperationError(_("Niveau inconnu pour le critère %(n)s.", n=bad[0]))
    final_mark = parse_mark(mark)
    with conflict_guard(
        ConflictError(
            _("Cette grille vient d'être enregistrée par quelqu'un " "d'autre. Rechargez-la.")
        ),
        (StaleDataError,),
    ):
        replaced = set(range(1, 11)) if shown is None else shown
        kept_levels = {int(n): v for n, v in grid.levels.items() if int(n) not in replaced}
        kept_comments = {int(n): v for n, v in grid.comments.items() if int(n) not in replaced}
        new_levels = {n: lv for n, lv in levels.items() if n in replaced}
        new_comments = {
            n: text.strip()[:2000] for n, text in comments.items() if n in replaced and text.strip()
        }
        grid.levels = {str(n): lv for n, lv in sorted({**kept_levels, **new_levels}.items())}
        grid.comments = {str(n): t for n, t in sorted({**kept_comments, **new_comments}.items())}
        grid.interview = {k: v.strip()[:4000] for k, v in interview.items()}
        grid.final_mark = final_mark


def disagreements(student: User) -> list[int]:
    """Criteria where the jurors' levels differ."""
    return desaccords([_levels(g) for g in individual_grids(student)])


def start_reconciliation(student: User, jury: User) -> Evaluation | None:
    """Create the board's grid from the jurors' grids (lower median); idempotent."""
    existing = reconciled_grid(student)
    if existing is not None:
        return existing
    grids = individual_grids(student)
    if not grids:
        raise OperationError(_("Aucune grille individuelle à concilier."))
    comments: dict[str, Any] = {}
    for g in grids:
        for n, text in g.comments.items():
            comments[n] = (comments.get(n, "") + f"\n{g.jury.display_name} : {text}").strip()
    grid = Evaluation(
        class_session_id=student.class_session_id,
        student_id=student.id,
        jury_id=jury.id,
        kind="reconciled",
        reconciled_for=student.id,
        levels={str(n): lv for n, lv in proposition([_levels(g) for g in grids]).items()},
        comments=comments,
        interview=dict(grids[0].interview),
    )
    try:
        with conflict_guard(ConflictError(""), (sa.exc.IntegrityError,)):
            db.session.add(grid)
    except ConflictError:  # another juror started it at the same moment
        return reconciled_grid(student)
    return grid


#: negotiation statuses during which a grid is signed only « malgré tout »
NOT_ENDED = ("preparing", "running")


def sign(
    grid: Evaluation,
    jury: User,
    lock: int,
    negotiation_status: str | None = None,
    despite: bool = False,
) -> None:
    """Sign the reconciled grid; from now on it is locked.

    While the negotiation has not ended the board signs only « malgré tout » (despite), and the
    negotiation's status at that moment is recorded with the signature.
    """
    if grid.kind != "reconciled":
        raise OperationError(_("Seule la grille conciliée de la commission se signe."))
    if grid.signed_at is not None:
        raise ConflictError(_("Cette grille est déjà signée."))
    if grid.lock_version != lock:
        raise ConflictError(
            _("La grille a changé depuis votre lecture : relisez-la avant de signer.")
        )
    missing = [n for n in range(1, 11) if str(n) not in grid.levels]
    if len(missing) == 10:
        raise OperationError(
            _("La grille est vide : renseignez au moins un critère avant de signer.")
        )
    if negotiation_status in NOT_ENDED and not despite:
        raise OperationError(
            _(
                "La négociation n’est pas terminée : attendez sa fin pour signer, ou cochez "
                "« signer malgré tout » (l’état de la négociation sera consigné)."
            ),
            409,
        )
    grid.signed_at = utcnow()
    grid.signed_by_id = jury.id
    grid.signed_state = negotiation_status or "aucune"
    db.session.flush()


def freeze(grid: Evaluation, document: str) -> None:
    """Keep the signed grid's document as signed: its PDF never changes afterwards."""
    if grid.signed_at is None or grid.signed_document is not None:
        raise OperationError(_("Seule une grille signée se fige, une seule fois."), 409)
    grid.signed_document = document
    db.session.flush()


def level_label(index: int | None) -> str:
    """The French name of a level."""
    return NIVEAUX[index] if index is not None and niveau_valide(index) else "—"


def signed_grades(student_ids: list[int]) -> dict[int, Decimal]:
    """The board's signed mark of each candidate who has one: the grade of record of an exam."""
    if not student_ids:
        return {}
    query = sa.select(Evaluation.reconciled_for, Evaluation.final_mark).where(
        Evaluation.reconciled_for.in_(student_ids),
        Evaluation.signed_at.is_not(None),
        Evaluation.final_mark.is_not(None),
    )
    return {
        int(sid): Decimal(mark)
        for sid, mark in db.session.execute(query)
        if sid is not None and mark is not None
    }
