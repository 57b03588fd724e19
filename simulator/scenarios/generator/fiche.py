"""The candidate's own *fiche descriptive*: their real internship negotiation, as a situation.

Pure module (no Flask, no database). ``Fiche`` validates the student's form or YAML with French
messages; ``apply_fiche`` overwrites a generated snapshot with the fiche's facts and recomputes the
negotiation block, so the result has exactly the structure of a generated situation and every
later feature (situation pages, quote builder, negotiation adapter, jury console) works on it.
What the fiche does not capture (financial statements, payment history, utterances, registry,
buyer preference tables) is kept from the generated snapshot of the same pack and seed.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from simulator.engine.money import cents
from simulator.scenarios.errors import field_path, french_message
from simulator.scenarios.generator.company import slug
from simulator.scenarios.generator.core import counterpart, generate, refresh_negotiation
from simulator.scenarios.generator.geo import VILLES
from simulator.scenarios.generator.identifiers import luhn_valid, make_siret, tva_intracommunautaire
from simulator.scenarios.schema.common import Persona, Role, Soncas
from simulator.scenarios.schema.pack import Pack
from simulator.scenarios.situation.model import Situation, to_json

MAX_YAML_BYTES = 100 * 1024
MAX_CONTACTS, MAX_LINES = 4, 5
VAT_RATES = (Decimal(0), Decimal("2.1"), Decimal("5.5"), Decimal(10), Decimal(20))
COUNTERPART_ORDER = ("acheteur", "decideur", "prescripteur", "utilisateur", "filtre")
_REF = re.compile(r"^[A-Z0-9][A-Z0-9._-]{1,31}$")
_NAF = re.compile(r"^\d{2}\.\d{2}[A-Z]$")
_POSTCODE = re.compile(r"^\d{5}$")


class FicheModel(BaseModel):
    """Strict base: unknown fields are refused, surrounding spaces stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class FicheVendeur(FicheModel):
    """The internship company (the seller)."""

    name: str = Field(min_length=2, max_length=120)
    city: str = Field(min_length=2, max_length=80)


class FicheClient(FicheModel):
    """The client company as registered (SIRENE facts)."""

    raison_sociale: str = Field(min_length=2, max_length=120)
    siren: str
    naf: str
    city: str = Field(min_length=2, max_length=80)
    postcode: str
    headcount: int = Field(ge=1, le=500_000)

    @field_validator("siren", mode="before")
    @classmethod
    def _siren(cls, value: Any) -> str:
        text = re.sub(r"\s", "", str(value or ""))
        if not re.fullmatch(r"\d{9}", text):
            raise ValueError("le SIREN doit comporter exactement 9 chiffres")
        if not luhn_valid(text):
            raise ValueError(
                "SIREN invalide : la clé de contrôle (algorithme de Luhn) ne correspond pas"
            )
        return text

    @field_validator("naf", mode="before")
    @classmethod
    def _naf(cls, value: Any) -> str:
        text = str(value or "").strip().upper()
        if re.fullmatch(r"\d{4}[A-Z]", text):
            text = f"{text[:2]}.{text[2:]}"
        if not _NAF.fullmatch(text):
            raise ValueError(
                "code NAF invalide : format attendu 2 chiffres, point, 2 chiffres, "
                "une lettre (ex. 25.62B)"
            )
        return text

    @field_validator("postcode", mode="before")
    @classmethod
    def _postcode(cls, value: Any) -> str:
        text = str(value or "").strip()
        if not _POSTCODE.fullmatch(text):
            raise ValueError("le code postal doit comporter 5 chiffres")
        return text


class FicheContact(FicheModel):
    """A member of the buying centre met during the internship."""

    name: str = Field(min_length=2, max_length=80)
    job_title: str = Field(min_length=2, max_length=80)
    role: Role
    persona: Persona
    motivations: list[Soncas] = Field(min_length=1, max_length=3)


class FicheLigne(FicheModel):
    """A line of the proposed solution."""

    ref: str
    designation: str = Field(min_length=3, max_length=160)
    quantity: int = Field(ge=1, le=100_000)
    list_price_ht: Decimal = Field(gt=0, le=10_000_000)
    purchase_cost_ht: Decimal = Field(ge=0, le=10_000_000)
    vat_rate: Decimal = Decimal(20)

    @field_validator("ref", mode="before")
    @classmethod
    def _ref(cls, value: Any) -> str:
        text = str(value or "").strip().upper()
        if not _REF.fullmatch(text):
            raise ValueError(
                "référence invalide : 2 à 32 caractères, lettres, chiffres, « . », "
                "« _ » ou « - »"
            )
        return text

    @field_validator("vat_rate")
    @classmethod
    def _vat(cls, value: Decimal) -> Decimal:
        if value not in VAT_RATES:
            raise ValueError("taux de TVA non autorisé (valeurs possibles : 0, 2,1, 5,5, 10, 20)")
        return value

    @model_validator(mode="after")
    def _cost_below_price(self) -> FicheLigne:
        if self.purchase_cost_ht > self.list_price_ht:
            raise ValueError("le coût d'achat HT dépasse le prix catalogue HT")
        return self


class FicheConditions(FicheModel):
    """Payment and delivery terms."""

    payment_days: int = Field(ge=0, le=60)
    delivery_weeks: int = Field(ge=0, le=52)


class FicheConcurrent(FicheModel):
    """The competitor the client compared with."""

    name: str = Field(min_length=2, max_length=120)
    price_index: Decimal = Field(ge=50, le=150)


class FicheObjectifs(FicheModel):
    """The seller's objectives and the client's announced budget."""

    target_discount_max_pct: Decimal = Field(ge=0, le=50)
    budget_ht: Decimal = Field(gt=0, le=100_000_000)


class Fiche(FicheModel):
    """The whole fiche descriptive."""

    vendeur: FicheVendeur
    client: FicheClient
    contacts: list[FicheContact] = Field(min_length=1, max_length=MAX_CONTACTS)
    lines: list[FicheLigne] = Field(min_length=1, max_length=MAX_LINES)
    conditions: FicheConditions
    concurrent: FicheConcurrent
    constraints: list[str] = Field(default_factory=list, max_length=10)
    objectifs: FicheObjectifs

    @field_validator("constraints", mode="before")
    @classmethod
    def _constraints(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.splitlines()
        if isinstance(value, list):
            return [str(v).strip() for v in value if str(v).strip()]
        return value

    @model_validator(mode="after")
    def _unique_refs(self) -> Fiche:
        refs = [line.ref for line in self.lines]
        if len(set(refs)) != len(refs):
            raise ValueError("deux lignes de la solution ont la même référence")
        return self


def fiche_errors(exc: ValidationError) -> dict[str, str]:
    """French error per field path (« client.siren », « lines.0.quantity », « racine »)."""
    errors: dict[str, str] = {}
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if part != "[key]")
        errors.setdefault(field_path(loc), french_message(error).removeprefix("Value error, "))
    return errors


def parse_fiche(data: Any) -> tuple[Fiche | None, dict[str, str]]:
    """Validate raw data; return the fiche or the French errors by field path."""
    if not isinstance(data, dict):
        return None, {"racine": "la fiche doit être un dictionnaire (clé: valeur)"}
    try:
        return Fiche.model_validate(data), {}
    except ValidationError as exc:
        return None, fiche_errors(exc)


def _address(postcode: str, city: str) -> dict[str, str]:
    department = postcode[:3] if postcode.startswith("97") else postcode[:2]
    known = next((v for v in VILLES if v.department_code == department), None)
    return {
        "street": "",
        "postcode": postcode,
        "city": city,
        "department_code": department,
        "department": known.department if known else "",
        "region": known.region if known else "",
    }


def _split_name(name: str) -> tuple[str, str]:
    first, _, last = name.partition(" ")
    return (first, last) if last else ("", first)


def _product(line: FicheLigne) -> dict[str, Any]:
    return {
        "ref": line.ref,
        "designation": line.designation,
        "family": "Solution proposée",
        "brand": "",
        "unit": "pièce",
        "characteristics": {"Désignation": line.designation},
        "list_price_ht": str(cents(line.list_price_ht)),
        "purchase_cost": str(cents(line.purchase_cost_ht)),
        "vat_rate": str(line.vat_rate),
        "warranty_months": 12,
        "options": [],
        "services": [],
        "arguments": [
            {
                "caracteristique": line.designation,
                "avantage": "Répond au besoin exprimé par le client",
                "preuve": "Négociation réelle du stage (fiche descriptive)",
                "motivations": ["argent"],
            }
        ],
    }


def _need_line(line: FicheLigne) -> dict[str, Any]:
    price = cents(line.list_price_ht)
    return {
        "ref": line.ref,
        "designation": line.designation,
        "unit": "pièce",
        "quantity": line.quantity,
        "list_price_ht": str(price),
        "vat_rate": str(line.vat_rate),
        "amount_ht": str(cents(price * line.quantity)),
    }


def _contacts(fiche: Fiche, generated: list[dict[str, Any]], domain: str) -> list[dict[str, Any]]:
    objections = {c["role"]: c["objections"] for c in generated}
    contacts = []
    for index, person in enumerate(fiche.contacts, start=1):
        first, last = _split_name(person.name)
        local = ".".join(p for p in (slug(first), slug(last)) if p) or f"contact{index}"
        contacts.append(
            {
                "id": f"c{index}",
                "civilite": "",
                "first_name": first,
                "last_name": last,
                "job_title": person.job_title,
                "role": person.role.value,
                "persona": person.persona.value,
                "motivations": [m.value for m in person.motivations],
                "objections": objections.get(person.role.value, []),
                "phone": "",
                "email": f"{local}@{domain}",
            }
        )
    return contacts


def _counterpart_role(contacts: list[dict[str, Any]], wanted: str) -> str:
    roles: list[str] = [c["role"] for c in contacts]
    for role in (wanted, *COUNTERPART_ORDER):
        if role in roles:
            return role
    return roles[0]


def apply_fiche(snapshot: dict[str, Any], fiche: Fiche) -> dict[str, Any]:
    """Overwrite a generated snapshot (JSON form) with the fiche; same structure, fresh negotiation."""
    s = json.loads(json.dumps(snapshot))
    c = fiche.client
    domain = f"{slug(c.raison_sociale) or 'client'}.fr"
    siret = make_siret(c.siren, 1)
    company = s["client"]["company"]
    company.update(
        {
            "raison_sociale": c.raison_sociale,
            "siren": c.siren,
            "nic": siret[9:],
            "siret": siret,
            "tva_intracommunautaire": tva_intracommunautaire(c.siren),
            "naf": {
                "code": c.naf,
                "label": f"Activité déclarée (code NAF {c.naf})",
                "version": "NAF rév. 2",
            },
            "headcount": c.headcount,
            "archetype_label": "Client réel du stage (fiche descriptive)",
            "address": _address(c.postcode, c.city),
            "phone": "",
            "email": f"contact@{domain}",
            "website": f"www.{domain}",
        }
    )
    wanted = s["buyer"]["role"]
    s["client"]["contacts"] = _contacts(fiche, s["client"]["contacts"], domain)
    s["client"]["budget_ht"] = str(cents(fiche.objectifs.budget_ht))
    s["seller"].update(
        {
            "name": fiche.vendeur.name,
            "city": fiche.vendeur.city,
            "description": "Entreprise d'accueil du stage (fiche descriptive).",
            "payment_days": fiche.conditions.payment_days,
        }
    )
    s["catalogue"] = {"products": [_product(line) for line in fiche.lines], "services": []}
    lines = [_need_line(line) for line in fiche.lines]
    total = cents(sum((Decimal(line["amount_ht"]) for line in lines), Decimal(0)))
    weeks = fiche.conditions.delivery_weeks
    s["need"] = {
        "label": f"Négociation réelle avec {c.raison_sociale}",
        "context": "Situation issue de la fiche descriptive du candidat (négociation "
        "menée en stage).",
        "lines": lines,
        "services": [],
        "constraints": list(fiche.constraints),
        "deadline_weeks": max(1, weeks),
        "list_total_ht": str(total),
    }
    s["supply"] = [
        {
            "ref": line.ref,
            "supplier": fiche.vendeur.name,
            "needed": line.quantity,
            "stock": line.quantity,
            "shortage": False,
            "lead_time_weeks": weeks,
            "moq": 1,
            "franco_threshold_ht": s["terms"]["franco_threshold_ht"],
            "price_increase": None,
        }
        for line in fiche.lines
    ]
    k = fiche.concurrent
    s["competitors"] = [
        {
            "name": k.name,
            "positioning": "Concurrent cité par le client",
            "price_index": str(k.price_index),
            "offer_total_ht": str(cents(total * k.price_index / 100)),
            "lead_time_weeks": weeks,
            "payment_days": fiche.conditions.payment_days,
            "warranty_months": 12,
            "strengths": [],
            "weaknesses": [],
        }
    ]
    s["terms"]["seller_payment_days"] = fiche.conditions.payment_days
    for issue in s["negotiation"]["hidden"]["rules"]["issues"]:
        if issue["key"] == "remise_pct":
            issue["max"] = str(fiche.objectifs.target_discount_max_pct)
    situation = Situation.model_validate(s)
    situation.buyer = counterpart(
        situation.client.contacts, _counterpart_role(s["client"]["contacts"], wanted)
    )
    refresh_negotiation(situation)
    resultat: dict[str, Any] = json.loads(to_json(situation))
    return resultat


def situation_from_fiche(fiche: Fiche, seed: int, pack: Pack) -> dict[str, Any]:
    """The snapshot of the fiche on the pack's frame (pack + seed give what the fiche lacks)."""
    return apply_fiche(json.loads(to_json(generate(pack, seed))), fiche)
