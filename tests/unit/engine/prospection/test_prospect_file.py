"""The generated prospect file: deterministic, valid identifiers, coherent places, full truth."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.prospection import Defaut, FichierProspects, ProspectionError
from simulator.scenarios.generator.company import slug
from simulator.scenarios.generator.identifiers import luhn_valid
from simulator.scenarios.prospects import (
    fichier_depuis_pack,
    generer_fichier,
    source_depuis_pack,
    territoire,
)
from simulator.scenarios.prospects.flaws import nombre_defauts
from tests.unit.engine.prospection.prospection_factory import fichier, pack

TELEPHONE = re.compile(r"^0[1-7]( \d\d){4}$")


def test_same_seed_gives_the_same_file_and_another_seed_another() -> None:
    a = fichier_depuis_pack(pack(), 11, 120)
    assert a == fichier_depuis_pack(pack(), 11, 120)
    assert a.prospects != fichier_depuis_pack(pack(), 12, 120).prospects


def test_default_file_has_400_rows_and_1000_is_accepted() -> None:
    assert len(fichier().prospects) == 400
    assert len(fichier(3, 1000).prospects) == 1000


@pytest.mark.parametrize("nombre", [0, 1001])
def test_file_size_outside_1_to_1000_is_refused_in_french(nombre: int) -> None:
    with pytest.raises(ProspectionError, match="entre 1 et 1000 entreprises"):
        fichier_depuis_pack(pack(), 1, nombre)


def _verifier_identifiants(f: FichierProspects) -> None:
    """Every filled SIREN/SIRET passes Luhn and SIRET starts with SIREN."""
    for p in f.prospects:
        if p.siret is None:
            assert p.siren is None
            continue
        assert len(p.siren) == 9 and luhn_valid(p.siren)
        assert len(p.siret) == 14 and luhn_valid(p.siret) and p.siret.startswith(p.siren)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_identifiers_are_luhn_valid_for_any_seed(seed: int) -> None:
    _verifier_identifiants(fichier_depuis_pack(pack(), seed, 60))


@settings(max_examples=10, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from(["emballage", "equipements-protection"]),
)
def test_other_packs_generate_valid_files_too(seed: int, slug: str) -> None:
    f = fichier_depuis_pack(pack(slug), seed, 60)
    _verifier_identifiants(f)
    assert {p.naf_code for p in f.prospects} & {
        n.code for a in pack(slug).archetypes for n in a.naf
    }


def test_places_are_consistent_and_inside_the_territory() -> None:
    f = fichier()
    for p in f.prospects:
        assert p.departement_code in f.territoire.departements
        assert p.code_postal.startswith(p.departement_code)
        assert 0 <= p.distance_km < 600
    proches = [p.distance_km for p in f.prospects if p.ville == "Grenoble"]
    assert proches and max(proches) <= 6


def test_territory_can_be_a_list_of_departments() -> None:
    zone = territoire("Grenoble", ["38", "73"])
    f = generer_fichier(source_depuis_pack(pack()), zone, 5, 100)
    assert {p.departement_code for p in f.prospects} <= {"38", "73"}
    with pytest.raises(ProspectionError, match="Ville de l'agence inconnue"):
        territoire("Atlantis")


def test_every_flaw_count_matches_the_plan() -> None:
    f = fichier()
    compte: dict[Defaut, int] = defaultdict(int)
    for v in f.verite.values():
        for d in v.defauts:
            compte[d] += 1
    assert compte == nombre_defauts(400)


def test_same_siret_twice_is_always_a_recorded_exact_duplicate() -> None:
    f = fichier()
    par_siret: dict[str, list[str]] = defaultdict(list)
    for p in f.prospects:
        if p.siret:
            par_siret[p.siret].append(p.id)
    for ids in (ids for ids in par_siret.values() if len(ids) > 1):
        copies = [i for i in ids if Defaut.doublon_exact in f.verite[i].defauts]
        originaux = [i for i in ids if i not in copies]
        assert len(originaux) == 1 and len(copies) == len(ids) - 1
        assert all(f.verite[c].doublon_de == originaux[0] for c in copies)
    exacts = [v for v in f.verite.values() if Defaut.doublon_exact in v.defauts]
    assert all(len(par_siret[f.par_id()[v.prospect_id].siret]) > 1 for v in exacts)


def test_fuzzy_duplicates_are_the_rows_without_siret_and_point_to_their_original() -> None:
    f = fichier()
    index = f.par_id()
    sans_siret = {p.id for p in f.prospects if p.siret is None}
    approches = {v.prospect_id for v in f.verite.values() if Defaut.doublon_approche in v.defauts}
    assert sans_siret == approches
    for pid in approches:
        copie, original = index[pid], index[f.verite[pid].doublon_de]
        assert copie.raison_sociale != original.raison_sociale
        assert copie.ville == original.ville
        assert f.verite[pid].potentiel_annuel_ht == f.verite[original.id].potentiel_annuel_ht


def test_malformed_phones_are_all_recorded_and_sound_rows_have_wellformed_ones() -> None:
    f = fichier()
    for p in f.prospects:
        v = f.verite[p.id]
        if not TELEPHONE.match(p.telephone):
            assert Defaut.telephone_errone in v.defauts
            assert Defaut.telephone_errone in v.detectable
        if not v.defauts:
            assert TELEPHONE.match(p.telephone) and p.siret


def test_closed_companies_have_no_potential_and_flaws_are_hidden_truth_only() -> None:
    f = fichier()
    fermees = [v for v in f.verite.values() if Defaut.entreprise_fermee in v.defauts]
    assert fermees and all(v.potentiel_annuel_ht == Decimal("0.00") for v in fermees)
    assert set(f.verite) == {p.id for p in f.prospects}
    assert all(set(v.detectable) <= set(v.defauts) for v in f.verite.values())
    assert "defaut" not in " ".join(type(f.prospects[0]).__dataclass_fields__)


def test_outdated_contacts_are_sometimes_visible_by_their_email_domain() -> None:
    f = fichier(3, 1000)
    index = f.par_id()
    visibles = [v.prospect_id for v in f.verite.values() if Defaut.contact_obsolete in v.detectable]
    assert visibles
    for pid in visibles:
        assert index[pid].contact.email.split("@")[1] != f"{slug(index[pid].raison_sociale)}.fr"
    sains = [p for p in f.prospects if not f.verite[p.id].defauts]
    assert all(p.contact.email.endswith(f"@{slug(p.raison_sociale)}.fr") for p in sains)


def test_hidden_potential_favours_target_archetypes() -> None:
    f = fichier(3, 1000)
    cibles = [v.potentiel_annuel_ht for v in f.verite.values() if v.archetype and not v.defauts]
    autres = [
        v.potentiel_annuel_ht for v in f.verite.values() if v.archetype is None and not v.defauts
    ]
    assert sum(cibles) / len(cibles) > 5 * sum(autres) / len(autres)
    assert all(Decimal(0) <= v.receptivite <= 1 for v in f.verite.values())
