"""The trainer's class view: live progress table, class chart, exports, replays, debrief release."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from simulator.models import SessionMode
from simulator.models._time import utcnow
from simulator.operations.class_progress import (
    class_attempts,
    latest_attempts,
    phase_counts,
    release_all,
)
from simulator.operations.errors import OperationError
from simulator.operations.negotiation_debrief import release, session_of
from simulator.web.rendering import render_page
from simulator.web.trainer import bp
from simulator.web.trainer.class_progress_chart import scatter
from simulator.web.trainer.class_progress_export import (
    ORIGIN_LABELS,
    OUTCOME_LABELS,
    PHASE_LABELS,
    PROSPECTION_LABELS,
    csv_fr,
    csv_international,
)
from simulator.web.trainer.class_progress_replay import negotiation_for, replay_context
from simulator.web.trainer.views import _own_session


def _context(session_id: int) -> dict[str, Any]:
    session = _own_session(session_id)
    attempts = class_attempts(session, utcnow())
    rows = latest_attempts(attempts)
    return {
        "session": session,
        "rows": rows,
        "counts": phase_counts(rows),
        "chart": scatter(attempts),  # every finished attempt, not only the latest
        "exam": session.mode == SessionMode.EXAM,
        "held": sum(r.to_release for r in attempts),  # release_all publishes every attempt
        "phases": PHASE_LABELS,
        "outcomes": OUTCOME_LABELS,
        "prospection": PROSPECTION_LABELS,
    }


@bp.get("/sessions/<id:session_id>/classe")
def class_view(session_id: int) -> ResponseReturnValue:
    """Each student's situation, phase, outcome and marks, the class chart and the exports."""
    return render_page("trainer/class.html", **_context(session_id))


@bp.get("/sessions/<id:session_id>/classe/suivi")
def class_progress_fragment(session_id: int) -> ResponseReturnValue:
    """The table and the chart alone, polled by htmx every 5 s."""
    return render_page("trainer/class.html", block="progress", **_context(session_id))


@bp.get("/sessions/<id:session_id>/classe/etudiants/<id:student_id>")
def student_attempts(session_id: int, student_id: int) -> ResponseReturnValue:
    """Every attempt of one student of the session, oldest first."""
    session = _own_session(session_id)
    rows = class_attempts(session, utcnow(), student_id=student_id)
    if not rows:
        abort(404)
    return render_page(
        "trainer/student_attempts.html",
        session=session,
        rows=rows,
        name=rows[0].name,
        phases=PHASE_LABELS,
        outcomes=OUTCOME_LABELS,
        origins=ORIGIN_LABELS,
    )


def _csv(session_id: int, write, suffix: str) -> ResponseReturnValue:
    session = _own_session(session_id)
    response = Response(
        write(class_attempts(session, utcnow())), mimetype="text/csv; charset=utf-8"
    )
    response.headers["Content-Disposition"] = (
        f'attachment; filename="resultats-{session.join_code}{suffix}.csv"'
    )
    return response


@bp.get("/sessions/<id:session_id>/resultats.csv")
def class_csv(session_id: int) -> ResponseReturnValue:
    """The results for a spreadsheet in French: ';' and decimal commas."""
    return _csv(session_id, csv_fr, "")


@bp.get("/sessions/<id:session_id>/resultats-international.csv")
def class_csv_international(session_id: int) -> ResponseReturnValue:
    """The same results for other locales and scripts: ',' and decimal points."""
    return _csv(session_id, csv_international, "-international")


@bp.post("/sessions/<id:session_id>/classe/publier/<id:nid>")
def class_release(session_id: int, nid: int) -> ResponseReturnValue:
    """Release one exam debrief and come back to the class view."""
    _own_session(session_id)
    session = session_of(negotiation_for(current_user, nid))
    if session is None or session.id != session_id:
        raise OperationError(_("Cette négociation n'existe pas."), 404)
    negotiation = release(current_user, nid)
    flash(
        _(
            "Débriefing publié : %(name)s peut maintenant le consulter.",
            name=negotiation.student.display_name,
        )
    )
    return redirect(url_for("trainer.class_view", session_id=session_id), 303)


@bp.post("/sessions/<id:session_id>/classe/publier-tout")
def class_release_all(session_id: int) -> ResponseReturnValue:
    """Release every finished exam debrief of the session at once."""
    count = release_all(_own_session(session_id))
    flash(
        ngettext("%(num)d débriefing publié.", "%(num)d débriefings publiés.", count)
        if count
        else _("Aucun débriefing terminé n'attendait d'être publié.")
    )
    return redirect(url_for("trainer.class_view", session_id=session_id), 303)


@bp.get("/negociations/<id:nid>/rejeu")
def negotiation_replay(nid: int) -> ResponseReturnValue:
    """The whole exchange with the buyer's reasons, and the debrief once it is over."""
    return render_page(
        "trainer/class_replay.html", **replay_context(negotiation_for(current_user, nid))
    )
