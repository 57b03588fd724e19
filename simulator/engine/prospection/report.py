"""After the campaign: channel balance, funnel, leads with potential REVEALED, KPIs, charts."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal

from simulator.engine.money import cents
from simulator.engine.prospection.campaign import CadreCampagne, PlanCampagne
from simulator.engine.prospection.channels import ORDRE_CANAUX, Canal
from simulator.engine.prospection.kpi import (
    Comptages,
    EcartObjectif,
    Indicateurs,
    calculer_indicateurs,
    comparer_objectifs,
    marge_opportunite,
)
from simulator.engine.prospection.prospect_file import FichierProspects
from simulator.engine.prospection.rates import pourcentage
from simulator.engine.prospection.simulation import CONTACTS, RDV, Deroulement, Issue


@dataclass(frozen=True, slots=True)
class BilanCanal:
    """Results and cost (fixed costs included) of one channel."""

    actions: int
    contacts: int
    rdv: int
    opportunites: int
    cout: Decimal


@dataclass(frozen=True, slots=True)
class Lead:
    """An opportunity born from the campaign; its potential is revealed once the campaign ends."""

    prospect_id: str
    raison_sociale: str
    canal: Canal
    potentiel_annuel_ht: Decimal
    marge_attendue: Decimal


@dataclass(frozen=True, slots=True)
class ResultatCampagne:
    """Everything the debrief shows after a run."""

    seed: int
    comptages: Comptages
    indicateurs: Indicateurs
    par_canal: dict[Canal, BilanCanal]
    leads: tuple[Lead, ...]
    objections: tuple[tuple[str, int], ...]  #: (texte, fois entendue), most heard first
    objectifs: tuple[EcartObjectif, ...]


def _bilan_canal(d: Deroulement, canal: Canal) -> BilanCanal:
    """Aggregate the actions of one channel."""
    propres = [a for a in d.actions if a.canal == canal]
    cout = d.frais_fixes.get(canal, Decimal(0)) + sum((a.cout for a in propres), Decimal(0))
    return BilanCanal(
        len(propres),
        sum(a.issue in CONTACTS for a in propres),
        sum(a.issue in RDV for a in propres),
        sum(a.issue == Issue.opportunite for a in propres),
        cents(cout),
    )


def bilan(
    fichier: FichierProspects, plan: PlanCampagne, d: Deroulement, cadre: CadreCampagne
) -> ResultatCampagne:
    """Build the debrief of a run (counts are distinct prospects, costs include fixed costs)."""
    par_canal = {c: _bilan_canal(d, c) for c in ORDRE_CANAUX if plan.actions.get(c)}
    index = fichier.par_id()
    leads = tuple(
        Lead(
            a.prospect_id,
            index[a.prospect_id].raison_sociale,
            a.canal,
            fichier.verite[a.prospect_id].potentiel_annuel_ht,
            marge_opportunite(
                fichier.verite[a.prospect_id].potentiel_annuel_ht,
                cadre.part_captee_pct,
                cadre.taux_de_marque_pct,
                cadre.proba_signature_pct,
            ),
        )
        for a in d.actions
        if a.issue == Issue.opportunite
    )
    comptages = Comptages(
        actions=len(d.actions),
        sollicites=len({a.prospect_id for a in d.actions}),
        contacts=len({a.prospect_id for a in d.actions if a.issue in CONTACTS}),
        rdv=len({a.prospect_id for a in d.actions if a.issue in RDV}),
        opportunites=len(leads),
        cout_total=cents(sum((b.cout for b in par_canal.values()), Decimal(0))),
        marge=cents(sum((lead.marge_attendue for lead in leads), Decimal(0))),
    )
    entendues = Counter(a.objection for a in d.actions if a.objection)
    objections = tuple(sorted(entendues.items(), key=lambda t: (-t[1], t[0])))
    ecarts = comparer_objectifs(asdict(plan.objectifs), comptages)
    return ResultatCampagne(
        d.seed,
        comptages,
        calculer_indicateurs(comptages),
        par_canal,
        leads,
        objections,
        tuple(ecarts),
    )


def entonnoir(c: Comptages) -> list[list[object]]:
    """Funnel chart data: [[étape, nombre], …]."""
    return [
        ["Prospects sollicités", c.sollicites],
        ["Contacts utiles", c.contacts],
        ["Rendez-vous", c.rdv],
        ["Opportunités", c.opportunites],
    ]


def couts_par_canal(r: ResultatCampagne) -> list[list[object]]:
    """Cost-per-channel chart data: [[canal, coût en € (texte décimal), opportunités], …]."""
    return [[canal.libelle, str(b.cout), b.opportunites] for canal, b in r.par_canal.items()]


#: A « bon prospect » is in the top quarter of the file by true potential.
PART_BONS_PROSPECTS = Decimal("0.25")
#: Below this targeting score (/100) the targeting is too broad or too narrow. Contacting the
#: whole file scores 2p / (1 + p) × 100 where p = PART_BONS_PROSPECTS, i.e. 40 < 50.
SEUIL_SCORE_CIBLAGE = Decimal("50")


def qualite_ciblage(
    fichier: FichierProspects, classement_ids: tuple[str, ...], nombre: int
) -> dict[str, object]:
    """REVEALED after the campaign: true potential of the student's top N vs the best possible N,
    and a targeting score that weighs fit against cost.

    The score is the F-measure (/100) of the contacted prospects against the « bons prospects »
    (top quarter by true potential): precision = share of the contacted that are good (every
    other contact is money and time spent for nothing), recall = share of the good ones reached.
    Contacting everyone gets full recall but a precision of one quarter: 40/100, below the
    threshold of 50; contacting exactly the good ones scores 100.
    """
    potentiel = {pid: v.potentiel_annuel_ht for pid, v in fichier.verite.items()}
    choisis = classement_ids[:nombre]
    ideal = sorted(potentiel, key=lambda pid: (-potentiel[pid], pid))[: len(choisis)]
    capte = sum((potentiel[p] for p in choisis), Decimal(0))
    maximum = sum((potentiel[p] for p in ideal), Decimal(0))
    nombre_bons = max(1, int(len(potentiel) * PART_BONS_PROSPECTS))
    bons = set(sorted(potentiel, key=lambda pid: (-potentiel[pid], pid))[:nombre_bons])
    touches = len(set(choisis) & bons)
    score = (
        Decimal(0)
        if not choisis or not touches
        else (Decimal(200) * touches / (len(set(choisis)) + len(bons))).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    )
    return {
        "potentiel_cible": cents(capte),
        "potentiel_optimal": cents(maximum),
        "part_du_potentiel_optimal": pourcentage(capte, maximum),
        "recouvrement": len(set(choisis) & set(ideal)),
        "bons_prospects": len(bons),
        "bons_prospects_touches": touches,
        "precision": pourcentage(touches, len(set(choisis))),
        "score_ciblage": score,
        "seuil_score_ciblage": SEUIL_SCORE_CIBLAGE,
        "ciblage_suffisant": score >= SEUIL_SCORE_CIBLAGE,
    }
