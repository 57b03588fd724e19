"""A situation for a CRM opportunity: the generated world, with the prospect's identity."""

from __future__ import annotations

import copy
from typing import Any

from simulator.scenarios.generator.identifiers import tva_intracommunautaire
from simulator.scenarios.prospects.towns import COMMUNES

Snapshot = dict[str, Any]


def _region(department_code: str, fallback: str) -> str:
    """The region of a department, from our town table."""
    return next((c.region for c in COMMUNES if c.departement_code == department_code), fallback)


def with_prospect(snapshot: Snapshot, prospect: dict[str, Any]) -> Snapshot:
    """A new snapshot whose client company and buyer are the prospect of the student's file.

    Needs, finances, supply and the buyer's hidden side stay those of the generated situation:
    the prospect file only knows who the company is, not what it will buy.
    """
    result = copy.deepcopy(snapshot)
    company = result["client"]["company"]
    siret = prospect.get("siret") or ""
    siren = prospect.get("siren") or (siret[:9] if len(siret) == 14 else "")
    company["raison_sociale"] = prospect["raison_sociale"]
    if siren and len(siret) == 14:
        company.update(
            siren=siren,
            siret=siret,
            nic=siret[9:],
            tva_intracommunautaire=tva_intracommunautaire(siren),
        )
    company["naf"] = {
        **company["naf"],
        "code": prospect["naf_code"],
        "label": prospect["naf_libelle"],
    }
    address = company["address"]
    company["address"] = {
        **address,
        "street": prospect["rue"],
        "postcode": prospect["code_postal"],
        "city": prospect["ville"],
        "department_code": prospect["departement_code"],
        "department": prospect["departement"],
        "region": _region(prospect["departement_code"], address["region"]),
    }
    company["phone"] = prospect["telephone"]
    contact = prospect.get("contact") or {}
    buyer = result["buyer"]
    for person in result["client"]["contacts"]:
        if person["id"] == buyer["contact_id"] and contact:
            person.update(
                civilite=contact["civilite"],
                first_name=contact["prenom"],
                last_name=contact["nom"],
                email=contact["email"],
            )
            buyer["name"] = f"{contact['prenom']} {contact['nom']}"
    return result
