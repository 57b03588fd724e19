"""Everything the candidate console page shows, gathered in one place."""

from __future__ import annotations

from typing import Any

from simulator.models import Situation, User
from simulator.operations import handover, situation_versions
from simulator.operations.difficulty import assess
from simulator.scenarios.registry.changes import label_for
from simulator.scenarios.registry.core import (
    PARAMETERS,
    PRESETS,
    OverrideError,
    apply,
    choices_for,
    limits_for,
)
from simulator.scenarios.registry.readable import ReadableChange, readable_changes
from simulator.scenarios.registry.values import current_values, suggested_preparation_minutes
from simulator.scenarios.situation.model import Situation as SituationModel


def _split(changes: list[ReadableChange]) -> tuple[list[ReadableChange], list[ReadableChange]]:
    """Split readable changes into what the candidate could know and the jury-only ones."""
    return [c for c in changes if c.visible], [c for c in changes if not c.visible]


def preset_previews(snapshot: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each preset applied to the current version: before -> after, shown before it is applied."""
    previews: dict[str, dict[str, Any]] = {}
    for key, preset in PRESETS.items():
        try:
            after = apply(snapshot, preset.build(snapshot))
        except (OverrideError, StopIteration, IndexError, KeyError):
            continue  # not applicable to this pack (no second contact, no competitor...)
        visible, hidden = _split(readable_changes(snapshot, after))
        previews[key] = {"preset": preset, "visible": visible, "hidden": hidden}
    return previews


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
        changes = readable_changes(previous.snapshot, version.snapshot) if previous else []
        shown, hidden = _split(changes)
        history.append({"version": version, "changes": shown, "hidden_changes": hidden})
    changed_keys = len(latest.overrides)
    return {
        "student": student,
        "situation": situation,
        "latest": latest,
        "history": history,
        "rows": parameter_rows(latest.snapshot),
        "presets": preset_previews(latest.snapshot),
        "typed": typed or {},
        "handover": handover.current_handover(situation),
        "annexes": handover.ANNEXES,
        "suggested_minutes": suggested_preparation_minutes(changed_keys),
        "s": latest.snapshot,
        "d": assess(latest.snapshot),
    }
