"""Everything the candidate console page shows, gathered in one place."""

from __future__ import annotations

from typing import Any

from simulator.models import Situation, User
from simulator.operations import handover, situation_versions
from simulator.operations.difficulty import assess_version
from simulator.scenarios.registry.changes import label_for
from simulator.scenarios.registry.core import PARAMETERS, PRESETS, choices_for, limits_for
from simulator.scenarios.registry.values import current_values, suggested_preparation_minutes
from simulator.scenarios.situation.model import Situation as SituationModel


def _public_changes(changes: list[Any]) -> tuple[list[Any], int]:
    """Split a diff into what a reader sees and the count of hidden buyer parameters."""
    shown = [c for c in changes if not c.path.startswith("negotiation.hidden")]
    return shown, len(changes) - len(shown)


def parameter_rows(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per parameter this pack opens to the jury: label, value, range, choices."""
    model = SituationModel.model_validate(snapshot)
    values = current_values(snapshot)
    rows = []
    for param in PARAMETERS:
        if param.key not in snapshot.get("registry", {}):
            continue
        limits = limits_for(param, model)
        affects = list(dict.fromkeys(label_for(path) for path in param.affects))
        rows.append(
            {
                "param": param,
                "value": values.get(param.key, ""),
                "affects": affects,
                "min": limits.min,
                "max": limits.max,
                "choices": choices_for(param, model) if param.type == "enum" else (),
            }
        )
    return rows


def console_context(
    student: User, situation: Situation, typed: dict[str, str] | None = None
) -> dict[str, Any]:
    """The template context of the candidate console."""
    all_versions = situation_versions.versions(situation)
    latest = all_versions[-1]
    history = []
    for previous, version in zip([None, *all_versions[:-1]], all_versions):
        changes = situation_versions.compare(previous, version) if previous else []
        shown, hidden = _public_changes(changes)
        history.append({"version": version, "changes": shown, "hidden_changes": hidden})
    changed_keys = len(latest.overrides)
    return {
        "student": student,
        "situation": situation,
        "latest": latest,
        "history": history,
        "rows": parameter_rows(latest.snapshot),
        "presets": PRESETS,
        "typed": typed or {},
        "handover": handover.current_handover(situation),
        "annexes": handover.ANNEXES,
        "suggested_minutes": suggested_preparation_minutes(changed_keys),
        "s": latest.snapshot,
        "d": assess_version(latest),
    }
