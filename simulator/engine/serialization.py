"""Turn engine results into JSON-ready values: Decimal as strings, dates in ISO format."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any


def en_json(objet: Any) -> Any:
    """Convert dataclasses, tuples, Decimals and dates recursively; never emit a float."""
    if is_dataclass(objet) and not isinstance(objet, type):
        return {f.name: en_json(getattr(objet, f.name)) for f in fields(objet)}
    if isinstance(objet, Decimal):
        return str(objet)
    if isinstance(objet, date):
        return objet.isoformat()
    if isinstance(objet, (list, tuple)):
        return [en_json(v) for v in objet]
    if isinstance(objet, dict):
        return {str(k): en_json(v) for k, v in objet.items()}
    if isinstance(objet, float):
        raise TypeError("nombre flottant dans un résultat : interdit")
    return objet
