"""A readable diff between two snapshots: what the jury's overrides changed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

LABELS: dict[str, str] = {
    "client.budget_ht": "Budget du client HT",
    "client.contacts.*.persona": "Style social du contact",
    "client.payment_history.incidents": "Incidents de paiement",
    "competitors.*.price_index": "Indice de prix du concurrent",
    "competitors.*.offer_total_ht": "Offre du concurrent HT",
    "supply.*.lead_time_weeks": "Délai fournisseur (semaines)",
    "supply.*.stock": "Stock fournisseur",
    "supply.*.shortage": "Rupture fournisseur",
    "supply.*.needed": "Quantité nécessaire",
    "need.lines.*.quantity": "Quantité demandée",
    "need.lines.*.amount_ht": "Montant de la ligne HT",
    "need.list_total_ht": "Montant catalogue du besoin HT",
    "need.constraints": "Contraintes du cahier des charges",
    "terms.max_payment_days": "Délai de paiement maximal (jours)",
    "buyer": "Interlocuteur",
    "negotiation.issues": "Enjeux négociables",
    "negotiation.hidden": "Paramètres cachés de l'acheteur",
    "negotiation": "Négociation",
    "client.contacts": "Centre d'achat",
    "client.payment_history": "Historique de paiement",
    "competitors": "Offres concurrentes",
    "supply": "Fiche fournisseurs",
    "need.lines": "Lignes du besoin",
    "terms": "Conditions commerciales",
    "buyer.persona": "Style social de l'interlocuteur",
}


@dataclass(frozen=True)
class Change:
    """One changed value: dotted path, French label, old and new value (None when absent)."""

    path: str
    label: str
    old: Any
    new: Any


def label_for(path: str) -> str:
    """French label of a path: the most specific known pattern, else the path itself."""
    generic = re.sub(r"\.\d+(?=\.|$)", ".*", path)
    parts = generic.split(".")
    for end in range(len(parts), 0, -1):
        label = LABELS.get(".".join(parts[:end]))
        if label:
            return label
    return path


def _walk(path: str, old: Any, new: Any, out: list[Change]) -> None:
    """Compare recursively, recording leaf differences."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            _walk(f"{path}.{key}" if path else str(key), old.get(key), new.get(key), out)
    elif isinstance(old, list) and isinstance(new, list):
        for index in range(max(len(old), len(new))):
            _walk(
                f"{path}.{index}",
                old[index] if index < len(old) else None,
                new[index] if index < len(new) else None,
                out,
            )
    elif old != new:
        out.append(Change(path, label_for(path), old, new))


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """List what changed between two snapshots, in sorted path order."""
    changes: list[Change] = []
    _walk("", before, after, changes)
    return changes
