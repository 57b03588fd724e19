"""Situation snapshot (JSON form) → the plain `ConversationContext` free-text understanding needs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from simulator.engine.conversation.context import (
    ConversationContext,
    IssueSpec,
    ObjectionSpec,
    ServiceSpec,
)
from simulator.engine.conversation.text import sans_accents
from simulator.scenarios.negotiation_setup.adapter import (
    setup_from_snapshot,
)  # issue grids, objection ids

KINDS = {"remise_pct": "percent", "acompte_pct": "percent", "services": "services"}


def context_from_snapshot(snapshot: dict[str, Any]) -> ConversationContext:
    """Issues with their grids (as the buyer engine declares them), services, objections, VAT."""
    setup = setup_from_snapshot(snapshot)
    domaines = {i["key"]: i for i in snapshot["negotiation"]["issues"]}
    issues = tuple(
        IssueSpec(
            key=e.cle,
            label=e.libelle,
            kind=KINDS.get(e.cle, "integer"),
            values=tuple(str(v) for v in e.valeurs),
            minimum=domaines.get(e.cle, {}).get("min"),
            maximum=domaines.get(e.cle, {}).get("max"),
        )
        for e in setup.enjeux
    )
    services_issue = next((e for e in setup.enjeux if e.cle == "services"), None)
    options = tuple(str(v) for v in services_issue.valeurs) if services_issue else ()
    refs = {r for o in options for r in o.split(" + ")}
    catalogue = snapshot["catalogue"]
    services = tuple(
        ServiceSpec(ref=s["ref"], designation=s["designation"])
        for s in catalogue.get("services", [])
        if s["ref"] in refs
    )
    lines = snapshot["need"]["lines"]
    vat = Decimal(str(lines[0].get("vat_rate", "20"))) if lines else Decimal(20)
    return ConversationContext(
        issues=issues,
        vat_rate=vat,
        product=lines[0]["designation"] if lines else "",
        services=services,
        service_options=options,
        catalogue=tuple(p["designation"] for p in catalogue["products"]),
        objections=tuple(
            ObjectionSpec(id=o.id, kind=o.id.rsplit("-", 1)[0]) for o in setup.objections
        ),
        competitors=tuple(sans_accents(c["name"].lower()) for c in snapshot.get("competitors", [])),
    )
