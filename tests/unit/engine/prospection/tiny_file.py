"""A five-row hand-made file whose ground truth is known by heart (for golden grading cases)."""

from __future__ import annotations

from decimal import Decimal

from simulator.engine.prospection import (
    ContactProspect,
    Defaut,
    FichierProspects,
    Prospect,
    Territoire,
    VeriteProspect,
)

_CONTACT = ContactProspect("Mme", "Inès", "Roux", "Responsable achats", "ines.roux@exemple.fr")


def ligne(
    pid: str,
    nom: str,
    siret: str | None,
    *,
    naf: str = "43.21A",
    distance: int = 10,
    tranche: str = "20 à 49 salariés",
    age: int | None = 12,
    fournisseur: str = "Rexalec",
) -> Prospect:
    """One visible row with sensible defaults."""
    return Prospect(
        pid,
        nom,
        siret[:9] if siret else None,
        siret,
        naf,
        "Installation électrique",
        tranche,
        "1 rue de la Gare",
        "38000",
        "Grenoble",
        "38",
        "Isère",
        distance,
        fournisseur,
        age,
        _CONTACT,
        "04 76 12 34 56",
        "2025-06-01",
    )


def verite(
    pid: str,
    potentiel: str,
    *defauts: Defaut,
    doublon_de: str | None = None,
    detectable: tuple[Defaut, ...] | None = None,
) -> VeriteProspect:
    """One hidden truth row."""
    return VeriteProspect(
        pid,
        Decimal(potentiel),
        Decimal("0.50"),
        "installateur",
        defauts,
        doublon_de,
        defauts if detectable is None else detectable,
    )


def fichier_minuscule() -> FichierProspects:
    """P1 sound, P2 exact copy of P1, P3 closed, P4 wrong phone (not readable), P5 sound, far."""
    lignes = [
        (ligne("P1", "Élec Martin", "73282932000074"), verite("P1", "40000")),
        (
            ligne("P2", "Élec Martin", "73282932000074"),
            verite("P2", "40000", Defaut.doublon_exact, doublon_de="P1"),
        ),
        (
            ligne("P3", "Dupont Énergies", "44306184100015", tranche="0 à 9 salariés"),
            verite("P3", "0", Defaut.entreprise_fermee),
        ),
        (
            ligne("P4", "Ateliers Faure", "40483304800022", naf="25.62B", age=2),
            verite("P4", "15000", Defaut.telephone_errone, detectable=()),
        ),
        (
            ligne(
                "P5",
                "Boulangerie Petit",
                "55210055400013",
                naf="10.71C",
                distance=140,
                tranche="0 à 9 salariés",
                age=None,
                fournisseur="Aucun fournisseur attitré",
            ),
            verite("P5", "500"),
        ),
    ]
    zone = Territoire("Isère", "Grenoble", "38", ("38",))
    return FichierProspects(
        1, zone, tuple(p for p, _ in lignes), {v.prospect_id: v for _, v in lignes}
    )
