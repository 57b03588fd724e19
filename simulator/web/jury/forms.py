"""Reading the jury's console forms."""

from __future__ import annotations

from flask import request

from simulator.scenarios.registry.core import PARAMETERS
from simulator.web.inputs import form_int


def base_version() -> int:
    """The version the jury was looking at when they submitted (optimistic concurrency)."""
    return form_int("base_n", -1)


def parameter_changes() -> dict[str, str]:
    """Values typed in the console, by registry key (empty fields mean « unchanged »)."""
    return {p.key: request.form.get(p.key, "") for p in PARAMETERS}
