"""What the jury's live page shows: cheat sheet, board with the hidden limits, interview questions."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from simulator.engine.negotiation import vocabulary as voc
from simulator.engine.numbers import int_or_none
from simulator.engine.scoring.interview import questions_entretien
from simulator.models import Negotiation, Situation, User
from simulator.models._time import utcnow
from simulator.operations import negotiations
from simulator.scenarios.registry.core import OverrideError, apply
from simulator.scenarios.registry.readable import ReadableChange, readable_changes
from simulator.operations.jury_live import JURY_EVENTS, checklist, version_in_force
from simulator.operations.negotiation_settings import jury_settings
from simulator.operations.situations import current_version
from simulator.scenarios.registry.core import PARAMETERS
from simulator.web.negotiation_reasons import reasons
from simulator.web.negotiation_view import board, service_names, show, tail, turns

#: what each social style means for a juror playing it
STYLES = {
    "directif": _l("va droit au but, concède peu et tard, s'agace vite des détours"),
    "analytique": _l("veut des preuves et des chiffres, décide lentement, concède peu"),
    "aimable": _l("cherche la relation, concède volontiers, fuit le conflit"),
    "expressif": _l("s'enthousiasme, aime la nouveauté, concède assez vite"),
}


def _hidden_value(setup: Any, key: str, raw: Any, services: dict[str, str]) -> str:
    """A hidden ideal or limit in words (services are stored as an option's position)."""
    if key not in setup.index:
        return str(raw)
    e = setup.enjeux[setup.index[key]]
    if e.nature == "service" and int_or_none(raw, high=len(e.valeurs) - 1) is not None:
        raw = e.valeurs[int(str(raw))]
    return show(setup, key, raw, services)


def cheat_sheet(
    setup: Any,
    snapshot: dict[str, Any],
    guaranteed: list[str] | tuple[str, ...],
    services: dict[str, str],
) -> dict[str, Any]:
    """The buyer's hidden side as a juror playing it needs it: priorities, limits, BATNA, objections."""
    hidden = snapshot["negotiation"]["hidden"]
    weights = setup.acheteur.poids
    total = sum(weights.values()) or 1.0
    issues = [
        {
            "label": e.libelle,
            "weight": round(100 * weights[e.cle] / total),
            "ideal": _hidden_value(setup, e.cle, hidden["ideal"].get(e.cle), services),
            "limit": _hidden_value(setup, e.cle, hidden["reservation"].get(e.cle), services),
        }
        for e in sorted(setup.enjeux, key=lambda e: -weights[e.cle])
    ]
    objections = sorted(
        (
            {
                "id": o.id,
                "texte": o.texte,
                "guaranteed": o.id in guaranteed,
                "techniques": [voc.TECHNIQUES_OBJECTION[t] for t in o.techniques],
            }
            for o in setup.objections
        ),
        key=lambda o: not o["guaranteed"],
    )
    return {
        "name": setup.interlocuteur,
        "persona": setup.persona,
        "style": STYLES.get(setup.persona, ""),
        "motivations": [voc.MOTIVATIONS.get(m, m) for m in setup.acheteur.motivations],
        "issues": issues,
        "reservation": round(100 * setup.acheteur.reservation),
        "batna": setup.acheteur.batna,
        "budget": snapshot["client"]["budget_ht"],
        "ceiling": hidden.get("price_ceiling_ht"),
        "lead_min": setup.delai_min_semaines,
        "payment_max": setup.paiement_max_jours,
        "objections": objections,
    }


def settings_context(situation: Situation) -> dict[str, Any]:
    """Before the start: the jury's settings and the objections of the candidate's version."""
    version = current_version(situation)
    setup = negotiations.setup_of(version)
    services = service_names(negotiations.view_of(version))
    settings = jury_settings(situation)
    return {
        "settings": settings,
        "objections": setup.objections,
        "sheet": cheat_sheet(setup, version.snapshot, settings["garanties"], services),
    }


def event_previews(snapshot: dict[str, Any]) -> dict[str, list[ReadableChange]]:
    """Each usual event applied to the version in force: before -> after, shown before it is sent."""
    previews: dict[str, list[ReadableChange]] = {}
    for key, (_label, build) in JURY_EVENTS.items():
        try:
            previews[key] = readable_changes(snapshot, apply(snapshot, build(snapshot)))
        except (OverrideError, StopIteration, IndexError, KeyError):
            previews[key] = []
    return previews


def live_context(negotiation: Negotiation) -> dict[str, Any]:
    """During and after the negotiation: everything the jury's live page shows."""
    game = negotiations.game_of(negotiation)
    version = version_in_force(negotiation)
    services = service_names(negotiations.view_of(negotiation.situation_version))
    rows = turns(game, services, reveal=True)
    for row in rows:  # the same sentences as the trainer's replay
        row["why"] = reasons(row["reply"].get("raison", {}), game.setup)
    return {
        "game": game,
        "turns": rows,
        "tail": tail(game, services),
        "board": board(game, services),
        "checklist": checklist(game),
        "remaining": negotiations.remaining(negotiation, utcnow()),
        "sheet": cheat_sheet(game.setup, version.snapshot, game.guaranteed, services),
        "services": services,
        "seq": game.last_seq,
        "pending": game.pending,
        "events": JURY_EVENTS,
        "event_previews": event_previews(version.snapshot),
        "version": version,
        "parameters": [
            (p.key, p.label) for p in PARAMETERS if p.key in version.snapshot.get("registry", {})
        ],
    }


def interview_questions(student: User) -> list[dict[str, Any]]:
    """The debrief assistant's questions for the candidate's latest negotiation (none before it)."""
    negotiation = negotiations.latest_of(student)
    if negotiation is None or negotiation.status == "preparing":
        return []
    game = negotiations.game_of(negotiation)
    return questions_entretien(game.setup, game.transcript.tours, game.state.objections)
