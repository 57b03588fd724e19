"""Pack errors located by file and line, with French messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class PackError:
    """One problem in a pack, printed as FILE:LINE: field.path: message."""

    file: str
    line: int
    field_path: str
    message_fr: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field_path}: {self.message_fr}"


class PackInvalid(ValueError):
    """A pack that cannot be loaded; carries every error found."""

    def __init__(self, errors: list[PackError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def field_path(loc: Loc) -> str:
    """Join a location into a dotted path (the root is « racine »)."""
    return ".".join(str(part) for part in loc) or "racine"


_SIMPLE: dict[str, str] = {
    "missing": "champ obligatoire manquant",
    "extra_forbidden": "champ inconnu (non prévu par le schéma)",
    "int_type": "doit être un nombre entier",
    "int_parsing": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier (sans décimales)",
    "float_type": "doit être un nombre",
    "float_parsing": "doit être un nombre",
    "decimal_type": "doit être un nombre",
    "decimal_parsing": "doit être un nombre",
    "string_type": "doit être un texte",
    "bool_type": "doit être vrai ou faux (true / false)",
    "bool_parsing": "doit être vrai ou faux (true / false)",
    "list_type": "doit être une liste",
    "dict_type": "doit être un dictionnaire (clé: valeur)",
    "model_type": "doit être un dictionnaire (clé: valeur)",
    "model_attributes_type": "doit être un dictionnaire (clé: valeur)",
    "finite_number": "doit être un nombre fini",
    "frozen_instance": "valeur non modifiable",
}

_WITH_CTX: dict[str, str] = {
    "greater_than": "valeur hors plage : doit être strictement supérieure à {gt}",
    "greater_than_equal": "valeur hors plage : doit être supérieure ou égale à {ge}",
    "less_than": "valeur hors plage : doit être strictement inférieure à {lt}",
    "less_than_equal": "valeur hors plage : doit être inférieure ou égale à {le}",
    "too_short": "doit contenir au moins {min_length} élément(s)",
    "too_long": "doit contenir au plus {max_length} élément(s)",
    "string_too_short": "doit contenir au moins {min_length} caractère(s)",
    "string_too_long": "doit contenir au plus {max_length} caractère(s)",
    "string_pattern_mismatch": "format invalide (motif attendu : {pattern})",
    "enum": "valeur non autorisée (valeurs possibles : {expected})",
    "literal_error": "valeur non autorisée (valeurs possibles : {expected})",
    "decimal_max_places": "pas plus de {decimal_places} décimales",
    "decimal_max_digits": "pas plus de {max_digits} chiffres",
}


def french_message(error: Mapping[str, Any]) -> str:
    """Translate one pydantic error into French."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if kind in _WITH_CTX:
        try:
            return _WITH_CTX[kind].format(**{k: str(v) for k, v in ctx.items()})
        except KeyError:
            pass
    return f"valeur invalide ({error['msg']})"
