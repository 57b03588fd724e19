"""Simulated look-up in the public Sirene register: the one hidden fact checkable early."""

from __future__ import annotations

from simulator.engine.errors import ProspectionError
from simulator.engine.prospection.prospect_file import Defaut, FichierProspects


def consulter_sirene(fichier: FichierProspects, prospect_id: str) -> str:
    """Administrative state of a row's company, as the public register would show it (French)."""
    prospect = fichier.par_id().get(prospect_id)
    if prospect is None:
        raise ProspectionError(f"Ligne inconnue dans le fichier : {prospect_id}.")
    if not prospect.siren:
        return "SIREN non renseigné : recherche impossible dans le répertoire Sirene."
    if Defaut.entreprise_fermee in fichier.verite[prospect_id].defauts:
        return f"SIREN {prospect.siren} : entreprise cessée (radiée)."
    return f"SIREN {prospect.siren} : entreprise active."
