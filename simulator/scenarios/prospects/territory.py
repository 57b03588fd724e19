"""Build the sales territory (agency town + departments) and list its towns."""

from __future__ import annotations

from collections.abc import Iterable

from simulator.engine.errors import ProspectionError
from simulator.engine.prospection.prospect_file import Territoire
from simulator.scenarios.prospects.towns import COMMUNES, Commune, commune_par_nom


def territoire(
    base_ville: str, departements: Iterable[str] | None = None, nom: str | None = None
) -> Territoire:
    """Territory around an agency: the given departments, or by default the agency's region."""
    base = commune_par_nom(base_ville)
    if base is None:
        raise ProspectionError(f"Ville de l'agence inconnue : « {base_ville} ».")
    if departements is None:
        codes = sorted({c.departement_code for c in COMMUNES if c.region == base.region})
        nom = nom or base.region
    else:
        codes = sorted(set(departements))
        inconnus = [d for d in codes if not any(c.departement_code == d for c in COMMUNES)]
        if inconnus or not codes:
            raise ProspectionError(
                f"Départements sans commune connue : {', '.join(inconnus)}."
                if inconnus
                else "Le territoire doit compter un département."
            )
    return Territoire(
        nom or f"Départements {', '.join(codes)}", base.ville, base.departement_code, tuple(codes)
    )


def communes_du_territoire(t: Territoire) -> tuple[Commune, ...]:
    """Towns of the territory's departments, in table order."""
    return tuple(c for c in COMMUNES if c.departement_code in t.departements)


def commune_de_base(t: Territoire) -> Commune:
    """The agency's town."""
    base = commune_par_nom(t.base_ville)
    if base is None:
        raise ProspectionError(f"Ville de l'agence inconnue : « {t.base_ville} ».")
    return base
