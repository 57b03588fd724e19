"""A situation for a CRM opportunity: the client IS the prospect of the student's file.

The prospect file knows who the company is (name, identifiers, NAF, headcount band, address,
contact), not what it will buy: the need, the finances and the buyer's hidden side are drawn from
the pack archetype that fits the prospect's sector and size (`pack_for_prospect`), then the
generated identity is replaced by the prospect's (`with_prospect`). A prospect that no archetype
fits is refused with the reason, in French (`NoFittingArchetype`).
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from typing import Any

from simulator.scenarios.generator.company import _CAPITAL, slug
from simulator.scenarios.generator.identifiers import tva_intracommunautaire
from simulator.scenarios.prospects.towns import COMMUNES
from simulator.scenarios.schema.clients import Archetype
from simulator.scenarios.schema.common import IntRange
from simulator.scenarios.schema.pack import Pack

Snapshot = dict[str, Any]

#: the upper bound taken for the open band « 250 salariés et plus »
OPEN_BAND_MAX = 2000
#: a company's share capital grows with its size: at least this much per employee (then the
#: smallest usual amount of its legal form above it), so a 150-employee SA never has 1 000 €
CAPITAL_PER_EMPLOYEE = Decimal(500)
#: legal forms recognised in a company name (« Dupont Industrie SAS »), longest first
_FORMS = ("SASU", "SARL", "EURL", "SCOP", "SAS", "SA")


class NoFittingArchetype(ValueError):
    """No archetype of the pack fits the prospect; `message` says why, in French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def headcount_band(band: str) -> tuple[int, int]:
    """The bounds of an INSEE-like band: « 100 à 249 salariés » -> (100, 249)."""
    numbers = [int(n) for n in re.findall(r"\d+", band.replace("\u202f", "").replace(" ", " "))]
    if len(numbers) >= 2:
        return numbers[0], numbers[1]
    if len(numbers) == 1 and "plus" in band:
        return numbers[0], OPEN_BAND_MAX
    raise NoFittingArchetype(f"Tranche d'effectif illisible dans le fichier : « {band} ».")


def fitting_archetype(pack: Pack, prospect: dict[str, Any]) -> tuple[Archetype, IntRange]:
    """The archetype whose NAF codes hold the prospect's and whose size range meets its band,
    with the headcount range they share; `NoFittingArchetype` otherwise."""
    code, label = prospect["naf_code"], prospect.get("naf_libelle", "")
    low, high = headcount_band(prospect["tranche_effectif"])
    same_sector = [a for a in pack.archetypes if any(n.code == code for n in a.naf)]
    if not same_sector:
        raise NoFittingArchetype(
            f"Aucun type de client du pack « {pack.title} » n'exerce l'activité NAF {code} "
            f"({label}) : ce prospect est hors de la cible du scénario, il n'y a pas de besoin "
            "à négocier avec lui. Choisissez une opportunité dans les secteurs ciblés."
        )
    for archetype in same_sector:
        lo, hi = max(low, archetype.headcount.min, 1), min(high, archetype.headcount.max)
        if lo <= hi:
            return archetype, IntRange(min=lo, max=hi)
    sizes = " ; ".join(
        f"{a.label} : {a.headcount.min} à {a.headcount.max} salariés" for a in same_sector
    )
    raise NoFittingArchetype(
        f"Le secteur NAF {code} ({label}) est ciblé par le pack « {pack.title} », mais pas pour "
        f"une entreprise de {prospect['tranche_effectif']} ({sizes}) : aucun besoin type ne "
        "correspond à sa taille."
    )


def pack_for_prospect(pack: Pack, prospect: dict[str, Any]) -> Pack:
    """The pack reduced to the fitting archetype, its headcount within the prospect's band: the
    generator then draws a need, finances and a buyer of that sector and size."""
    archetype, headcount = fitting_archetype(pack, prospect)
    return pack.model_copy(
        update={"archetypes": [archetype.model_copy(update={"headcount": headcount})]}
    )


def _region(department_code: str, fallback: str) -> str:
    """The region of a department, from our town table."""
    return next((c.region for c in COMMUNES if c.departement_code == department_code), fallback)


def legal_form_in(name: str) -> str | None:
    """The legal form written in a company name, if any (« Ateliers Martin SARL » -> SARL)."""
    words = set(re.findall(r"[A-Za-z]+", name.upper()))
    return next((form for form in _FORMS if form in words), None)


def capital_for(form: str, headcount: int) -> Decimal:
    """A usual share capital of this legal form for a company of this size."""
    floor = CAPITAL_PER_EMPLOYEE * headcount
    amounts = _CAPITAL.get(form, _CAPITAL["SAS"])
    amount = next((a for a in amounts if a >= floor), amounts[-1])
    return Decimal(amount).quantize(Decimal("0.01"))


def company_domain(name: str) -> str:
    """The company's own e-mail domain, from its name (never a contact's former employer's)."""
    return f"{slug(name) or 'entreprise'}.fr"


def with_prospect(snapshot: Snapshot, prospect: dict[str, Any]) -> Snapshot:
    """A new snapshot whose client company and buyer are the prospect of the student's file.

    Generate the snapshot from `pack_for_prospect` first, so that the need, the headcount and the
    finances fit the prospect; here its name, identifiers, NAF, legal form, capital, address,
    e-mail domain and contact replace the generated ones.
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
    form = legal_form_in(prospect["raison_sociale"]) or company["legal_form"]
    company["legal_form"] = form
    company["capital_social"] = str(capital_for(form, int(company["headcount"])))
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
    domain = company_domain(prospect["raison_sociale"])
    company["email"], company["website"] = f"contact@{domain}", f"www.{domain}"
    for person in result["client"]["contacts"]:
        person["email"] = f"{person['email'].partition('@')[0]}@{domain}"
    contact = prospect.get("contact") or {}
    buyer = result["buyer"]
    for person in result["client"]["contacts"]:
        if person["id"] == buyer["contact_id"] and contact:
            person.update(
                civilite=contact["civilite"],
                first_name=contact["prenom"],
                last_name=contact["nom"],
                email=f"{slug(contact['prenom'])}.{slug(contact['nom'])}@{domain}",
            )
            buyer["name"] = f"{contact['prenom']} {contact['nom']}"
    return result
