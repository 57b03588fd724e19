"""A student's prospection exercise: the prospect file, its hidden truth, the CRM pipeline."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from simulator.extensions import Model
from simulator.models._time import utcnow


class ExerciseStatus(str, enum.Enum):
    """Where the exercise stands: qualifying the file, planning the campaign, or done."""

    QUALIFICATION = "qualification"
    CAMPAGNE = "campagne"
    TERMINEE = "terminee"


class ProspectionExercise(Model):
    """One student's prospect file (from a pack version and a seed) and their work on it."""

    __tablename__ = "prospection_exercise"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), unique=True
    )
    pack_version_id: Mapped[int] = mapped_column(sa.ForeignKey("pack_version.id"), index=True)
    seed: Mapped[int] = mapped_column()
    nombre: Mapped[int] = mapped_column()
    status: Mapped[ExerciseStatus] = mapped_column(
        sa.Enum(ExerciseStatus, native_enum=False, length=16), default=ExerciseStatus.QUALIFICATION
    )
    #: {territoire: {nom, base_ville, …}, naf, departements, tranches, fournisseurs}: filter choices
    file_info: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    #: the student's scoring grid as typed (weights, NAF, radius, suppliers, thresholds)
    criteria: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    #: the campaign plan as typed (channels → segments, max, ids; budget; objectives)
    plan: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    #: the debrief of the run (amounts as strings); None until the campaign ends
    result: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    pack_version = relationship("PackVersion")


class ProspectRow(Model):
    """One VISIBLE row of the file; filtered and sorted columns are real, indexed columns."""

    __tablename__ = "prospect_row"

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(
        sa.ForeignKey("prospection_exercise.id", ondelete="CASCADE")
    )
    pid: Mapped[str] = mapped_column(sa.String(8))  #: P0001…, the row id in the file
    raison_sociale: Mapped[str] = mapped_column(sa.String(160))
    siret: Mapped[str | None] = mapped_column(sa.String(14))
    naf_code: Mapped[str] = mapped_column(sa.String(8))
    tranche_rang: Mapped[int] = mapped_column()  #: 1..6, the headcount band's order
    code_postal: Mapped[str] = mapped_column(sa.String(5))
    departement_code: Mapped[str] = mapped_column(sa.String(3))
    distance_km: Mapped[int] = mapped_column()
    mise_a_jour: Mapped[str] = mapped_column(sa.String(10))
    #: casefolded « name town SIRET » for the free-text filter
    recherche: Mapped[str] = mapped_column(sa.String(260))
    #: the student's flags, sorted flaw names joined by commas ("" = not flagged)
    flags: Mapped[str] = mapped_column(sa.String(120), default="")
    #: what the simulated Sirene look-up answered, once the student asked
    sirene: Mapped[str | None] = mapped_column(sa.String(160))
    #: the whole visible Prospect (contact, address, supplier…) for display
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON)

    __table_args__ = (
        sa.UniqueConstraint("exercise_id", "pid", name="uq_prospect_row_exercise_pid"),
        sa.Index("ix_prospect_row_exercise_naf", "exercise_id", "naf_code"),
        sa.Index("ix_prospect_row_exercise_dep", "exercise_id", "departement_code"),
        sa.Index("ix_prospect_row_exercise_distance", "exercise_id", "distance_km"),
        sa.Index("ix_prospect_row_exercise_name", "exercise_id", "raison_sociale"),
    )


class ProspectTruth(Model):
    """HIDDEN ground truth of a file, apart so no student query ever loads it by accident."""

    __tablename__ = "prospect_truth"

    exercise_id: Mapped[int] = mapped_column(
        sa.ForeignKey("prospection_exercise.id", ondelete="CASCADE"), primary_key=True
    )
    #: {pid: {potentiel_annuel_ht, receptivite, archetype, defauts, doublon_de, detectable}}
    verite: Mapped[dict[str, Any]] = mapped_column(sa.JSON)


class Opportunity(Model):
    """A qualified lead worked in the CRM pipeline (kanban)."""

    __tablename__ = "opportunity"

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(
        sa.ForeignKey("prospection_exercise.id", ondelete="CASCADE"), index=True
    )
    prospect_id: Mapped[str] = mapped_column(sa.String(8))
    title: Mapped[str] = mapped_column(sa.String(200))
    stage: Mapped[str] = mapped_column(sa.String(20), default="premier_contact")  #: an Etape
    #: € HT the student expects to sell in year 1
    amount_estimate: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2), default=Decimal("0.00"))
    #: optimistic concurrency: a move carrying an older value is refused (409), never merged
    lock_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    activities = relationship(
        "Activity",
        order_by=lambda: (Activity.done_on.desc(), Activity.id.desc()),
        cascade="all, delete-orphan",
        back_populates="opportunity",
    )

    __table_args__ = (
        sa.UniqueConstraint("exercise_id", "prospect_id", name="uq_opportunity_exercise_prospect"),
    )
    __mapper_args__ = {"version_id_col": lock_version}


class Activity(Model):
    """A call, visit, e-mail or report on an opportunity, with the next action planned."""

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        sa.ForeignKey("opportunity.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(16))  #: a TypeActivite
    done_on: Mapped[date] = mapped_column(sa.Date)
    notes: Mapped[str] = mapped_column(sa.Text)
    next_action: Mapped[str] = mapped_column(sa.String(200), default="")
    next_action_on: Mapped[date | None] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    opportunity = relationship("Opportunity", back_populates="activities")
