"""Read JSON-like dicts into the engine's dataclasses, naming the faulty field in French."""

from __future__ import annotations

import types
from dataclasses import MISSING, fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Union, cast, get_args, get_origin, get_type_hints

from simulator.engine.errors import EngineError
from simulator.engine.validation import decimal_exact


def lire(cls: type, data: object, chemin: str, erreur: type[EngineError]) -> Any:
    """Build the dataclass cls from a dict; unknown and missing fields are refused."""
    if not isinstance(data, dict):
        raise erreur(chemin or "racine", "objet JSON attendu (entre accolades)")
    noms = [f.name for f in fields(cls)]
    for cle in data:
        if cle not in noms:
            raise erreur(
                joindre(chemin, cle), "champ inconnu (champs admis : " + ", ".join(noms) + ")"
            )
    indices = get_type_hints(cls)
    valeurs = {}
    for f in fields(cls):
        if f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise erreur(joindre(chemin, f.name), "champ obligatoire manquant")
            continue
        valeurs[f.name] = convertir(indices[f.name], data[f.name], joindre(chemin, f.name), erreur)
    return cls(**valeurs)


def joindre(chemin: str, cle: str) -> str:
    """Join a parent path and a key: lignes[0] + quantite -> lignes[0].quantite."""
    return f"{chemin}.{cle}" if chemin else cle


def convertir(typ: Any, valeur: object, chemin: str, erreur: type[EngineError]) -> Any:
    """Convert one JSON value to the annotated type."""
    origine = get_origin(typ)
    if origine in (Union, types.UnionType):
        if valeur is None:
            return None
        typ = next(a for a in get_args(typ) if a is not type(None))
        return convertir(typ, valeur, chemin, erreur)
    if origine is tuple:
        if not isinstance(valeur, list):
            raise erreur(chemin, "liste attendue (entre crochets)")
        return tuple(
            convertir(get_args(typ)[0], v, f"{chemin}[{i}]", erreur) for i, v in enumerate(valeur)
        )
    if is_dataclass(typ):
        return lire(cast(type, typ), valeur, chemin, erreur)
    return convertir_simple(typ, valeur, chemin, erreur)


def convertir_simple(typ: Any, valeur: object, chemin: str, erreur: type[EngineError]) -> Any:
    """Convert a scalar: Decimal, int, bool, str or ISO date."""
    if typ is Decimal:
        return decimal_exact(valeur, chemin, erreur)
    if typ is bool:
        if not isinstance(valeur, bool):
            raise erreur(chemin, "vrai ou faux attendu (true / false)")
        return valeur
    if typ is int:
        if isinstance(valeur, bool) or not isinstance(valeur, int):
            raise erreur(chemin, f"nombre entier attendu (reçu : {valeur!r})")
        return valeur
    if typ is str:
        if not isinstance(valeur, str):
            raise erreur(chemin, f"texte attendu (reçu : {valeur!r})")
        return valeur
    if typ is date:
        try:
            return date.fromisoformat(str(valeur))
        except ValueError:
            raise erreur(
                chemin, f"date attendue au format AAAA-MM-JJ (reçu : {valeur!r})"
            ) from None
    raise erreur(chemin, f"type non pris en charge : {typ}")
