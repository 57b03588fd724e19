"""Generate the client company and its buying centre contacts."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from faker import Faker

from simulator.scenarios.generator.titles import agree
from simulator.scenarios.generator.draws import int_between, weighted
from simulator.scenarios.generator.geo import VILLES
from simulator.scenarios.generator.identifiers import make_siren, make_siret, tva_intracommunautaire
from simulator.scenarios.schema.clients import Archetype
from simulator.scenarios.schema.common import Soncas
from simulator.scenarios.schema.pack import Pack
from simulator.scenarios.situation.client import Address, Company, Contact, Naf, Objection

_CAPITAL: dict[str, tuple[int, ...]] = {
    "SAS": (1000, 5000, 10000, 20000, 50000, 100000),
    "SASU": (1000, 3000, 5000, 10000),
    "SARL": (1000, 5000, 7500, 10000, 20000, 50000),
    "EURL": (1000, 3000, 5000, 8000),
    "SA": (37000, 50000, 100000, 250000, 500000),
    "SCOP": (5000, 15000, 30000, 60000),
}


def slug(text: str) -> str:
    """ASCII lowercase slug for e-mail addresses and domains (« Électricité » -> « electricite »)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def phone(rng: random.Random, zone: str) -> str:
    """French number « 0Z XX XX XX XX » (zone 1-5 landline, 6-7 mobile)."""
    pairs = " ".join(f"{rng.randint(10, 99)}" for _ in range(4))
    return f"0{zone} {pairs}"


def make_company(pack: Pack, archetype: Archetype, rng: random.Random, faker: Faker) -> Company:
    """Draw the company's identity: name, legal form, identifiers, NAF, address, headcount."""
    name = rng.choice(archetype.name_patterns).format(nom=faker.last_name())
    form = rng.choice(archetype.legal_forms).value
    naf = rng.choice(archetype.naf)
    siren = make_siren(rng)
    siret = make_siret(siren, rng.randint(1, 3))
    ville = VILLES[rng.randrange(len(VILLES))]
    street = faker.street_address()
    domain = f"{slug(name)}.fr"
    return Company(
        raison_sociale=name,
        legal_form=form,
        capital_social=Decimal(rng.choice(_CAPITAL[form])).quantize(Decimal("0.01")),
        siren=siren,
        nic=siret[9:],
        siret=siret,
        tva_intracommunautaire=tva_intracommunautaire(siren),
        naf=Naf(code=naf.code, label=naf.label, version=naf.version),
        headcount=int_between(rng, archetype.headcount),
        segment=archetype.segment,
        archetype=archetype.key,
        archetype_label=archetype.label,
        address=Address(
            street=street,
            postcode=ville.postcode,
            city=ville.city,
            department_code=ville.department_code,
            department=ville.department,
            region=ville.region,
        ),
        phone=phone(rng, ville.phone_zone),
        email=f"contact@{domain}",
        website=f"www.{domain}",
    )


#: motivations each contact holds, drawn from the role's pool (the first drawn is the dominant one)
MOTIVATIONS_PER_CONTACT = 2


def draw_motivations(pool: Sequence[Soncas], rng: random.Random) -> list[str]:
    """Draw MOTIVATIONS_PER_CONTACT distinct motivations from a role's pool, dominant first.

    Weighted without replacement: the pool lists the most typical first, and the i-th of n
    weighs n - i, so the dominant motivation is usually a typical one but varies (issue 11).
    """
    left = list(pool)
    picked: list[str] = []
    while left and len(picked) < MOTIVATIONS_PER_CONTACT:
        ranks = [Decimal(len(left) - i) for i in range(len(left))]
        choice = weighted(rng, left, ranks)
        left.remove(choice)
        picked.append(choice.value)
    return picked


def make_contacts(
    pack: Pack, company: Company, rng: random.Random, faker: Faker, seed: int
) -> list[Contact]:
    """One contact per buying-centre role, with persona, motivations and objections.

    The motivations come from their own stream, seeded by the situation's seed: the size of a
    role's pool does not shift the main stream (company, need, supply… stay as they were).
    """
    domain = company.website.removeprefix("www.")
    motivations_rng = random.Random(f"{seed}:motivations")
    contacts = []
    for index, role in enumerate(pack.buying_centre, start=1):
        female = rng.randint(0, 1) == 1
        first = faker.first_name_female() if female else faker.first_name_male()
        last = faker.last_name()
        personas = list(role.persona_weights)
        persona = weighted(rng, personas, [role.persona_weights[p] for p in personas])
        contacts.append(
            Contact(
                id=f"c{index}",
                civilite="Mme" if female else "M.",
                first_name=first,
                last_name=last,
                job_title=agree(rng.choice(role.job_titles), female),
                role=role.role.value,
                persona=persona.value,
                motivations=draw_motivations(role.motivations, motivations_rng),
                objections=[Objection(kind=o.kind.value, text=o.text) for o in role.objections],
                phone=phone(rng, rng.choice("67")),
                email=f"{slug(first)}.{slug(last)}@{domain}",
            )
        )
    return contacts
