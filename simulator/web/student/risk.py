"""The student's « fiche client / analyse du risque » page: ratios and cover, corrected."""

from __future__ import annotations

from flask import Response, abort, make_response, request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from simulator.models import Situation
from simulator.operations import risk_analysis
from simulator.operations.situations import current_version, ensure_student_situation
from simulator.scenarios.situation.visibility import student_view
from simulator.web.rendering import render_page, wants_fragment
from simulator.web.student import bp
from simulator.web.student.risk_form import risk_answers
from simulator.web.transaction import keep_despite_refusal, record_first_opening


def _situation() -> Situation:
    """The student's own situation, kept even if what follows is refused."""
    found = ensure_student_situation(current_user)
    if found is None:
        abort(404)
    record_first_opening()
    return found


def _render(
    situation: Situation, work: risk_analysis.Travail, block: str = "content", status: int = 200
) -> Response:
    return make_response(
        render_page(
            "student/risk.html",
            block=block,
            status=status,
            work=work,
            s=student_view(current_version(situation).snapshot),
            questions=risk_analysis.QUESTIONS,
            outils=risk_analysis.OUTIL_LIBELLES,
            classes=risk_analysis.CLASSES,
            message_erreur=risk_analysis.message_erreur,
        )
    )


@bp.get("/risque")
def risk() -> ResponseReturnValue:
    """The client file, its statements and the analysis form (with the last correction, if any)."""
    situation = _situation()
    return _render(situation, risk_analysis.travail(situation, current_user))


@bp.post("/risque")
def risk_submit() -> ResponseReturnValue:
    """Correct the submitted analysis; htmx gets only the work area back."""
    situation = _situation()
    work = risk_analysis.soumettre(
        situation, current_user, risk_analysis.lire_saisie(risk_answers(request.form))
    )
    refused = work.correction is None and not wants_fragment()
    if refused:
        keep_despite_refusal()  # what soumettre logged stands, as before
    response = _render(situation, work, block="work", status=422 if refused else 200)
    if work.correction is not None:  # bring the correction into view, not the form's top
        response.headers["HX-Reswap"] = "outerHTML show:#risk-correction:top"
    return response
