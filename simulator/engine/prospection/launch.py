"""One call for the web layer: validate, run and debrief a campaign."""

from __future__ import annotations

from collections.abc import Mapping

from simulator.engine.prospection.campaign import CadreCampagne, PlanCampagne
from simulator.engine.prospection.channels import Canal, ParametresCanal, parametres_canaux
from simulator.engine.prospection.objections import Textes
from simulator.engine.prospection.prospect_file import FichierProspects
from simulator.engine.prospection.qualification import Qualification
from simulator.engine.prospection.report import ResultatCampagne, bilan
from simulator.engine.prospection.simulation import derouler


def simuler_campagne(
    fichier: FichierProspects,
    qualification: Qualification | None,
    plan: PlanCampagne,
    seed: int,
    cadre: CadreCampagne | None = None,
    canaux: Mapping[Canal, ParametresCanal] | None = None,
    objections: Textes | None = None,
) -> ResultatCampagne:
    """Validate the plan (CampaignError in French), run it with the seed and build the debrief."""
    cadre = cadre or CadreCampagne()
    table = canaux or parametres_canaux()
    deroulement = derouler(fichier, plan, qualification, table, cadre, seed, objections)
    return bilan(fichier, plan, deroulement, cadre)
