"""The CRM pipeline: leads become opportunities, kanban moves with a lock, activities."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm.exc import StaleDataError

from simulator.engine.money import cents
from simulator.engine.prospection import (
    Activite,
    Etape,
    PipelineError,
    TypeActivite,
    verifier_activite,
    verifier_deplacement,
)
from simulator.extensions import db
from simulator.models import Activity, ExerciseStatus, Opportunity, ProspectionExercise
from simulator.operations.errors import ConflictError, OperationError
from simulator.operations.prospection import Refus
from simulator.operations.prospection_campagne import cadre

STALE = (
    "Cette opportunité a été déplacée entre-temps (dans un autre onglet ou sur un autre "
    "poste) : votre déplacement est refusé pour ne rien écraser. Le tableau a été rechargé."
)


def opportunites(ex: ProspectionExercise) -> dict[Etape, list[Opportunity]]:
    """The kanban: every stage, in order, with its opportunities."""
    colonnes: dict[Etape, list[Opportunity]] = {e: [] for e in Etape}
    for opp in db.session.scalars(
        sa.select(Opportunity).where(Opportunity.exercise_id == ex.id).order_by(Opportunity.id)
    ):
        colonnes[Etape(opp.stage)].append(opp)
    return colonnes


def opportunite_of(ex: ProspectionExercise, opp_id: int) -> Opportunity:
    """One of the student's own opportunities; another student's does not exist for them."""
    opp = db.session.get(Opportunity, opp_id)
    if opp is None or opp.exercise_id != ex.id:
        raise OperationError("Cette opportunité n'existe pas.", 404)
    return opp


def ouvrir(ex: ProspectionExercise, pid: str) -> Opportunity:
    """Turn a lead of the campaign into an opportunity (once); amount = year-1 purchases."""
    if ex.status != ExerciseStatus.TERMINEE or not ex.result:
        raise OperationError(
            "Lancez d'abord la campagne : ses pistes deviennent des " "opportunités.", 409
        )
    lead = next((x for x in ex.result["leads"] if x["prospect_id"] == pid), None)
    if lead is None:
        raise OperationError(
            "Seules les pistes issues de la campagne deviennent des " "opportunités.", 422
        )
    existe = db.session.scalar(
        sa.select(Opportunity).where(
            Opportunity.exercise_id == ex.id, Opportunity.prospect_id == pid
        )
    )
    if existe is not None:
        return existe
    montant = cents(Decimal(lead["potentiel_annuel_ht"]) * cadre().part_captee_pct / 100)
    opp = Opportunity(
        exercise_id=ex.id,
        prospect_id=pid,
        title=lead["raison_sociale"],
        stage=Etape.premier_contact.value,
        amount_estimate=montant,
    )
    db.session.add(opp)
    db.session.flush()
    return opp


def deplacer(ex: ProspectionExercise, opp_id: int, vers: str, lock: int | None) -> Opportunity:
    """Move a card; an illegal move is refused in French (422), a stale lock with a 409."""
    opp = opportunite_of(ex, opp_id)
    if lock is None or lock != opp.lock_version:
        raise ConflictError(STALE)
    try:
        cible = verifier_deplacement(opp.stage, vers)
    except PipelineError as exc:
        raise Refus(exc.messages) from None
    opp.stage = cible.value
    try:
        db.session.flush()
    except StaleDataError:
        raise ConflictError(STALE) from None
    return opp


def _date(texte: str, nom: str, problemes: list[str]) -> date | None:
    """A date typed as YYYY-MM-DD (the browser's date input), or a French problem."""
    if not texte:
        return None
    try:
        return date.fromisoformat(texte)
    except ValueError:
        problemes.append(f"{nom} : date invalide (jj/mm/aaaa attendu).")
        return None


def ajouter_activite(ex: ProspectionExercise, opp_id: int, brut: Mapping[str, str]) -> Activity:
    """Log an activity with its next action; Refus lists every French problem."""
    opp = opportunite_of(ex, opp_id)
    problemes: list[str] = []
    try:
        genre = TypeActivite(brut["kind"])
    except ValueError:
        problemes.append("Choisissez le type d'activité (appel, visite, e-mail, compte rendu).")
        genre = TypeActivite.appel
    le = _date(brut["done_on"], "Date de l'activité", problemes)
    if le is None and not brut["done_on"]:
        problemes.append("Indiquez la date de l'activité.")
    suite = _date(brut["next_action_on"], "Date de la prochaine action", problemes)
    if le is not None:
        problemes += verifier_activite(
            Activite(
                genre,
                le.isoformat(),
                brut["notes"],
                brut["next_action"],
                suite.isoformat() if suite else None,
            )
        )
    if problemes:
        raise Refus(problemes)
    assert le is not None
    activite = Activity(
        opportunity_id=opp.id,
        kind=genre.value,
        done_on=le,
        notes=brut["notes"],
        next_action=brut["next_action"][:200],
        next_action_on=suite,
    )
    db.session.add(activite)
    db.session.flush()
    return activite


def prochaines_actions(ex: ProspectionExercise) -> dict[int, Activity]:
    """The latest activity of each opportunity (its next action shows on the card)."""
    derniere: dict[int, Activity] = {}
    for act in db.session.scalars(
        sa.select(Activity)
        .join(Opportunity)
        .where(Opportunity.exercise_id == ex.id)
        .order_by(Activity.done_on, Activity.id)
    ):
        derniere[act.opportunity_id] = act
    return derniere
