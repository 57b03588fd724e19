"""Reading the fiche descriptive form: the flat posted fields nested as the fiche's data.

The nested data is then validated by the fiche's pydantic model (`operations.fiche.validate`,
`scenarios.generator.fiche.parse_fiche`), the same way as an uploaded YAML fiche.
"""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from simulator.operations.fiche import CONTACT_FIELDS, LINE_FIELDS, SECTIONS
from simulator.scenarios.generator.fiche import MAX_CONTACTS, MAX_LINES


def _number(text: str) -> str:
    """French decimal input: « 1 250,50 » -> « 1250.50 »."""
    return text.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")


def form_to_data(form: MultiDict[str, str]) -> dict[str, Any]:
    """Nest the flat form fields (« client.siren », « contacts.0.name », …); empty rows dropped."""
    data: dict[str, Any] = {}
    for section, fields in SECTIONS.items():
        data[section] = {f: form.get(f"{section}.{f}", "").strip() for f in fields}
    for section in ("conditions", "concurrent", "objectifs"):
        data[section] = {k: _number(v) for k, v in data[section].items()}
    data["client"]["headcount"] = _number(data["client"]["headcount"])
    data["contacts"] = []
    for i in range(MAX_CONTACTS):
        row: dict[str, Any] = {f: form.get(f"contacts.{i}.{f}", "").strip() for f in CONTACT_FIELDS}
        row["motivations"] = form.getlist(f"contacts.{i}.motivations")
        if any(row[f] for f in ("name", "job_title")) or (i == 0 and not data["contacts"]):
            data["contacts"].append(row)
    data["lines"] = []
    for i in range(MAX_LINES):
        row = {f: form.get(f"lines.{i}.{f}", "").strip() for f in LINE_FIELDS}
        for f in ("quantity", "list_price_ht", "purchase_cost_ht", "vat_rate"):
            row[f] = _number(row[f])
        if any(row[f] for f in ("ref", "designation", "quantity", "list_price_ht")) or i == 0:
            data["lines"].append(row)
    data["constraints"] = form.get("constraints", "")
    return data
