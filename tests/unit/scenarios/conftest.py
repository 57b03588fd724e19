"""Shared helpers for scenario tests: shipped packs loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from simulator.scenarios.schema.loader import load_pack
from simulator.scenarios.schema.pack import Pack

ROOT = Path(__file__).resolve().parents[3]
PACKS_DIR = ROOT / "scenario_packs"
FIXTURES = ROOT / "tests" / "fixtures" / "packs"
SHIPPED = ("materiel-electrique", "equipements-protection", "emballage")


@cache
def shipped_pack(slug: str) -> Pack:
    """Load a shipped pack once per test session."""
    return load_pack(PACKS_DIR / f"{slug}.yaml")
