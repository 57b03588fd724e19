"""Qualification: grading of flags (precision/recall), weighted scoring, ranking, A/B/C segments."""

from __future__ import annotations

from decimal import Decimal

import pytest

from simulator.engine.prospection import (
    Critere,
    CriteresCiblage,
    Defaut,
    ProspectionError,
    TargetingError,
    classer,
    consulter_sirene,
    evaluer_signalements,
    lire_criteres,
    lire_signalements,
    nom_normalise,
    noter,
    qualifier,
    score_grille,
    segment,
)
from simulator.engine.prospection.targeting_score import note_age, note_distance
from tests.unit.engine.prospection.tiny_file import fichier_minuscule


def test_flag_grading_gives_precision_and_recall_computed_by_hand() -> None:
    f = fichier_minuscule()
    flags = lire_signalements(
        {"P2": ["doublon_exact"], "P3": ["entreprise_fermee"], "P5": ["telephone_errone"]}
    )
    note = evaluer_signalements(f, flags)
    # 3 flagged rows, 2 right (P2, P3); 3 rows carry a flaw (P2, P3, P4).
    assert (note.lignes.vrais_positifs, note.lignes.faux_positifs, note.lignes.faux_negatifs) == (
        2,
        1,
        1,
    )
    assert note.lignes.precision == Decimal("66.67") and note.lignes.rappel == Decimal("66.67")
    # Only P2 and P3 are readable in the file: recall on readable flaws is 2/2.
    assert note.lignes_detectables.rappel == Decimal("100.00")
    assert note.par_defaut[Defaut.telephone_errone].precision == Decimal("0.00")
    assert note.par_defaut[Defaut.contact_obsolete].precision is None


def test_flagging_the_original_of_a_duplicate_pair_counts_as_finding_it() -> None:
    note = evaluer_signalements(fichier_minuscule(), {"P1": frozenset({Defaut.doublon_exact})})
    assert note.par_defaut[Defaut.doublon_exact].vrais_positifs == 1
    assert note.lignes.faux_positifs == 0


def test_unknown_rows_or_reasons_are_refused_in_french() -> None:
    with pytest.raises(ProspectionError, match="Ligne inconnue"):
        evaluer_signalements(fichier_minuscule(), {"P9": frozenset({Defaut.doublon_exact})})
    with pytest.raises(ProspectionError, match="Motif de signalement inconnu"):
        lire_signalements({"P1": ["fax"]})


def test_textbook_grid_scores_75_out_of_100() -> None:
    poids = {"potentiel": 30, "besoin": 25, "decideur": 20, "solvabilite": 15, "proximite": 10}
    notes = {"potentiel": 4, "besoin": 3, "decideur": 5, "solvabilite": 4, "proximite": 2}
    assert score_grille(poids, notes) == Decimal("75.0")


@pytest.mark.parametrize(
    ("distance", "note"),
    [(0, 5), (25, 5), (26, 4), (50, 4), (51, 3), (75, 3), (76, 2), (100, 2), (101, 0)],
)
def test_distance_note_by_quarters_of_the_radius(distance: int, note: int) -> None:
    assert note_distance(distance, 100) == note


@pytest.mark.parametrize(("age", "note"), [(None, 2), (0, 1), (3, 1), (4, 3), (7, 4), (10, 5)])
def test_old_equipment_scores_higher(age: int | None, note: int) -> None:
    assert note_age(age) == note


def test_notes_and_score_of_one_row_by_hand() -> None:
    f = fichier_minuscule()
    grille = CriteresCiblage(
        {Critere.taille: 40, Critere.secteur: 40, Critere.distance: 20},
        naf_cibles=frozenset({"43.21A"}),
        rayon_km=100,
    )
    p1 = f.par_id()["P1"]
    assert noter(p1, grille) == {Critere.taille: 3, Critere.secteur: 5, Critere.distance: 5}
    # (40×3 + 40×5 + 20×5) / (5 × 100) × 100 = 420 / 500 × 100 = 84.0
    assert score_grille(grille.poids, noter(p1, grille)) == Decimal("84.0")


def test_ranking_excludes_flagged_rows_and_segments_by_thresholds() -> None:
    f = fichier_minuscule()
    grille = CriteresCiblage(
        {Critere.taille: 40, Critere.secteur: 40, Critere.distance: 20},
        naf_cibles=frozenset({"43.21A"}),
        rayon_km=100,
    )
    q = qualifier(f, {"P2": frozenset({Defaut.doublon_exact})}, grille)
    assert [n.prospect_id for n in q.classement] == ["P1", "P3", "P4", "P5"]
    assert [n.score for n in q.classement] == [
        Decimal("84.0"),
        Decimal("68.0"),
        Decimal("44.0"),
        Decimal("8.0"),
    ]
    assert [n.segment for n in q.classement] == ["A", "B", "C", "C"]
    assert q.segments() == {"A": 1, "B": 1, "C": 2}
    assert q.meilleurs(2) == ("P1", "P3") and q.ids_segment("A") == ("P1",)
    assert classer(f, grille)[0].rang == 1


def test_segment_boundaries_are_inclusive() -> None:
    grille = CriteresCiblage({Critere.taille: 1}, seuil_a=70, seuil_b=45)
    assert [segment(Decimal(s), grille) for s in ("70", "69.9", "45", "44.9")] == list("ABBC")


def test_bad_grids_get_every_french_message() -> None:
    with pytest.raises(TargetingError) as exc:
        lire_criteres({"secteur": 0, "taille": 0}, rayon_km=0, seuil_a=40, seuil_b=60)
    assert exc.value.messages == [
        "Donnez un poids positif à au moins un critère.",
        "Le rayon de prospection doit être positif.",
        "Les seuils doivent vérifier 0 ≤ seuil B < seuil A ≤ 100.",
    ]
    with pytest.raises(TargetingError, match="choisissez au moins un code NAF"):
        lire_criteres({"secteur": 50})
    with pytest.raises(TargetingError, match="Critère ou poids invalide"):
        lire_criteres({"couleur": 50})


def test_name_normalisation_helps_to_spot_fuzzy_duplicates() -> None:
    assert nom_normalise("ÉLEC MARTIN S.A.S.") == nom_normalise("Elec-Martin") == "elec martin"
    assert nom_normalise("Ets Faure SARL") == "faure"


def test_sirene_lookup_reveals_only_the_administrative_state() -> None:
    f = fichier_minuscule()
    assert consulter_sirene(f, "P3") == "SIREN 443061841 : entreprise cessée (radiée)."
    assert consulter_sirene(f, "P1").endswith("entreprise active.")
