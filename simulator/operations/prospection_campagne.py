"""Targeting grid, ranked list, campaign plan with its live estimate, and the one run."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult

from simulator.engine.prospection import (
    CampaignError,
    Canal,
    CriteresCiblage,
    Estimation,
    FichierProspects,
    PlanCampagne,
    ProspectionError,
    Qualification,
    estimer,
    lire_cadre,
    lire_criteres,
    lire_plan,
    parametres_canaux,
    qualifier,
    simuler_campagne,
    verifier_plan,
)
from simulator.engine.prospection.targeting_score import Critere
from simulator.extensions import db
from simulator.models import Event, ExerciseStatus, ProspectionExercise
from simulator.models._time import utcnow
from simulator.operations import packs
from simulator.operations.errors import ConflictError
from simulator.operations.prospection import (
    FROZEN,
    Refus,
    fichier_complet,
    fichier_visible,
    refus,
    signalements,
)
from simulator.operations.prospection_bilan import debrief
from simulator.scenarios.prospects import objections_du_pack

CRITERES_DEFAUT = {
    "poids": {c.value: 20 for c in Critere},
    "naf_cibles": [],
    "rayon_km": "100",
    "fournisseurs_favorables": [],
    "seuil_a": "70",
    "seuil_b": "45",
}
PLAN_DEFAUT: dict[str, Any] = {
    "canaux": {},
    "budget": "",
    "objectifs": {"contacts": "", "rdv": "", "opportunites": ""},
}
DEJA_LANCEE = "La campagne a déjà été lancée : ses résultats sont enregistrés et ne changent plus."


def canaux() -> dict[Canal, Any]:
    """The channel table (the pack has no prospection section yet: textbook defaults)."""
    return parametres_canaux(None)


def cadre() -> Any:
    """Budget cap, available time and economic assumptions of the campaign."""
    return lire_cadre(None)


def _entier(valeur: object, nom: str) -> int:
    """An integer typed by the student, or a French error."""
    texte = str(valeur).strip()
    if not re.fullmatch(r"-?\d+", texte):
        raise ProspectionError(f"{nom} : nombre entier attendu (vous avez saisi « {texte} »).")
    return int(texte)


def criteres(brut: Mapping[str, Any]) -> CriteresCiblage:
    """The core's grid from typed values; ProspectionError lists the problems in French."""
    poids = {k: _entier(v, f"Poids « {k} »") for k, v in brut["poids"].items()}
    return lire_criteres(
        poids,
        naf_cibles=frozenset(brut["naf_cibles"]),
        rayon_km=_entier(brut["rayon_km"], "Rayon"),
        fournisseurs_favorables=frozenset(brut["fournisseurs_favorables"]),
        seuil_a=_entier(brut["seuil_a"], "Seuil A"),
        seuil_b=_entier(brut["seuil_b"], "Seuil B"),
    )


def enregistrer_criteres(ex: ProspectionExercise, brut: dict[str, Any]) -> None:
    """Validate and store the grid; the file is then qualified and the campaign may be planned."""
    if ex.status == ExerciseStatus.TERMINEE:
        raise Refus(FROZEN, 409)
    try:
        criteres(brut)
    except ProspectionError as exc:
        raise refus(exc) from None
    ex.criteria = brut
    ex.status = ExerciseStatus.CAMPAGNE


def qualification(ex: ProspectionExercise, fichier: FichierProspects) -> Qualification | None:
    """The student's qualification (flags + saved grid), or None before the grid is saved."""
    if not ex.criteria:
        return None
    return qualifier(fichier, signalements(ex), criteres(ex.criteria))


def _cibles(regle: Mapping[str, Any], q: Qualification | None) -> list[str]:
    """Targets of one channel: its segments, best first, capped, then the typed ids."""
    ids = list(q.ids_segment(*regle["segments"])) if q else []
    if str(regle.get("max", "")).strip():
        ids = ids[: max(_entier(regle["max"], "Nombre maximum de prospects"), 0)]
    tapes = [i.upper() for i in re.split(r"[\s,;]+", regle.get("ids", "")) if i]
    return ids + [i for i in tapes if i not in ids]


def plan(brut: Mapping[str, Any], q: Qualification | None) -> PlanCampagne:
    """The core's plan from typed values (ProspectionError in French)."""
    actions = {nom: _cibles(regle, q) for nom, regle in brut["canaux"].items()}
    objectifs = {k: _entier(v or "0", f"Objectif « {k} »") for k, v in brut["objectifs"].items()}
    if not str(brut["budget"]).strip():
        raise CampaignError("Indiquez le budget de la campagne (en € HT).")
    return lire_plan(actions, str(brut["budget"]).strip().replace(" ", ""), objectifs)


def estimer_plan(
    ex: ProspectionExercise, brut: Mapping[str, Any]
) -> tuple[Estimation | None, list[str]]:
    """Live estimate (cost, time) and every French problem of the plan as typed."""
    fichier = fichier_visible(ex)
    try:
        q = qualification(ex, fichier)
        lu = plan(brut, q)
    except ProspectionError as exc:
        return None, exc.messages
    try:
        return verifier_plan(lu, fichier, q, canaux(), cadre()), []
    except ProspectionError as exc:
        return estimer(lu, fichier, canaux()), exc.messages


def lancer(ex: ProspectionExercise, brut: dict[str, Any]) -> None:
    """Validate and run the campaign once; store the debrief and end the exercise."""
    if ex.status == ExerciseStatus.TERMINEE:
        raise ConflictError(DEJA_LANCEE)
    ex.plan = brut
    fichier = fichier_complet(ex)
    try:
        q = qualification(ex, fichier)
        lu = plan(brut, q)
        pack = packs.parse(ex.pack_version)
        r = simuler_campagne(fichier, q, lu, ex.seed, cadre(), canaux(), objections_du_pack(pack))
    except ProspectionError as exc:
        raise refus(exc) from None
    assert q is not None  # simuler_campagne refuses an unqualified file
    fini = db.session.execute(
        sa.update(ProspectionExercise)
        .where(
            ProspectionExercise.id == ex.id, ProspectionExercise.status != ExerciseStatus.TERMINEE
        )
        .values(status=ExerciseStatus.TERMINEE)
        .execution_options(synchronize_session=False)
    )
    # an UPDATE's result is a CursorResult at runtime (Session.execute is typed as Result)
    if cast(CursorResult[Any], fini).rowcount != 1:  # a second tab launched it in the meantime
        raise ConflictError(DEJA_LANCEE)
    ex.status, ex.finished_at = ExerciseStatus.TERMINEE, utcnow()
    ex.result = debrief(r, q, fichier, lu, signalements(ex))
    db.session.add(
        Event(
            stream_type="prospection",
            stream_id=ex.id,
            seq=1,
            actor="seller",
            kind="campagne_lancee",
            payload={"comptages": ex.result["comptages"]},
            user_id=ex.student_id,
        )
    )
