"""What each role may see of a situation snapshot: students never get the buyer's hidden side."""

from __future__ import annotations

import copy
from typing import Any

#: facts a salesperson would have to discover, or that are the exercise's answer
_CONTACT_HIDDEN = ("persona", "motivations", "objections")
_COMPETITOR_VISIBLE = ("name", "positioning", "strengths", "weaknesses")


def student_view(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A copy of the snapshot with the buyer's limits, preferences and the answers removed."""
    view = copy.deepcopy(snapshot)
    view.get("negotiation", {}).pop("hidden", None)
    view.pop("registry", None)
    view.pop("utterances", None)
    client = view.get("client", {})
    client.pop("budget_ht", None)
    client.get("financials", {}).pop("profile", None)
    for contact in client.get("contacts", []):
        for key in _CONTACT_HIDDEN:
            contact.pop(key, None)
    buyer = view.get("buyer", {})
    buyer.pop("persona", None)
    buyer.pop("motivations", None)
    view["competitors"] = [{k: c[k] for k in _COMPETITOR_VISIBLE if k in c}
                           for c in view.get("competitors", [])]
    if not view.get("pack", {}).get("allow_student_costs", True):
        for item in _catalogue_items(view):
            item.pop("purchase_cost", None)
    return view


def _catalogue_items(view: dict[str, Any]) -> list[dict[str, Any]]:
    catalogue = view.get("catalogue", {})
    return list(catalogue.get("products", [])) + list(catalogue.get("services", []))


def hidden_values(snapshot: dict[str, Any]) -> list[str]:
    """Distinctive hidden values, as text, that must never appear in a student's page."""
    hidden = snapshot.get("negotiation", {}).get("hidden", {})
    values = [str(hidden.get("reservation_utility", "")), str(hidden.get("price_ceiling_ht", "")),
              str(snapshot.get("client", {}).get("budget_ht", ""))]
    values += [str(c.get("offer_total_ht", "")) for c in snapshot.get("competitors", [])]
    return [v for v in values if v and len(v) >= 4]
