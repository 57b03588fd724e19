"""The candidate's fiche descriptive: form and YAML input, stored as a situation (origin « fiche »)."""

from __future__ import annotations

import secrets
from typing import Any

from simulator.engine.numbers import shown
from simulator.models import Situation, User
from simulator.operations import packs
from simulator.operations.situations import create_situation
from simulator.scenarios.generator.fiche import (
    MAX_YAML_BYTES,
    Fiche,
    apply_fiche,
    parse_fiche,
)
from simulator.scenarios.schema.yaml_safe import YamlProblem, load_located

SECTIONS = {
    "vendeur": ("name", "city"),
    "client": ("raison_sociale", "siren", "naf", "city", "postcode", "headcount"),
    "conditions": ("payment_days", "delivery_weeks"),
    "concurrent": ("name", "price_index"),
    "objectifs": ("target_discount_max_pct", "budget_ht"),
}
CONTACT_FIELDS = ("name", "job_title", "role", "persona")
LINE_FIELDS = ("ref", "designation", "quantity", "list_price_ht", "purchase_cost_ht", "vat_rate")


def blank_data() -> dict[str, Any]:
    """An empty fiche for the form (one contact and one line shown filled-in-able)."""
    data: dict[str, Any] = {name: {f: "" for f in fields} for name, fields in SECTIONS.items()}
    data["contacts"] = [{**{f: "" for f in CONTACT_FIELDS}, "motivations": []}]
    data["lines"] = [{**{f: "" for f in LINE_FIELDS}, "vat_rate": "20"}]
    data["constraints"] = []
    return data


def yaml_to_data(raw: bytes) -> tuple[Any, dict[str, str]]:
    """Read an uploaded YAML fiche (100 KB max, safe loader); errors keyed « racine »."""
    if len(raw) > MAX_YAML_BYTES:
        return None, {"racine": "fichier trop volumineux (100 Ko au maximum)"}
    try:  # the packs' loader: no anchors, aliases or tags (no « billion laughs »), dates checked
        data = load_located(raw).data
    except YamlProblem as problem:
        return None, {
            "racine": f"YAML illisible (ligne {problem.line}) : {shown(problem.message, 200)}"
        }
    return data, {}


def validate(data: Any) -> tuple[Fiche | None, dict[str, str]]:
    """Validate nested data (from the form or YAML); messages never echo a value at length."""
    fiche, errors = parse_fiche(data)
    return fiche, {shown(k, 80): shown(v, 300) for k, v in errors.items()}


def create_from_fiche(student: User, fiche: Fiche) -> Situation | None:
    """Store the fiche as the student's new current situation, on their session's pack frame."""
    session = student.class_session
    if session is None or not session.pack_slug:
        return None
    stored = packs.latest(session.pack_slug)
    if stored is None:
        return None
    return create_situation(
        stored,
        secrets.randbelow(1_000_000),
        student,
        session.id,
        transform=lambda snapshot: apply_fiche(snapshot, fiche),
        origin="fiche",
    )
