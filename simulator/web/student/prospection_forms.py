"""Reading the prospection forms: the listing filters, the targeting grid, the campaign plan
and a CRM activity, as pydantic models read by `read_form`. Values are kept as typed (strings)
so that a refused form loses nothing; the use cases in operations validate them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, field_validator
from werkzeug.datastructures import MultiDict

from simulator.engine.numbers import int_or_none
from simulator.engine.prospection import Filtres
from simulator.engine.prospection.channels import ORDRE_CANAUX
from simulator.engine.prospection.targeting_score import Critere
from simulator.operations.prospection import TRANCHES
from simulator.web.forms import Text, Typed, as_typed, posted, read_form


class FilterForm(BaseModel):
    """The listing's query string: a search text, one value per filter, the « flagged » switch."""

    q: Annotated[str, as_typed(80)]
    departement: Typed
    naf: Typed
    tranche: Typed
    distance_max: Text
    signales: Typed

    def filtres(self) -> Filtres:
        """The engine's filters: unknown or unreadable values mean « all »."""
        return Filtres(
            texte=self.q,
            departements=frozenset(v for v in [self.departement] if v),
            naf=frozenset(v for v in [self.naf] if v),
            tranches=frozenset(v for v in [self.tranche] if v in TRANCHES),
            distance_max_km=int_or_none(self.distance_max, high=100_000),
        )


def lire_filtres(args: Mapping[str, str]) -> tuple[Filtres, bool]:
    """Filters from the query string (unknown or unreadable values mean « all »)."""
    form = read_form(FilterForm, posted(args, dict.fromkeys(FilterForm.model_fields, "")))
    return form.filtres(), form.signales == "1"


class CriteriaForm(BaseModel):
    """The targeting grid as typed: a weight per criterion, target NAF codes, radius, favourable
    suppliers and the A/B thresholds."""

    poids: dict[str, str]
    naf_cibles: list[str]
    rayon_km: str
    fournisseurs_favorables: list[str]
    seuil_a: str
    seuil_b: str

    @staticmethod
    def shape(form: MultiDict[str, str]) -> dict[str, Any]:
        return {
            "poids": {c.value: form.get(f"poids_{c.value}", "0") for c in Critere},
            "naf_cibles": form.getlist("naf_cibles"),
            "rayon_km": form.get("rayon_km", ""),
            "fournisseurs_favorables": form.getlist("fournisseurs_favorables"),
            "seuil_a": form.get("seuil_a", ""),
            "seuil_b": form.get("seuil_b", ""),
        }


def lire_criteres_form(form: MultiDict[str, str]) -> dict[str, Any]:
    """The grid as typed, kept as strings so a refused grid loses nothing."""
    return read_form(CriteriaForm, CriteriaForm.shape(form)).model_dump()


class ChannelPlanForm(BaseModel):
    """One channel of the plan: the segments it targets, a cap and explicit row ids."""

    segments: list[str]
    max: str
    ids: Text

    @field_validator("segments")
    @classmethod
    def _known_segments(cls, segments: list[str]) -> list[str]:
        return [s for s in segments if s in "ABC" and s]


class PlanForm(BaseModel):
    """The campaign plan as typed: per channel, the budget and the objectives."""

    canaux: dict[str, ChannelPlanForm]
    budget: str
    objectifs: dict[str, str]

    @staticmethod
    def shape(form: MultiDict[str, str]) -> dict[str, Any]:
        return {
            "canaux": {
                canal.value: {
                    "segments": form.getlist(f"segments_{canal.value}"),
                    "max": form.get(f"max_{canal.value}", ""),
                    "ids": form.get(f"ids_{canal.value}", ""),
                }
                for canal in ORDRE_CANAUX
            },
            "budget": form.get("budget", ""),
            "objectifs": {k: form.get(f"obj_{k}", "") for k in ("contacts", "rdv", "opportunites")},
        }

    def plan(self) -> dict[str, Any]:
        """The plan as the use case reads it: only the channels given segments or ids."""
        return {
            "canaux": {
                canal: row.model_dump()
                for canal, row in self.canaux.items()
                if row.segments or row.ids
            },
            "budget": self.budget,
            "objectifs": dict(self.objectifs),
        }


def lire_plan_form(form: MultiDict[str, str]) -> dict[str, Any]:
    """The plan as typed: per channel the segments, a cap and explicit row ids."""
    return read_form(PlanForm, PlanForm.shape(form)).plan()


class ActivityForm(BaseModel):
    """A CRM activity as typed (trimmed): its kind, date, notes and the next action."""

    kind: Text
    done_on: Text
    notes: Text
    next_action: Text
    next_action_on: Text


def lire_activite(form: Mapping[str, str]) -> dict[str, str]:
    """The activity as typed."""
    return read_form(
        ActivityForm, posted(form, dict.fromkeys(ActivityForm.model_fields, ""))
    ).model_dump()
