"""The evaluation grid pages: my grid, the board's disagreements, reconciliation, sign-off, PDF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from flask import redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from pydantic import BaseModel, BeforeValidator
from werkzeug.datastructures import MultiDict

from simulator.engine.numbers import int_or_none
from simulator.engine.scoring.criteria import NIVEAUX
from simulator.engine.scoring.grid import COMPETENCES, SITUATION_2, lignes
from simulator.models import ClassSession, Evaluation, User
from simulator.operations import evaluations, jury, negotiations
from simulator.operations.errors import OperationError
from simulator.web.forms import parse_form
from simulator.web.grid_export import grid_document
from simulator.web.jury import bp
from simulator.web.once import replay_of
from simulator.web.jury.grid_evidence import suggestions
from simulator.web.jury.live_view import interview_questions
from simulator.web.pdf import pdf_response
from simulator.web.rendering import render_page
from simulator.web.transaction import record_first_opening, savepoint

CRITERIA = range(1, 11)
INTERVIEW_FIELDS = ("valeur_ajoutee", "suivi_propose", "notes")


def _lock(value: Any) -> int:
    """The grid version the form was opened on; -1 (always stale) when missing or unreadable."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


class GridForm(BaseModel):
    """A juror's grid as posted: levels of the ten criteria, comments, interview notes, mark."""

    lock: Annotated[int, BeforeValidator(_lock)]
    levels: dict[int, int]
    comments: dict[int, str]
    interview: dict[str, str]
    final_mark: str
    #: the criteria the form showed: only those are replaced, the others keep their levels
    shown: list[int]

    @staticmethod
    def shape(form: MultiDict) -> dict[str, Any]:
        """Levels left unset (or not a number) are left out; other fields as typed."""
        return {
            "lock": form.get("lock"),
            "levels": {
                n: level
                for n in CRITERIA
                if (level := int_or_none(form.get(f"level-{n}", ""), high=9)) is not None
            },
            "comments": {n: form.get(f"comment-{n}", "") for n in CRITERIA},
            "interview": {k: form.get(k, "") for k in INTERVIEW_FIELDS},
            "final_mark": form.get("final_mark", ""),
            "shown": _shown(form.get("shown")),
        }


def _shown(raw: str | None) -> list[int]:
    """The criteria numbers a grid form listed (all ten when the field is missing)."""
    if raw is None:
        return list(CRITERIA)
    numbers = {int_or_none(part.strip(), high=10) for part in raw.split(",")[:10]}
    return sorted(n for n in numbers if n is not None and n in CRITERIA)


def default_criteria(session: ClassSession) -> tuple[str, ...] | None:
    """Competences the grid shows by default: situation 2 in CCF, all ten in the ponctuelle form."""
    return None if session.exam_form == "ponctuelle" else SITUATION_2


def _posted() -> GridForm:
    parsed, errors = parse_form(GridForm, GridForm.shape(request.form))
    if parsed is None:  # cannot happen: every field is shaped to be valid
        raise ValueError(errors)
    return parsed


def _context(student, error: str | None = None) -> dict:
    mine = evaluations.my_grid(current_user, student)
    show_all = request.values.get("criteres") == "tous"
    others = evaluations.individual_grids(student)
    board = evaluations.reconciled_grid(student)
    # a criterion anyone scored is always shown, whatever the default selection
    scored = {int(n) for g in [mine, *others, *([board] if board else [])] for n in g.levels}
    default = {r.numero for r in lignes(default_criteria(student.class_session))}
    rows = [r for r in lignes() if show_all or r.numero in default or r.numero in scored]
    return {
        "student": student,
        "mine": mine,
        "others": others,
        "board": board,
        "error": error,
        "rows": rows,
        "show_all": show_all,
        "competences": COMPETENCES,
        "scale": NIVEAUX,
        "disagree": evaluations.disagreements(student),
        "suggested": suggestions(student),
        "typed": request.form if error else {},
        "questions": interview_questions(student),
    }


def _page(student_id: int, action=None) -> ResponseReturnValue:
    student = jury.candidate_for(current_user, student_id)
    if action is None:
        context = _context(student)
        record_first_opening()
        return render_page("jury/grid.html", **context)
    try:
        with savepoint():
            action(student)
    except OperationError as refused:
        return render_page(
            "jury/grid.html", status=refused.status_code, **_context(student, refused.message)
        )
    return redirect(url_for("jury.grid", student_id=student_id) + "#commission", 303)


@bp.get("/candidats/<id:student_id>/grille")
def grid(student_id: int) -> ResponseReturnValue:
    """My grid, the other jurors' levels, and the board's grid."""
    return _page(student_id)


def _save(grid_of: Callable[[User], Evaluation]) -> Callable[[User], None]:
    def run(student: User) -> None:
        form = _posted()
        evaluations.save(
            grid_of(student),
            form.lock,
            form.levels,
            form.comments,
            form.interview,
            form.final_mark,
            set(form.shown),
        )

    return run


@bp.post("/candidats/<id:student_id>/grille")
def grid_save(student_id: int) -> ResponseReturnValue:
    """Save my own grid."""
    return _page(student_id, _save(lambda st: evaluations.my_grid(current_user, st)))


@bp.post("/candidats/<id:student_id>/grille/concilier")
def grid_reconcile(student_id: int) -> ResponseReturnValue:
    """Start the board's grid from the jurors' grids."""
    return _page(student_id, lambda st: evaluations.start_reconciliation(st, current_user))


def _board(student) -> Evaluation:
    board = evaluations.reconciled_grid(student)
    if board is None:
        raise OperationError(_("La grille de la commission n’est pas encore commencée."), 404)
    return board


@bp.post("/candidats/<id:student_id>/grille/commission")
def grid_board_save(student_id: int) -> ResponseReturnValue:
    """Save the board's reconciled grid."""
    return _page(student_id, _save(_board))


@bp.post("/candidats/<id:student_id>/grille/signer")
def grid_sign(student_id: int) -> ResponseReturnValue:
    """Sign the board's grid, which locks it and freezes its document (and so its PDF).

    A replay of the same form (one-time token) shows the signed grid.
    """
    if replay_of() is not None:
        return redirect(url_for("jury.grid", student_id=student_id) + "#commission", 303)

    def run(student: User) -> None:
        board = _board(student)
        negotiation = negotiations.latest_of(student)
        evaluations.sign(
            board,
            current_user,
            _posted().lock,
            negotiation.status if negotiation else None,
            request.form.get("malgre_tout") == "1",
        )
        evaluations.freeze(board, grid_document(student, current_user)[0])

    return _page(student_id, run)


@bp.get("/candidats/<id:student_id>/grille.pdf")
def grid_pdf(student_id: int) -> ResponseReturnValue:
    """The board's grid (or mine if not reconciled yet) as a PDF."""
    student = jury.candidate_for(current_user, student_id)
    html, filename = grid_document(student, current_user)
    return pdf_response(html, filename)
