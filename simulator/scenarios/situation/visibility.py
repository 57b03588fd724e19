"""What each role may see of a situation snapshot: students never get the buyer's hidden side."""

from __future__ import annotations

from typing import Any

#: facts a salesperson would have to discover, or that are the exercise's answer
_CONTACT_HIDDEN = ("persona", "motivations", "objections")
_COMPETITOR_VISIBLE = ("name", "positioning", "strengths", "weaknesses")
_COST = "purchase_cost"


def _without(mapping: dict[str, Any], *keys: str) -> dict[str, Any]:
    """A shallow copy of mapping without some keys."""
    return {k: v for k, v in mapping.items() if k not in keys}


def student_view(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot without the buyer's limits, preferences and the answers; read-only result.

    Only the branches that change are copied; the others are shared with the snapshot, so the
    view must not be modified in place.
    """
    view = _without(snapshot, "registry", "utterances")
    if "negotiation" in view:
        view["negotiation"] = _without(view["negotiation"], "hidden")
    client = view.get("client")
    if client is not None:
        client = view["client"] = _without(client, "budget_ht")
        if "financials" in client:
            client["financials"] = _without(client["financials"], "profile")
        client["contacts"] = [_without(c, *_CONTACT_HIDDEN) for c in client.get("contacts", [])]
    if "buyer" in view:
        view["buyer"] = _without(view["buyer"], "persona", "motivations")
    view["competitors"] = [
        {k: c[k] for k in _COMPETITOR_VISIBLE if k in c} for c in view.get("competitors", [])
    ]
    if not view.get("pack", {}).get("allow_student_costs", True) and "catalogue" in view:
        view["catalogue"] = {
            kind: [_without(item, _COST) for item in items]
            for kind, items in view["catalogue"].items()
        }
    return view


def hidden_values(snapshot: dict[str, Any]) -> list[str]:
    """Distinctive hidden values, as text, that must never appear in a student's page."""
    hidden = snapshot.get("negotiation", {}).get("hidden", {})
    values = [
        str(hidden.get("reservation_utility", "")),
        str(hidden.get("price_ceiling_ht", "")),
        str(snapshot.get("client", {}).get("budget_ht", "")),
    ]
    values += [str(c.get("offer_total_ht", "")) for c in snapshot.get("competitors", [])]
    return [v for v in values if v and len(v) >= 4]
