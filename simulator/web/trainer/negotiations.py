"""Trainer actions on students' negotiations: publish a debrief held by exam mode."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.operations.negotiation_debrief import release
from simulator.web.trainer import bp


@bp.post("/negociations/<id:nid>/publier")
def negotiation_release(nid: int) -> ResponseReturnValue:
    """Release the debrief of an exam negotiation to its student."""
    release(current_user, nid)
    flash(_("Debrief publié : l'étudiant peut maintenant le consulter."))
    return redirect(url_for("trainer.dashboard"), 303)
