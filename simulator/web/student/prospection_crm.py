"""Student CRM: the kanban of opportunities (htmx moves) and each opportunity's activities."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.engine.prospection import TRANSITIONS, Etape
from simulator.engine.prospection.pipeline import LIBELLES_ACTIVITES
from simulator.models import ProspectionExercise
from simulator.operations import attempts
from simulator.operations import prospection as op
from simulator.operations import prospection_crm as crm
from simulator.operations.errors import OperationError
from simulator.operations.opportunity_situation import open_as_situation
from simulator.web.rendering import render_page
from simulator.web.student import bp
from simulator.web.student.prospection import _exercise
from simulator.web.student.prospection_forms import lire_activite
from simulator.web.transaction import savepoint


def _moves(etape: Etape) -> list[Etape]:
    """Allowed targets of a card, in kanban order (buttons on the card)."""
    return sorted(TRANSITIONS[etape], key=lambda e: e.rang)


def _kanban(
    ex: ProspectionExercise, status: int = 200, alerte: str | None = None, ok: str | None = None
) -> ResponseReturnValue:
    """The whole board; an htmx move swaps only the board."""
    return render_page(
        "prospection/pipeline.html",
        block="kanban",
        status=status,
        ex=ex,
        colonnes=crm.opportunites(ex),
        suites=crm.prochaines_actions(ex),
        moves=_moves,
        alerte=alerte,
        ok=ok,
        step="pipeline",
        has_attempt=attempts.has_attempt(current_user),
    )


@bp.get("/prospection/pipeline")
def prospection_pipeline() -> ResponseReturnValue:
    """The CRM kanban: one column per stage, from first contact to won or lost."""
    return _kanban(_exercise())


@bp.post("/prospection/pipeline/ouvrir/<pid>")
def prospection_open(pid: str) -> ResponseReturnValue:
    """Turn a campaign lead into an opportunity of the pipeline."""
    ex = _exercise()
    opp = crm.ouvrir(ex, pid)
    flash(_("Opportunité « %(t)s » ajoutée au pipeline.", t=opp.title))
    return redirect(url_for("student.prospection_pipeline"), 303)


@bp.post("/prospection/pipeline/<id:opp_id>/deplacer")
def prospection_move(opp_id: int) -> ResponseReturnValue:
    """Move a card: the server checks the stage rules (422) and the lock (409)."""
    ex = _exercise()
    try:
        with savepoint():
            opp = crm.deplacer(
                ex, opp_id, request.form.get("vers", ""), request.form.get("lock_version", type=int)
            )
    except OperationError as exc:
        return _kanban(ex, exc.status_code, exc.message)
    return _kanban(
        ex,
        ok=_("« %(t)s » est passée à l'étape « %(e)s ».", t=opp.title, e=Etape(opp.stage).libelle),
    )


def _detail(
    ex: ProspectionExercise,
    opp_id: int,
    brut: dict[str, Any],
    status: int = 200,
    problemes: list[str] | None = None,
) -> ResponseReturnValue:
    opp = crm.opportunite_of(ex, opp_id)
    return render_page(
        "prospection/opportunite.html",
        status=status,
        ex=ex,
        opp=opp,
        brut=brut,
        problemes=problemes or [],
        kinds=LIBELLES_ACTIVITES,
        kind_names={k.value: v for k, v in LIBELLES_ACTIVITES.items()},
        etape=Etape(opp.stage),
        step="pipeline",
        has_attempt=attempts.has_attempt(current_user),
    )


@bp.get("/prospection/pipeline/<id:opp_id>")
def prospection_opportunity(opp_id: int) -> ResponseReturnValue:
    """One opportunity: its activities and the form to log the next one."""
    ex = _exercise()
    brut = {
        "kind": "appel",
        "done_on": date.today().isoformat(),
        "notes": "",
        "next_action": "",
        "next_action_on": "",
    }
    return _detail(ex, opp_id, brut)


@bp.post("/prospection/pipeline/<id:opp_id>/activites")
def prospection_activity(opp_id: int) -> ResponseReturnValue:
    """Log an activity with its next action and date, or list what to correct."""
    ex = _exercise()
    brut = lire_activite(request.form)
    try:
        with savepoint():
            crm.ajouter_activite(ex, opp_id, brut)
    except op.Refus as exc:
        return _detail(ex, opp_id, brut, exc.status_code, exc.messages)
    flash(_("Activité enregistrée."))
    return redirect(url_for("student.prospection_opportunity", opp_id=opp_id), 303)


@bp.post("/prospection/pipeline/<id:opp_id>/negocier")
def prospection_negotiate(opp_id: int) -> ResponseReturnValue:
    """Open the opportunity as a negotiation situation and go to the negotiation."""
    ex = _exercise()
    try:
        with savepoint():
            attempts.require_confirmation(
                current_user, request.form.get("nouvelle_tentative") == "oui"
            )
            open_as_situation(ex, crm.opportunite_of(ex, opp_id), current_user)
    except OperationError as refused:
        brut = {
            "kind": "appel",
            "done_on": date.today().isoformat(),
            "notes": "",
            "next_action": "",
            "next_action_on": "",
        }
        return _detail(ex, opp_id, brut, refused.status_code, [refused.message])
    return redirect(url_for("student.negotiation_home"), 303)
