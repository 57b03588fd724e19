"""The generator: golden snapshot, determinism within and across processes, variety."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from faker import Faker

from simulator.scenarios.generator.core import generate, new_faker
from simulator.scenarios.situation.model import SCHEMA_VERSION, dumps, pretty, to_json
from tests.unit.scenarios.conftest import ROOT, shipped_pack

GOLDEN = (
    ROOT
    / "tests"
    / "unit"
    / "scenarios"
    / "generator"
    / "golden"
    / "materiel-electrique-seed-42.json"
)

_CHILD = (
    "from simulator.scenarios.generator.core import generate;"
    "from simulator.scenarios.schema.loader import load_pack;"
    "from simulator.scenarios.situation.model import to_json;"
    "import sys;"
    "sys.stdout.write(to_json(generate(load_pack(sys.argv[1]), int(sys.argv[2]))))"
)


def test_golden_snapshot_is_unchanged() -> None:
    """Fails when Faker (pinned) or the generator drifts; regenerate only on purpose."""
    produced = to_json(generate(shipped_pack("materiel-electrique"), 42))
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert GOLDEN.read_text(encoding="utf-8") == pretty(golden), "golden file not canonical"
    assert produced == dumps(golden), (
        "l'instantané a changé : si c'est voulu, régénérer le fichier avec "
        "situation.pretty(json.loads(to_json(generate(pack, 42))))"
    )


def test_faker_is_the_pinned_version() -> None:
    from importlib.metadata import version

    assert version("faker") == "40.54.0"


def test_same_seed_same_bytes_with_a_shared_faker() -> None:
    pack = shipped_pack("emballage")
    faker = new_faker()
    first = to_json(generate(pack, 5, faker))
    generate(pack, 6, faker)
    assert to_json(generate(pack, 5, faker)) == first == to_json(generate(pack, 5))


def _child_output(hash_seed: str, slug: str, seed: int) -> str:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, LC_ALL="C", TZ="Pacific/Auckland")
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT / "scenario_packs" / f"{slug}.yaml"), str(seed)],
        capture_output=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    return result.stdout.decode("utf-8")


def test_byte_identical_across_two_processes() -> None:
    for slug, seed in (
        ("materiel-electrique", 3),
        ("equipements-protection", 11),
        ("emballage", 99),
    ):
        one, two = _child_output("1", slug, seed), _child_output("4242", slug, seed)
        assert one == two == to_json(generate(shipped_pack(slug), seed))


def test_snapshot_header_names_pack_seed_and_schema() -> None:
    data = json.loads(to_json(generate(shipped_pack("emballage"), 8)))
    assert data["pack"] == {
        "slug": "emballage",
        "version": 1,
        "allow_student_costs": True,
        "title": shipped_pack("emballage").title,
    }
    assert data["seed"] == 8 and data["schema_version"] == SCHEMA_VERSION


def test_hidden_buyer_is_one_separate_key() -> None:
    data = json.loads(to_json(generate(shipped_pack("materiel-electrique"), 1)))
    negotiation = data["negotiation"]
    assert set(negotiation) == {"duration_minutes", "issues", "hidden"}
    assert negotiation["duration_minutes"] == 20
    assert {"weights", "reservation", "concession_exponent", "patience", "batna"} <= set(
        negotiation["hidden"]
    )


def test_different_seeds_vary_the_world() -> None:
    pack = shipped_pack("equipements-protection")
    worlds = [json.loads(to_json(generate(pack, seed))) for seed in range(12)]
    for path in (
        ("client", "company", "raison_sociale"),
        ("client", "company", "siren"),
        ("need", "label"),
        ("client", "financials", "profile"),
        ("buyer", "persona"),
    ):
        values = set()
        for world in worlds:
            node = world
            for part in path:
                node = node[part]
            values.add(json.dumps(node))
        assert len(values) > 1, path
    assert len({json.dumps(w["competitors"]) for w in worlds}) > 1
    assert len({json.dumps(w["supply"]) for w in worlds}) > 1


def test_money_is_a_string_in_json() -> None:
    data = json.loads(to_json(generate(shipped_pack("emballage"), 2)))
    assert isinstance(data["client"]["budget_ht"], str)
    assert data["client"]["budget_ht"].endswith(tuple(f".{n:02d}" for n in range(100)))


def test_a_caller_faker_is_reseeded() -> None:
    faker = Faker("fr_FR")
    faker.seed_instance(123456)
    pack = shipped_pack("materiel-electrique")
    assert to_json(generate(pack, 4, faker)) == to_json(generate(pack, 4))
