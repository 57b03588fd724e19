"""The scenario pack model and its JSON Schema export."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import Field

from simulator.resources import resource_dir
from simulator.scenarios.schema.catalogue import Catalogue, Sector, Seller, Supplier
from simulator.scenarios.schema.clients import (
    Archetype,
    BuyingRole,
    Competitor,
    FinancialRanges,
    default_financial_profiles,
)
from simulator.scenarios.schema.common import ProfilFinancier, StrictModel
from simulator.scenarios.schema.frame import NegotiationFrame, RegistryEntry, Utterances

SCHEMA_PATH = resource_dir("scenario_packs") / "schema.json"


class PackOptions(StrictModel):
    """Pack-wide switches."""

    allow_student_costs: bool = Field(default=True, description="l'étudiant voit les coûts d'achat")


class Pack(StrictModel):
    """A scenario pack: everything a trainer describes about a sector and its situations."""

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,60}$")
    version: int = Field(ge=1)
    title: str = Field(min_length=3)
    description: str = ""
    pack: PackOptions = PackOptions()
    sector: Sector
    seller: Seller
    catalogue: Catalogue
    suppliers: list[Supplier] = Field(min_length=1)
    financial_profiles: dict[ProfilFinancier, FinancialRanges] = Field(
        default_factory=default_financial_profiles
    )
    archetypes: list[Archetype] = Field(min_length=1)
    buying_centre: list[BuyingRole] = Field(min_length=1)
    competitors: list[Competitor] = Field(min_length=1)
    negotiation: NegotiationFrame
    registry: list[RegistryEntry] = Field(default_factory=list)
    utterances: Utterances


def pack_json_schema() -> str:
    """Return the pack's JSON Schema as stable, sorted JSON text."""
    schema = Pack.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "NegoLab — pack de scénarios"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_json_schema(path: Path = SCHEMA_PATH) -> Path:
    """Write the JSON Schema next to the packs so editors offer completion."""
    path.write_text(pack_json_schema(), encoding="utf-8")
    return path
