"""Run a whole prospection exercise described in JSON (docs/examples/campaign.json) for a CLI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from simulator.engine.prospection import (
    Qualification,
    ResultatCampagne,
    couts_par_canal,
    entonnoir,
    evaluer_signalements,
    lire_cadre,
    lire_canal,
    lire_criteres,
    lire_plan,
    lire_signalements,
    parametres_canaux,
    qualifier,
    qualite_ciblage,
    simuler_campagne,
)
from simulator.scenarios.prospects.generation import fichier_depuis_pack
from simulator.scenarios.prospects.source import objections_du_pack
from simulator.scenarios.schema.loader import load_pack


def _cibles(q: Qualification, regle: Mapping[str, Any]) -> list[str]:
    """Targets of a channel: explicit ids, best N, or segments (optionally capped by max)."""
    if "ids" in regle:
        return list(regle["ids"])
    if "meilleurs" in regle:
        return list(q.meilleurs(int(regle["meilleurs"])))
    ids = q.ids_segment(*regle.get("segments", ()))
    return list(ids[: int(regle["max"])] if "max" in regle else ids)


def jsonable(valeur: Any) -> Any:
    """Decimals as strings, enums as values, dict keys as strings, tuples as lists."""
    if isinstance(valeur, Decimal):
        return str(valeur)
    if isinstance(valeur, Enum):
        return valeur.value
    if isinstance(valeur, Mapping):
        return {str(jsonable(k)): jsonable(v) for k, v in valeur.items()}
    if isinstance(valeur, list | tuple | set | frozenset):
        return [jsonable(v) for v in valeur]
    return valeur


def executer(data: Mapping[str, Any], dossier_packs: Path) -> dict[str, Any]:
    """Generate, qualify, plan and run; return the debrief as JSON-ready data."""
    pack = load_pack(dossier_packs / f"{data['pack']}.yaml")
    deps = tuple(data["departements"]) if data.get("departements") else None
    fichier = fichier_depuis_pack(pack, int(data["seed"]), int(data.get("nombre", 400)), deps)
    c = data["criteres"]
    options = {k: v for k, v in c.items() if k != "poids"}
    for cle in ("naf_cibles", "fournisseurs_favorables"):
        if cle in options:
            options[cle] = frozenset(options[cle])
    criteres = lire_criteres(c["poids"], **options)
    flags = lire_signalements(data.get("signalements", {}))
    q = qualifier(fichier, flags, criteres)
    p = data["plan"]
    actions = {nom: _cibles(q, regle) for nom, regle in p["canaux"].items()}
    plan = lire_plan(actions, p["budget_ht"], p.get("objectifs"))
    canaux = parametres_canaux(data.get("canaux"))
    r = simuler_campagne(
        fichier,
        q,
        plan,
        int(data.get("seed_campagne", data["seed"])),
        lire_cadre(data.get("cadre")),
        canaux,
        objections_du_pack(pack),
    )
    return _debrief(r, q, fichier, evaluer_signalements(fichier, flags))


def _debrief(r: ResultatCampagne, q: Qualification, fichier: Any, note: Any) -> dict[str, Any]:
    """The JSON debrief (revealed data included: the campaign is over)."""
    sortie: dict[str, Any] = jsonable(
        {
            "segments": q.segments(),
            "qualification": asdict(note),
            "comptages": asdict(r.comptages),
            "indicateurs": asdict(r.indicateurs),
            "objectifs": [asdict(e) for e in r.objectifs],
            "par_canal": {lire_canal(c.value).value: asdict(b) for c, b in r.par_canal.items()},
            "leads": [asdict(lead) for lead in r.leads],
            "objections": [list(o) for o in r.objections[:10]],
            "graphiques": {
                "entonnoir": entonnoir(r.comptages),
                "couts_par_canal": couts_par_canal(r),
            },
            "qualite_ciblage": qualite_ciblage(fichier, q.meilleurs(len(q.classement)), 50),
        }
    )
    return sortie
