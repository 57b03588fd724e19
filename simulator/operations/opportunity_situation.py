"""Open a CRM opportunity as the student's negotiation situation."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.engine.prospection import Etape
from simulator.extensions import db
from simulator.models import (
    Opportunity,
    PackVersion,
    ProspectionExercise,
    ProspectRow,
    Situation,
    User,
)
from simulator.operations import events, packs
from simulator.operations.errors import OperationError
from simulator.operations.situations import create_situation
from simulator.scenarios.generator.from_prospect import (
    NoFittingArchetype,
    pack_for_prospect,
    with_prospect,
)

#: an opportunity is negotiated once a proposal is on the table
NEGOTIABLE = (Etape.proposition.value, Etape.negociation.value)


def open_as_situation(ex: ProspectionExercise, opp: Opportunity, student: User) -> Situation:
    """Generate a situation for this opportunity (same pack): the client is the prospect, its
    need drawn from the archetype fitting its sector and size; 422 with the reason when none
    fits."""
    if opp.stage not in NEGOTIABLE:
        raise OperationError(
            _(
                "Faites d’abord avancer l’opportunité jusqu’à l’étape "
                "« proposition » : on négocie une offre déjà présentée."
            ),
            409,
        )
    row = db.session.scalar(
        sa.select(ProspectRow).where(
            ProspectRow.exercise_id == ex.id, ProspectRow.pid == opp.prospect_id
        )
    )
    stored = db.session.get(PackVersion, ex.pack_version_id)
    if row is None or stored is None:
        raise OperationError(_("Ce prospect n’existe plus dans votre fichier."), 404)
    try:
        narrowed = pack_for_prospect(packs.parse(stored), row.data)
    except NoFittingArchetype as exc:
        raise OperationError(
            _("Impossible de négocier avec ce prospect : %(reason)s", reason=exc.message), 422
        ) from None
    number = int("".join(ch for ch in opp.prospect_id if ch.isdigit()) or 0)
    seed = (ex.seed * 10_000 + number) % 2_000_000_000  # fits the integer column everywhere
    situation = create_situation(
        stored,
        seed,
        student,
        student.class_session_id,
        transform=lambda snapshot: with_prospect(snapshot, row.data),
        narrow=lambda _pack: narrowed,
        origin="opportunite",
    )
    events.append(
        "opportunity",
        opp.id,
        "seller",
        "negociation_ouverte",
        {"situation_id": situation.id},
        student,
    )
    return situation
