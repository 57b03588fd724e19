"""Spoil rows on purpose (duplicates, wrong phones, closures, old contacts); record each flaw."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from faker import Faker

from simulator.engine.prospection.prospect_file import Defaut, Prospect, VeriteProspect
from simulator.scenarios.generator.company import phone, slug

Ligne = tuple[Prospect, VeriteProspect]

#: Share of the file (in %) affected by each flaw; duplicates are extra rows, the others spoil rows.
TAUX_DEFAUTS: dict[Defaut, int] = {
    Defaut.doublon_exact: 3,
    Defaut.doublon_approche: 4,
    Defaut.telephone_errone: 6,
    Defaut.entreprise_fermee: 4,
    Defaut.contact_obsolete: 8,
}


def nombre_defauts(total: int) -> dict[Defaut, int]:
    """How many rows carry each flaw in a file of `total` rows (half-up; ≥ 1 from 50 rows)."""
    return {
        d: max((total * taux + 50) // 100, 1 if total >= 50 else 0)
        for d, taux in TAUX_DEFAUTS.items()
    }


def _vieillir(rng: random.Random, p: Prospect, date_reference: date) -> str:
    """An old update date (18 months to 5 years): flawed rows are usually stale."""
    return (date_reference - timedelta(days=rng.randint(550, 1800))).isoformat()


def _marquer(v: VeriteProspect, defaut: Defaut, detectable: bool, **champs: Any) -> VeriteProspect:
    """Add a flaw to the ground truth."""
    return replace(
        v,
        defauts=v.defauts + (defaut,),
        detectable=v.detectable + ((defaut,) if detectable else ()),
        **champs,
    )


def telephone_errone(rng: random.Random, ligne: Ligne, date_ref: date) -> Ligne:
    """Half malformed (readable in the file), half well-formed but someone else's number."""
    p, v = ligne
    chiffres = p.telephone.replace(" ", "")
    if rng.randint(0, 1):
        faux = rng.choice(
            (
                p.telephone[:-1],
                p.telephone + "7",
                chiffres[:9],
                p.telephone[:6] + "XX" + p.telephone[8:],
            )
        )
        return replace(p, telephone=faux, mise_a_jour=_vieillir(rng, p, date_ref)), _marquer(
            v, Defaut.telephone_errone, True
        )
    autre = phone(rng, p.telephone[1])
    while autre == p.telephone:
        autre = phone(rng, p.telephone[1])
    return replace(p, telephone=autre, mise_a_jour=_vieillir(rng, p, date_ref)), _marquer(
        v, Defaut.telephone_errone, False
    )


def entreprise_fermee(rng: random.Random, ligne: Ligne, date_ref: date) -> Ligne:
    """Closed company: no potential left; visible by checking the Sirene register."""
    p, v = ligne
    return replace(p, mise_a_jour=_vieillir(rng, p, date_ref)), _marquer(
        v,
        Defaut.entreprise_fermee,
        True,
        potentiel_annuel_ht=Decimal("0.00"),
        receptivite=Decimal("0.00"),
    )


def contact_obsolete(rng: random.Random, ligne: Ligne, faker: Faker, date_ref: date) -> Ligne:
    """The named contact left; 40 % keep a tell-tale e-mail at their new employer's domain."""
    p, v = ligne
    visible = rng.randrange(100) < 40
    contact = p.contact
    if visible:
        ailleurs = slug(faker.last_name())
        ailleurs = ailleurs if ailleurs != slug(p.raison_sociale) else f"{ailleurs}-groupe"
        contact = replace(
            contact, email=f"{slug(contact.prenom)}.{slug(contact.nom)}@{ailleurs}.fr"
        )
    return replace(p, contact=contact, mise_a_jour=_vieillir(rng, p, date_ref)), _marquer(
        v, Defaut.contact_obsolete, visible
    )


def doublon_exact(rng: random.Random, ligne: Ligne, ident: str, date_ref: date) -> Ligne:
    """Same SIRET entered twice (another colleague's entry, other update date)."""
    p, v = ligne
    copie = replace(
        p, id=ident, mise_a_jour=(date_ref - timedelta(days=rng.randint(0, 1500))).isoformat()
    )
    return copie, VeriteProspect(
        ident,
        v.potentiel_annuel_ht,
        v.receptivite,
        v.archetype,
        (Defaut.doublon_exact,),
        p.id,
        (Defaut.doublon_exact,),
    )


def variante_nom(rng: random.Random, nom: str) -> str:
    """The same name spelt another way: capitals, no accents, « Ets », legal form, a typo."""
    sans_accents = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode("ascii")
    lettres = [i for i, c in enumerate(nom) if c.isalpha()]
    i = rng.choice(lettres) if lettres else 0
    variantes = [
        nom.upper(),
        sans_accents.upper(),
        f"Ets {nom}",
        f"{nom} SARL",
        f"{nom} S.A.S.",
        nom[:i] + nom[i] + nom[i:],
        nom.replace(" ", "-"),
        sans_accents.lower(),
    ]
    choix = [x for x in variantes if x != nom]
    return rng.choice(choix)


def doublon_approche(rng: random.Random, ligne: Ligne, ident: str, date_ref: date) -> Ligne:
    """Same company typed again from a business card: name variant, no SIREN/SIRET."""
    p, v = ligne
    tel = p.telephone if rng.randrange(100) < 70 else phone(rng, p.telephone[1])
    copie = replace(
        p,
        id=ident,
        raison_sociale=variante_nom(rng, p.raison_sociale),
        siren=None,
        siret=None,
        telephone=tel,
        mise_a_jour=(date_ref - timedelta(days=rng.randint(0, 1500))).isoformat(),
    )
    return copie, VeriteProspect(
        ident,
        v.potentiel_annuel_ht,
        v.receptivite,
        v.archetype,
        (Defaut.doublon_approche,),
        p.id,
        (Defaut.doublon_approche,),
    )
