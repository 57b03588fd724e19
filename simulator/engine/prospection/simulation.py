"""Run a campaign deterministically per seed: contacts, rendez-vous, objections, opportunités."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from simulator.engine.prospection.campaign import (
    CadreCampagne,
    PlanCampagne,
    cout_action,
    verifier_plan,
)
from simulator.engine.prospection.channels import ORDRE_CANAUX, Canal, ParametresCanal
from simulator.engine.prospection.objections import Textes, choisir, fusionner
from simulator.engine.prospection.prospect_file import (
    Defaut,
    FichierProspects,
    Prospect,
    VeriteProspect,
)
from simulator.engine.prospection.qualification import Qualification
from simulator.engine.prospection.targeting_score import TRANCHES_EFFECTIF

_PLAFOND = Decimal("0.95")
_TIRAGES = 10_000


class Issue(str, Enum):
    """Outcome of one action."""

    entreprise_fermee = "entreprise_fermee"
    faux_numero = "faux_numero"
    contact_parti = "contact_parti"
    injoignable = "injoignable"
    contact_sans_suite = "contact_sans_suite"
    rdv_sans_suite = "rdv_sans_suite"
    opportunite = "opportunite"
    deja_en_cours = "deja_en_cours"  #: an earlier channel already got a meeting


CONTACTS = frozenset({Issue.contact_sans_suite, Issue.rdv_sans_suite, Issue.opportunite})
RDV = frozenset({Issue.rdv_sans_suite, Issue.opportunite})


@dataclass(frozen=True, slots=True)
class ResultatAction:
    """One action of the campaign and what came of it."""

    prospect_id: str
    canal: Canal
    issue: Issue
    cout: Decimal
    objection: str | None = None


@dataclass(frozen=True, slots=True)
class Deroulement:
    """Raw output of a run: every action, in the order it happened."""

    seed: int
    actions: tuple[ResultatAction, ...]
    frais_fixes: dict[Canal, Decimal]


def _chance(rng: random.Random, p: Decimal) -> bool:
    """True with probability p (Decimal, capped), from an integer draw."""
    return rng.randrange(_TIRAGES) < min(p, _PLAFOND) * _TIRAGES


def interet(v: VeriteProspect, reference: Decimal) -> Decimal:
    """Hidden appetite 0..1: 60 % potential (capped at the reference), 40 % receptivity."""
    part = min(v.potentiel_annuel_ht / reference, Decimal(1)) if reference > 0 else Decimal(0)
    return (part * 6 + v.receptivite * 4) / 10


def _echec_fichier(p: ParametresCanal, v: VeriteProspect) -> Issue | None:
    """Bad data makes the action fail before anyone is reached."""
    if Defaut.entreprise_fermee in v.defauts:
        return Issue.entreprise_fermee
    if p.touche_telephone and Defaut.telephone_errone in v.defauts:
        return Issue.faux_numero
    if p.touche_contact and Defaut.contact_obsolete in v.defauts:
        return Issue.contact_parti
    return None


def potentiel_reference(fichier: FichierProspects, cadre: CadreCampagne) -> Decimal:
    """The cadre's reference potential, or the file's 3rd-quartile potential (at least 1 €)."""
    if cadre.potentiel_reference is not None:
        return cadre.potentiel_reference
    valeurs = sorted(v.potentiel_annuel_ht for v in fichier.verite.values())
    return max(valeurs[(3 * len(valeurs)) // 4] if valeurs else Decimal(0), Decimal(1))


def _tenter(
    rng: random.Random,
    p: ParametresCanal,
    prospect: Prospect,
    v: VeriteProspect,
    reference: Decimal,
    textes: Textes,
) -> tuple[Issue, str | None]:
    """Draw contact, then meeting, then opportunity for one action on a sound row."""
    if not _chance(rng, p.joignabilite * (Decimal("0.5") + v.receptivite)):
        return Issue.injoignable, None
    taille = TRANCHES_EFFECTIF.get(prospect.tranche_effectif, 3)
    attrait = Decimal("0.25") + Decimal("1.5") * interet(v, reference)
    if not _chance(rng, p.taux_rdv * p.affinite_taille[taille - 1] * attrait):
        return Issue.contact_sans_suite, choisir(rng, textes, prospect, v, False, reference)
    part = min(v.potentiel_annuel_ht / reference, Decimal(1))
    if not _chance(rng, p.taux_opportunite * (Decimal("0.2") + Decimal("1.6") * part)):
        return Issue.rdv_sans_suite, choisir(rng, textes, prospect, v, True, reference)
    return Issue.opportunite, None


def derouler(
    fichier: FichierProspects,
    plan: PlanCampagne,
    qualification: Qualification | None,
    canaux: Mapping[Canal, ParametresCanal],
    cadre: CadreCampagne,
    seed: int,
    objections: Textes | None = None,
) -> Deroulement:
    """Validate the plan, then play every action in channel order; same seed, same run."""
    verifier_plan(plan, fichier, qualification, canaux, cadre)
    rng = random.Random(seed)
    textes = fusionner(objections)
    reference = potentiel_reference(fichier, cadre)
    index = fichier.par_id()
    engages: set[str] = set()
    actions = []
    for canal in ORDRE_CANAUX:
        p = canaux[canal]
        for pid in plan.actions.get(canal, ()):
            prospect, v = index[pid], fichier.verite[pid]
            cout = cout_action(p, prospect)
            if pid in engages:
                actions.append(ResultatAction(pid, canal, Issue.deja_en_cours, cout))
                continue
            echec = _echec_fichier(p, v)
            issue, objection = (
                (echec, None) if echec else _tenter(rng, p, prospect, v, reference, textes)
            )
            if issue in RDV:
                engages.add(pid)
            actions.append(ResultatAction(pid, canal, issue, cout, objection))
    fixes = {c: canaux[c].frais_fixes for c in ORDRE_CANAUX if plan.actions.get(c)}
    return Deroulement(seed, tuple(actions), fixes)
