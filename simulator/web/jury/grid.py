"""The evaluation grid pages: my grid, the board's disagreements, reconciliation, sign-off, PDF."""

from __future__ import annotations

from flask import redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.engine.numbers import int_or_none
from simulator.engine.scoring.criteres import NIVEAUX
from simulator.engine.scoring.grille import COMPETENCES, SITUATION_2, lignes
from simulator.extensions import db
from simulator.models import Evaluation, Role
from simulator.operations import evaluations, jury
from simulator.operations.errors import OperationError
from simulator.operations.grid_evidence import suggestions
from simulator.operations.grid_export import grid_document
from simulator.operations.jury_live_view import interview_questions
from simulator.web.jury import bp
from simulator.web.pdf import pdf_response
from simulator.web.rendering import render_page
from simulator.web.roles import role_required


def _form_levels() -> dict[int, int]:
    levels = {n: int_or_none(request.form.get(f"level-{n}", ""), high=9) for n in range(1, 11)}
    return {n: level for n, level in levels.items() if level is not None}


def _form_comments() -> dict[int, str]:
    return {n: request.form.get(f"comment-{n}", "") for n in range(1, 11)}


def _form_interview() -> dict[str, str]:
    return {k: request.form.get(k, "") for k in ("valeur_ajoutee", "suivi_propose", "notes")}


def _context(student, error: str | None = None) -> dict:
    mine = evaluations.my_grid(current_user, student)
    show_all = request.values.get("criteres") == "tous"
    return {"student": student, "mine": mine, "others": evaluations.individual_grids(student),
            "board": evaluations.reconciled_grid(student), "error": error,
            "rows": lignes(None if show_all else SITUATION_2), "show_all": show_all,
            "competences": COMPETENCES, "scale": NIVEAUX, "disagree": evaluations.disagreements(student),
            "suggested": suggestions(student), "typed": request.form if error else {},
            "questions": interview_questions(student)}


def _page(student_id: int, action=None) -> ResponseReturnValue:
    student = jury.candidate_for(current_user, student_id)
    if action is None:
        context = _context(student)
        db.session.commit()
        return render_page("jury/grid.html", **context)
    try:
        action(student)
    except OperationError as refused:
        db.session.rollback()
        return render_page("jury/grid.html", status=refused.status_code,
                           **_context(student, refused.message))
    db.session.commit()
    return redirect(url_for("jury.grid", student_id=student_id) + "#commission", 303)


@bp.get("/candidats/<id:student_id>/grille")
@role_required(Role.JURY)
def grid(student_id: int) -> ResponseReturnValue:
    """My grid, the other jurors' levels, and the board's grid."""
    return _page(student_id)


def _save(grid_of) -> callable:
    def run(student):
        evaluations.save(grid_of(student), request.form.get("lock", type=int, default=-1),
                         _form_levels(), _form_comments(), _form_interview(),
                         request.form.get("final_mark", ""))
    return run


@bp.post("/candidats/<id:student_id>/grille")
@role_required(Role.JURY)
def grid_save(student_id: int) -> ResponseReturnValue:
    """Save my own grid."""
    return _page(student_id, _save(lambda st: evaluations.my_grid(current_user, st)))


@bp.post("/candidats/<id:student_id>/grille/concilier")
@role_required(Role.JURY)
def grid_reconcile(student_id: int) -> ResponseReturnValue:
    """Start the board's grid from the jurors' grids."""
    return _page(student_id, lambda st: evaluations.start_reconciliation(st, current_user))


def _board(student) -> Evaluation:
    board = evaluations.reconciled_grid(student)
    if board is None:
        raise OperationError(_("La grille de la commission n’est pas encore commencée."), 404)
    return board


@bp.post("/candidats/<id:student_id>/grille/commission")
@role_required(Role.JURY)
def grid_board_save(student_id: int) -> ResponseReturnValue:
    """Save the board's reconciled grid."""
    return _page(student_id, _save(_board))


@bp.post("/candidats/<id:student_id>/grille/signer")
@role_required(Role.JURY)
def grid_sign(student_id: int) -> ResponseReturnValue:
    """Sign the board's grid, which locks it."""
    return _page(student_id, lambda st: evaluations.sign(
        _board(st), current_user, request.form.get("lock", type=int, default=-1)))


@bp.get("/candidats/<id:student_id>/grille.pdf")
@role_required(Role.JURY)
def grid_pdf(student_id: int) -> ResponseReturnValue:
    """The board's grid (or mine if not reconciled yet) as a PDF."""
    student = jury.candidate_for(current_user, student_id)
    html, filename = grid_document(student, current_user)
    return pdf_response(html, filename)
