"""Campaign plan: targets per channel, budget with a cap, time, objectives; validation in French."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from simulator.engine.errors import CampaignError
from simulator.engine.money import MoneyError, cents, format_eur, to_decimal
from simulator.engine.prospection.channels import Canal, ParametresCanal, lire_canal
from simulator.engine.prospection.prospect_file import FichierProspects, Prospect
from simulator.engine.prospection.qualification import Qualification


@dataclass(frozen=True, slots=True)
class Objectifs:
    """What the student commits to reach."""

    contacts: int = 0
    rdv: int = 0
    opportunites: int = 0


@dataclass(frozen=True, slots=True)
class CadreCampagne:
    """Scenario limits and economic assumptions of a campaign (overridable from the pack)."""

    plafond_budget: Decimal = Decimal("8000.00")
    temps_disponible_minutes: int = 70 * 60  #: two weeks of prospecting time
    part_captee_pct: Decimal = Decimal(20)  #: share of a won potential bought from us in year 1
    taux_de_marque_pct: Decimal = Decimal(25)  #: margin rate applied to a won potential
    proba_signature_pct: Decimal = Decimal(30)  #: chance an opportunity becomes an order
    #: € HT/year the response model calls a "full" potential; None = the file's 3rd quartile
    potentiel_reference: Decimal | None = None


@dataclass(frozen=True, slots=True)
class PlanCampagne:
    """The student's plan: targets for each channel, budget and objectives."""

    actions: Mapping[Canal, tuple[str, ...]]
    budget_ht: Decimal
    objectifs: Objectifs = Objectifs()


@dataclass(frozen=True, slots=True)
class Estimation:
    """Planned cost (€ HT) and time (minutes) per channel and in total."""

    cout_par_canal: dict[Canal, Decimal]
    minutes_par_canal: dict[Canal, int]
    cout_total: Decimal
    minutes_total: int


def lire_plan(
    actions: Mapping[str, Iterable[str]], budget: object, objectifs: Mapping[str, int] | None = None
) -> PlanCampagne:
    """Parse a plan from form values; raise CampaignError (unknown channel, unreadable budget)."""
    table = {lire_canal(nom): tuple(ids) for nom, ids in actions.items()}
    try:
        montant = to_decimal(budget, "budget")
    except MoneyError as exc:
        raise CampaignError(f"Budget illisible : {exc}.") from None
    try:
        cibles = Objectifs(**{k: int(v) for k, v in (objectifs or {}).items()})
    except (TypeError, ValueError):
        raise CampaignError(
            "Objectifs illisibles : contacts, rdv et opportunites attendus, en nombres entiers."
        ) from None
    return PlanCampagne(table, montant, cibles)


def lire_cadre(section: Mapping[str, object] | None = None) -> CadreCampagne:
    """Campaign limits from a pack section (plafond_budget, temps_disponible_heures, …)."""
    valeurs = dict(section or {})
    defaut = CadreCampagne()
    try:
        heures = valeurs.pop("temps_disponible_heures", None)
        cadre = CadreCampagne(
            plafond_budget=to_decimal(valeurs.pop("plafond_budget", defaut.plafond_budget)),
            temps_disponible_minutes=(
                int(str(heures)) * 60 if heures is not None else defaut.temps_disponible_minutes
            ),
            **{k: to_decimal(str(v), k) for k, v in valeurs.items()},
        )
    except (MoneyError, TypeError, ValueError) as exc:
        raise CampaignError(f"Cadre de campagne invalide : {exc}.") from None
    if cadre.plafond_budget < 0 or cadre.temps_disponible_minutes <= 0:
        raise CampaignError("Cadre de campagne invalide : plafond et temps doivent être positifs.")
    return cadre


def cout_action(p: ParametresCanal, prospect: Prospect) -> Decimal:
    """Cost of one action on one prospect: unit cost plus round-trip kilometres."""
    return cents(p.cout_par_action + p.cout_par_km * 2 * prospect.distance_km)


def minutes_action(p: ParametresCanal, prospect: Prospect) -> int:
    """Time of one action on one prospect, rounded up to the minute."""
    total = Decimal(p.minutes_par_action) + p.minutes_par_km * 2 * prospect.distance_km
    return int(total.to_integral_value(rounding=ROUND_CEILING))


def estimer(
    plan: PlanCampagne, fichier: FichierProspects, canaux: Mapping[Canal, ParametresCanal]
) -> Estimation:
    """Planned cost and time of a plan (targets unknown to the file are ignored here)."""
    index = fichier.par_id()
    couts: dict[Canal, Decimal] = {}
    minutes: dict[Canal, int] = {}
    for canal, ids in plan.actions.items():
        cibles = [index[i] for i in ids if i in index]
        p = canaux[canal]
        fixe = p.frais_fixes if cibles else Decimal("0.00")
        couts[canal] = cents(fixe + sum((cout_action(p, c) for c in cibles), Decimal(0)))
        minutes[canal] = sum(minutes_action(p, c) for c in cibles)
    return Estimation(couts, minutes, cents(sum(couts.values(), Decimal(0))), sum(minutes.values()))


def _problemes_cibles(
    plan: PlanCampagne, fichier: FichierProspects, qualification: Qualification
) -> list[str]:
    """Empty targets, unknown rows, rows the student discarded, targets repeated on a channel."""
    toutes = [i for ids in plan.actions.values() for i in ids]
    if not toutes:
        return ["Aucune cible : choisissez au moins un prospect pour la campagne."]
    problemes = []
    inconnus = sorted({i for i in toutes if i not in fichier.verite})
    if inconnus:
        problemes.append(f"Prospect inconnu dans le fichier : {', '.join(inconnus[:5])}.")
    ecartes = sorted({i for i in toutes if i in qualification.signalements})
    if ecartes:
        problemes.append(
            f"Ces prospects ont été écartés lors de la qualification : {', '.join(ecartes[:5])}."
        )
    for canal, ids in plan.actions.items():
        if len(set(ids)) != len(ids):
            problemes.append(f"Un même prospect apparaît deux fois sur le canal {canal.libelle}.")
    return problemes


def _problemes_objectifs(o: Objectifs) -> list[str]:
    """Objectives must be non-negative and decreasing along the funnel."""
    if min(o.contacts, o.rdv, o.opportunites) < 0:
        return ["Les objectifs doivent être positifs ou nuls."]
    if not o.contacts >= o.rdv >= o.opportunites:
        return ["Les objectifs doivent décroître : contacts ≥ rendez-vous ≥ opportunités."]
    return []


def verifier_plan(
    plan: PlanCampagne,
    fichier: FichierProspects,
    qualification: Qualification | None,
    canaux: Mapping[Canal, ParametresCanal],
    cadre: CadreCampagne,
) -> Estimation:
    """Validate a plan and return its estimate, or raise CampaignError listing every problem."""
    if qualification is None or not qualification.classement:
        raise CampaignError(
            "Le fichier n'est pas qualifié : dédoublonnez-le et notez les "
            "prospects avant de lancer une campagne."
        )
    problemes = []
    if plan.budget_ht < 0:
        problemes.append("Le budget ne peut pas être négatif.")
    elif plan.budget_ht > cadre.plafond_budget:
        problemes.append(
            f"Le budget ({format_eur(plan.budget_ht)}) dépasse le plafond autorisé "
            f"par le scénario ({format_eur(cadre.plafond_budget)})."
        )
    problemes += _problemes_cibles(plan, fichier, qualification)
    problemes += _problemes_objectifs(plan.objectifs)
    estimation = estimer(plan, fichier, canaux)
    if 0 <= plan.budget_ht < estimation.cout_total:
        problemes.append(
            f"Le coût prévu ({format_eur(estimation.cout_total)}) dépasse le budget "
            f"({format_eur(plan.budget_ht)})."
        )
    if estimation.minutes_total > cadre.temps_disponible_minutes:
        problemes.append(
            f"Le temps nécessaire ({_heures(estimation.minutes_total)}) dépasse le "
            f"temps disponible ({_heures(cadre.temps_disponible_minutes)})."
        )
    if problemes:
        raise CampaignError(problemes)
    return estimation


def _heures(minutes: int) -> str:
    """« 12 h 05 » from minutes."""
    return f"{minutes // 60} h {minutes % 60:02d}"
