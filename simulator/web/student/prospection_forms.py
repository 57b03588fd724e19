"""Reading the prospection forms: the listing filters, the targeting grid, the campaign plan
and a CRM activity, kept as typed (strings) so that a refused form loses nothing; the use cases
in operations validate them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from werkzeug.datastructures import MultiDict

from simulator.engine.numbers import int_or_none
from simulator.engine.prospection import Filtres
from simulator.engine.prospection.channels import ORDRE_CANAUX
from simulator.engine.prospection.targeting_score import Critere
from simulator.operations.prospection import TRANCHES


def lire_filtres(args: Mapping[str, str]) -> tuple[Filtres, bool]:
    """Filters from the query string (unknown or unreadable values mean « all »)."""
    distance = args.get("distance_max", "").strip()
    filtres = Filtres(
        texte=args.get("q", "")[:80],
        departements=frozenset(v for v in [args.get("departement", "")] if v),
        naf=frozenset(v for v in [args.get("naf", "")] if v),
        tranches=frozenset(v for v in [args.get("tranche", "")] if v in TRANCHES),
        distance_max_km=int_or_none(distance, high=100_000),
    )
    return filtres, args.get("signales") == "1"


def lire_criteres_form(form: MultiDict[str, str]) -> dict[str, Any]:
    """The grid as typed, kept as strings so a refused grid loses nothing."""
    return {
        "poids": {c.value: form.get(f"poids_{c.value}", "0") for c in Critere},
        "naf_cibles": form.getlist("naf_cibles"),
        "rayon_km": form.get("rayon_km", ""),
        "fournisseurs_favorables": form.getlist("fournisseurs_favorables"),
        "seuil_a": form.get("seuil_a", ""),
        "seuil_b": form.get("seuil_b", ""),
    }


def lire_plan_form(form: MultiDict[str, str]) -> dict[str, Any]:
    """The plan as typed: per channel the segments, a cap and explicit row ids."""
    table = {}
    for canal in ORDRE_CANAUX:
        segments = [s for s in form.getlist(f"segments_{canal.value}") if s in "ABC" and s]
        ids = form.get(f"ids_{canal.value}", "").strip()
        if segments or ids:
            table[canal.value] = {
                "segments": segments,
                "max": form.get(f"max_{canal.value}", ""),
                "ids": ids,
            }
    return {
        "canaux": table,
        "budget": form.get("budget", ""),
        "objectifs": {k: form.get(f"obj_{k}", "") for k in ("contacts", "rdv", "opportunites")},
    }


def lire_activite(form: Mapping[str, str]) -> dict[str, str]:
    """The activity as typed."""
    return {
        k: form.get(k, "").strip()
        for k in ("kind", "done_on", "notes", "next_action", "next_action_on")
    }
