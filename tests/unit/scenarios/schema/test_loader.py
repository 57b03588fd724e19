"""Pack loading: shipped packs validate, broken packs give precise French errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from simulator.scenarios.errors import PackError, PackInvalid
from simulator.scenarios.schema.loader import (
    load_pack,
    load_pack_text,
    validate_file,
    validate_text,
)
from simulator.scenarios.schema.pack import SCHEMA_PATH, pack_json_schema
from tests.unit.scenarios.conftest import FIXTURES, PACKS_DIR, SHIPPED, shipped_pack

BROKEN = {
    "syntaxe-yaml": "9: yaml: erreur de syntaxe YAML : « , » ou « ] » attendu : une liste entre "
    "crochets n'est pas fermée (structure ouverte ligne 8)",
    "champ-inconnu": "20: catalogue.products.0.colour: champ inconnu (non prévu par le schéma)",
    "champ-manquant": "17: catalogue.products.0.family: champ obligatoire manquant",
    "mauvais-type": "22: catalogue.products.0.list_price_ht: doit être un nombre",
    "prix-sous-cout": "22: catalogue.products.0.list_price_ht: prix catalogue HT (5.00) inférieur "
    "au coût d'achat (7.10)",
    "service-produit-inconnu": "33: catalogue.services.0.applies_to.0: produit inconnu « PROD-ZZ »",
    "min-sup-max": "38: suppliers.0.lead_time_weeks: plage invalide : min (6) supérieur à max (4)",
    "registre-inconnu": "81: registry.0.key: paramètre inconnu « client.budget_ttc » (paramètres "
    "possibles : buyer.decision_maker, buyer.persona, order.quantity, "
    "client.budget_ht, competitor.price_index, supplier.lead_time_weeks, "
    "supplier.stock_coverage, client.payment_incidents, "
    "terms.max_payment_days, need.extra_constraint)",
    "tag-dangereux": "4: yaml: étiquette YAML « !!python/object/apply:os.system » refusée : les "
    "tags ne sont pas autorisés",
    "bombe-alias": "4: yaml: ancre ou alias YAML « a » refusé : les ancres (&) et alias (*) ne "
    "sont pas autorisés dans un pack",
    "poids-nuls": "66: buying_centre.1.persona_weights: poids impossibles à normaliser : leur "
    "somme est nulle",
}


@pytest.mark.parametrize("slug", SHIPPED)
def test_shipped_packs_validate(slug: str) -> None:
    pack, errors = validate_file(PACKS_DIR / f"{slug}.yaml")
    assert errors == []
    assert pack is not None and pack.slug == slug and pack.version >= 1


@pytest.mark.parametrize("slug", SHIPPED)
def test_shipped_packs_are_rich_enough(slug: str) -> None:
    pack = shipped_pack(slug)
    assert 10 <= len(pack.catalogue.products) <= 15
    assert 2 <= len(pack.archetypes) <= 3
    assert 3 <= len(pack.buying_centre) <= 5
    assert 2 <= len(pack.competitors) <= 3
    assert pack.pack.allow_student_costs is True


def test_the_minimal_fixture_is_valid() -> None:
    assert validate_file(FIXTURES / "mini-valide.yaml")[1] == []


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_pack_gives_one_precise_error(name: str) -> None:
    path = FIXTURES / f"{name}.yaml"
    pack, errors = validate_file(path)
    assert pack is None
    assert [str(e) for e in errors] == [f"{path}:{BROKEN[name]}"]


def test_an_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "enorme.yaml"
    path.write_text("# " + "x" * 1_100_000 + "\n", encoding="utf-8")
    _, errors = validate_file(path)
    assert [str(e) for e in errors] == [
        f"{path}:1: fichier: fichier trop volumineux (1100003 octets, maximum 1000000)"
    ]


def test_oversized_text_is_refused_too() -> None:
    _, errors = validate_text("a: " + "b" * 1_000_001, "grand.yaml")
    assert errors[0].field_path == "fichier"


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    _, errors = validate_file(tmp_path / "absent.yaml")
    assert errors[0].line == 1 and errors[0].message_fr.startswith("lecture impossible")


def test_duplicate_keys_are_refused() -> None:
    _, errors = validate_text("slug: a\nslug: b\n", "double.yaml")
    assert str(errors[0]) == "double.yaml:2: slug: clé « slug » en double"


def test_a_non_mapping_document_is_refused() -> None:
    _, errors = validate_text("- a\n- b\n", "liste.yaml")
    assert str(errors[0]) == "liste.yaml:1: racine: un pack doit être un dictionnaire (clé: valeur)"


def test_duplicate_refs_and_unknown_services_are_reported() -> None:
    text = (FIXTURES / "mini-valide.yaml").read_text(encoding="utf-8")
    text = text.replace("    - ref: SRV-A\n", "    - ref: PROD-A\n").replace(
        "services: [SRV-A]\n      arguments", "services: [SRV-X]\n      arguments"
    )
    _, errors = validate_text(text, "f.yaml")
    messages = [f"{e.field_path}: {e.message_fr}" for e in errors]
    assert "catalogue.products.0.services.0: service inconnu « SRV-X »" in messages
    assert (
        "catalogue.services.0.ref: référence « PROD-A » en double "
        "(déjà dans catalogue.products.0)"
    ) in messages


def test_load_pack_raises_with_every_error() -> None:
    with pytest.raises(PackInvalid) as caught:
        load_pack(FIXTURES / "prix-sous-cout.yaml")
    assert len(caught.value.errors) == 1
    with pytest.raises(PackInvalid):
        load_pack_text("title: [", "t.yaml")


def test_money_never_goes_through_float() -> None:
    pack = shipped_pack("materiel-electrique")
    price = pack.catalogue.products[0].list_price_ht
    assert isinstance(price, Decimal) and str(price) == "12.40"
    assert str(pack.seller.franco_threshold_ht) == "800.00"


def test_pack_error_prints_file_line_field_message() -> None:
    assert str(PackError("p.yaml", 3, "a.b", "message")) == "p.yaml:3: a.b: message"


def test_committed_json_schema_is_up_to_date() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == pack_json_schema(), (
        "scenario_packs/schema.json est périmé : lancer "
        "`python -c 'from simulator.scenarios.schema.pack import write_json_schema; write_json_schema()'`"
    )


@pytest.mark.parametrize(
    ("text", "line", "meaning"),
    [
        ("a: 1\nb:\n  - x\n - y\n", 4, "indentation incohérente"),
        ("a: b: c\n", 1, "« : » inattendu"),
        ("a:\n\t- x\n", 2, "tabulation interdite"),
        ('a: "x\n', 2, "n'est pas fermé"),
        ("a: [1, 2\nb: 3\n", 2, "« , » ou « ] » attendu"),
        ("a: 1\n---\nb: 2\n", 2, "un seul document YAML"),
    ],
)
def test_yaml_syntax_errors_are_explained_in_french(text: str, line: int, meaning: str) -> None:
    _pack, errors = validate_text(text, "brouillon.yaml")
    assert len(errors) == 1 and errors[0].line == line
    assert meaning in errors[0].message_fr
    for english in ("expected", "found", "mapping", "while ", "block"):
        assert english not in errors[0].message_fr


def test_schema_and_semantic_errors_are_reported_together() -> None:
    """Every stage at once: a schema error (version) does not hide a semantic one (catalogue)."""
    text = (FIXTURES / "prix-sous-cout.yaml").read_text(encoding="utf-8")
    text = text.replace("version: 1", "version: deux", 1)
    _pack, errors = validate_text(text, "brouillon.yaml")
    found = {(e.field_path, e.message_fr.split(" (")[0]) for e in errors}
    assert ("version", "doit être un nombre entier") in found
    assert ("catalogue.products.0.list_price_ht", "prix catalogue HT") in found
    assert len(errors) == 2


def test_a_check_needing_a_refused_section_is_skipped() -> None:
    """A schema error in the catalogue: no guessed semantic error about the catalogue's users."""
    _pack, errors = validate_text((FIXTURES / "mauvais-type.yaml").read_text(encoding="utf-8"))
    assert [e.field_path for e in errors] == ["catalogue.products.0.list_price_ht"]


def test_a_role_needs_a_pool_of_four_distinct_motivations() -> None:
    """Issue 11: each role carries ≥ 4 motivations, so that buyers of a pack differ."""
    text = (FIXTURES / "mini-valide.yaml").read_text(encoding="utf-8")
    pool = "    motivations: [argent, securite, confort, sympathie]\n"
    assert pool in text
    _, errors = validate_text(text.replace(pool, "    motivations: [argent, securite]\n"), "f.yaml")
    assert [(e.line, e.field_path) for e in errors] == [(63, "buying_centre.0.motivations")]
    _, errors = validate_text(
        text.replace(pool, "    motivations: [argent, securite, argent, confort]\n"), "f.yaml"
    )
    assert [e.field_path for e in errors] == ["buying_centre.0.motivations"]
    assert "motivation répétée : argent" in errors[0].message_fr


@pytest.mark.parametrize("slug", SHIPPED)
def test_shipped_roles_carry_at_least_four_motivations(slug: str) -> None:
    for role in shipped_pack(slug).buying_centre:
        assert len(set(role.motivations)) == len(role.motivations) >= 4, role.role
