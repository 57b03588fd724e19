"""Draw one sound company of the prospect file, with its hidden potential and receptivity."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from faker import Faker

from simulator.engine.prospection.prospect_file import ContactProspect, Prospect, VeriteProspect
from simulator.scenarios.generator.company import phone, slug
from simulator.scenarios.generator.draws import euros, weighted
from simulator.scenarios.generator.identifiers import make_siren, make_siret
from simulator.scenarios.prospects.source import Cible, SourceProspects
from simulator.scenarios.prospects.towns import Commune, distance_km

AUCUN, INCONNU = "Aucun fournisseur attitré", "Inconnu"
_CONFRERES = ("{nom} Distribution", "Comptoir {nom}", "{nom} Négoce")
_TRANCHES = (
    (10, "0 à 9 salariés"),
    (20, "10 à 19 salariés"),
    (50, "20 à 49 salariés"),
    (100, "50 à 99 salariés"),
    (250, "100 à 249 salariés"),
)


def tranche_effectif(effectif: int) -> str:
    """INSEE-like headcount band of a headcount."""
    return next((label for limit, label in _TRANCHES if effectif < limit), "250 salariés et plus")


def _decimal(rng: random.Random, low: int, high: int, scale: int) -> Decimal:
    """Uniform Decimal in [low/scale, high/scale] from an integer draw."""
    return Decimal(rng.randint(low, high)) / scale


def _profil(rng: random.Random, source: SourceProspects) -> tuple[Cible | None, str, str, int, str]:
    """Kind of company: archetype (72 %), confrère of the seller (8 %) or off-target (20 %)."""
    tirage = rng.randrange(100)
    if tirage < 72:
        cible = weighted(rng, source.cibles, [c.poids for c in source.cibles])
        code, libelle = rng.choice(cible.naf)
        effectif = rng.randint(cible.effectif_min, cible.effectif_max)
        return cible, code, libelle, effectif, rng.choice(cible.modeles_nom)
    if tirage < 80:
        code, libelle = rng.choice(source.naf_secteur)
        return None, code, libelle, rng.randint(5, 60), rng.choice(_CONFRERES)
    code, libelle = rng.choice(source.naf_hors_cible)
    return None, code, libelle, min(rng.randint(1, 20), rng.randint(1, 60)), ""


def _potentiel(
    rng: random.Random, cible: Cible | None, effectif: int, age: int | None, fournisseur: str
) -> Decimal:
    """Hidden yearly potential (€ HT): a share of the CA for targets, crumbs for the others."""
    if cible is None:
        return euros(effectif * _decimal(rng, 0, 250, 1))
    part = _decimal(rng, 10, 40, 10_000)  # 0.1 % to 0.4 % of the CA
    age_f = (
        Decimal(1)
        if age is None
        else (
            Decimal("1.4")
            if age >= 10
            else Decimal("1.2")
            if age >= 7
            else Decimal(1)
            if age >= 4
            else Decimal("0.6")
        )
    )
    fournisseur_f = {AUCUN: Decimal(1), INCONNU: Decimal("0.9")}.get(fournisseur, Decimal("0.8"))
    return euros(effectif * cible.ca_par_salarie * part * age_f * fournisseur_f)


def _receptivite(
    rng: random.Random, cible: Cible | None, age: int | None, fournisseur: str, distance: int
) -> Decimal:
    """Hidden openness 0.05..0.95: no supplier and old equipment help, distance hurts, noise."""
    valeur = Decimal("0.45") + {AUCUN: Decimal("0.20"), INCONNU: Decimal(0)}.get(
        fournisseur, Decimal("-0.10")
    )
    valeur += Decimal("0.10") if age is not None and age >= 10 else Decimal(0)
    valeur -= Decimal(min(distance, 200)) * Decimal("0.15") / 200
    valeur -= Decimal(0) if cible else Decimal("0.10")
    valeur += _decimal(rng, -25, 25, 100)
    return min(max(valeur, Decimal("0.05")), Decimal("0.95")).quantize(Decimal("0.01"))


def generer_entreprise(
    rng: random.Random,
    faker: Faker,
    source: SourceProspects,
    communes: tuple[Commune, ...],
    base: Commune,
    date_reference: date,
    ident: str,
    siren: str,
) -> tuple[Prospect, VeriteProspect]:
    """One sound row (no flaw yet) and its hidden truth."""
    cible, code, libelle, effectif, modele = _profil(rng, source)
    nom = modele.format(nom=faker.last_name()) if modele else faker.company()
    commune = rng.choice(communes)
    distance = distance_km(base, commune) + rng.randint(0, 6)
    tirage = rng.randrange(100)
    fournisseur = (
        rng.choice(source.concurrents) if tirage < 55 else AUCUN if tirage < 75 else INCONNU
    )
    age = None if rng.randrange(100) < 15 else rng.randint(0, 20)
    femme = rng.randint(0, 1) == 1
    prenom = faker.first_name_female() if femme else faker.first_name_male()
    nom_contact = faker.last_name()
    contact = ContactProspect(
        "Mme" if femme else "M.",
        prenom,
        nom_contact,
        rng.choice(source.fonctions),
        f"{slug(prenom)}.{slug(nom_contact)}@{slug(nom)}.fr",
    )
    prospect = Prospect(
        id=ident,
        raison_sociale=nom,
        siren=siren,
        siret=make_siret(siren, rng.randint(1, 9)),
        naf_code=code,
        naf_libelle=libelle,
        tranche_effectif=tranche_effectif(effectif),
        rue=faker.street_address(),
        code_postal=commune.code_postal,
        ville=commune.ville,
        departement_code=commune.departement_code,
        departement=commune.departement,
        distance_km=distance,
        fournisseur_actuel=fournisseur,
        age_equipement_ans=age,
        contact=contact,
        telephone=phone(rng, commune.zone_tel),
        mise_a_jour=(date_reference - timedelta(days=rng.randint(0, 900))).isoformat(),
    )
    verite = VeriteProspect(
        ident,
        _potentiel(rng, cible, effectif, age, fournisseur),
        _receptivite(rng, cible, age, fournisseur, distance),
        cible.cle if cible else None,
    )
    return prospect, verite


def nouveau_siren(rng: random.Random, pris: set[str]) -> str:
    """A Luhn-valid SIREN not yet used in the file."""
    while True:
        siren = make_siren(rng)
        if siren not in pris:
            pris.add(siren)
            return siren
