"""Prospection core: qualify a prospect file, plan and simulate a campaign, KPIs, CRM pipeline.

Pure: no Flask, no database, no clock; randomness comes from the seed given to each call.
HIDDEN data (VeriteProspect, Deroulement internals) must never reach a student before the
campaign ends; the debrief (bilan) reveals only the leads' potential and the targeting quality.
"""

from simulator.engine.errors import (
    CampaignError,
    PipelineError,
    ProspectionError,
    TargetingError,
)
from simulator.engine.prospection.campaign import (
    CadreCampagne,
    Estimation,
    Objectifs,
    PlanCampagne,
    estimer,
    lire_cadre,
    lire_plan,
    verifier_plan,
)
from simulator.engine.prospection.channels import (
    CANAUX_DEFAUT,
    Canal,
    ParametresCanal,
    lire_canal,
    parametres_canaux,
)
from simulator.engine.prospection.deduplication import (
    EvaluationQualification,
    Score,
    evaluer_signalements,
    lire_signalements,
    nom_normalise,
)
from simulator.engine.prospection.kpi import (
    Comptages,
    EcartObjectif,
    Indicateurs,
    affaires_pour_equilibre,
    calculer_indicateurs,
    comparer_objectifs,
    marge_opportunite,
    roi,
)
from simulator.engine.prospection.launch import simuler_campagne
from simulator.engine.prospection.listing import Filtres, Page, paginer
from simulator.engine.prospection.pipeline import (
    TRANSITIONS,
    Activite,
    Etape,
    TypeActivite,
    deplacement_autorise,
    verifier_activite,
    verifier_deplacement,
)
from simulator.engine.prospection.prospect_file import (
    LIBELLES_DEFAUTS,
    ContactProspect,
    Defaut,
    FichierProspects,
    Prospect,
    Territoire,
    VeriteProspect,
)
from simulator.engine.prospection.qualification import (
    ProspectNote,
    Qualification,
    classer,
    qualifier,
)
from simulator.engine.prospection.report import (
    BilanCanal,
    Lead,
    ResultatCampagne,
    bilan,
    couts_par_canal,
    entonnoir,
    qualite_ciblage,
)
from simulator.engine.prospection.simulation import Deroulement, Issue, ResultatAction, derouler
from simulator.engine.prospection.sirene import consulter_sirene
from simulator.engine.prospection.targeting_score import (
    Critere,
    CriteresCiblage,
    lire_criteres,
    noter,
    score_grille,
    segment,
)

__all__ = [
    "CANAUX_DEFAUT",
    "LIBELLES_DEFAUTS",
    "TRANSITIONS",
    "Activite",
    "BilanCanal",
    "CadreCampagne",
    "CampaignError",
    "Canal",
    "Comptages",
    "ContactProspect",
    "Critere",
    "CriteresCiblage",
    "Defaut",
    "Deroulement",
    "EcartObjectif",
    "Estimation",
    "Etape",
    "EvaluationQualification",
    "FichierProspects",
    "Filtres",
    "Indicateurs",
    "Issue",
    "Lead",
    "Objectifs",
    "Page",
    "ParametresCanal",
    "PipelineError",
    "PlanCampagne",
    "Prospect",
    "ProspectNote",
    "ProspectionError",
    "Qualification",
    "ResultatAction",
    "ResultatCampagne",
    "Score",
    "TargetingError",
    "Territoire",
    "TypeActivite",
    "VeriteProspect",
    "affaires_pour_equilibre",
    "bilan",
    "calculer_indicateurs",
    "classer",
    "comparer_objectifs",
    "consulter_sirene",
    "couts_par_canal",
    "deplacement_autorise",
    "derouler",
    "entonnoir",
    "estimer",
    "evaluer_signalements",
    "lire_cadre",
    "lire_canal",
    "lire_criteres",
    "lire_plan",
    "lire_signalements",
    "marge_opportunite",
    "nom_normalise",
    "noter",
    "paginer",
    "parametres_canaux",
    "qualifier",
    "qualite_ciblage",
    "roi",
    "score_grille",
    "segment",
    "simuler_campagne",
    "verifier_activite",
    "verifier_deplacement",
    "verifier_plan",
]
