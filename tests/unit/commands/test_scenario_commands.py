"""The click commands: pack validate and generate."""

from __future__ import annotations

import json
from decimal import Decimal

from click.testing import CliRunner

from simulator.commands.scenarios import generate_command, pack_group
from tests.unit.scenarios.conftest import FIXTURES, PACKS_DIR


def test_validate_exits_0_on_the_shipped_packs() -> None:
    result = CliRunner().invoke(
        pack_group, ["validate", *sorted(map(str, PACKS_DIR.glob("*.yaml")))]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_validate_prints_one_line_per_error_and_exits_1() -> None:
    broken = [str(FIXTURES / "prix-sous-cout.yaml"), str(FIXTURES / "min-sup-max.yaml")]
    result = CliRunner().invoke(pack_group, ["validate", *broken])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        (
            f"{broken[0]}:22: catalogue.products.0.list_price_ht: prix catalogue HT (5.00) "
            "inférieur au coût d'achat (7.10)"
        ),
        f"{broken[1]}:38: suppliers.0.lead_time_weeks: plage invalide : min (6) supérieur à max (4)",
    ]


def test_generate_by_slug_prints_the_snapshot() -> None:
    result = CliRunner().invoke(generate_command, ["--pack", "emballage", "--seed", "4", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["pack"]["slug"] == "emballage" and data["seed"] == 4


def test_generate_by_path_with_overrides() -> None:
    path = str(PACKS_DIR / "equipements-protection.yaml")
    result = CliRunner().invoke(
        generate_command,
        [
            "--pack",
            path,
            "--seed",
            "4",
            "--json",
            "--override",
            "terms.max_payment_days=30",
            "--override",
            "buyer.persona=aimable",
        ],
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["terms"]["max_payment_days"] == 30 and data["buyer"]["persona"] == "aimable"


def test_generate_with_a_packs_dir() -> None:
    result = CliRunner().invoke(
        generate_command, ["--pack", "mini-valide", "--seed", "1", "--packs-dir", str(FIXTURES)]
    )
    assert result.exit_code == 0 and "budget" in result.stdout


def test_generate_refuses_an_out_of_range_override_in_french() -> None:
    result = CliRunner().invoke(
        generate_command,
        ["--pack", "emballage", "--seed", "1", "--override", "terms.max_payment_days=90"],
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Erreur : modification refusée :")
    assert "valeur 90 hors plage [0 ; 60]" in result.stderr


def test_generate_refuses_a_malformed_override() -> None:
    result = CliRunner().invoke(
        generate_command, ["--pack", "emballage", "--seed", "1", "--override", "sans-egal"]
    )
    assert result.exit_code == 1 and "format attendu CLÉ=VALEUR" in result.stderr


def test_generate_reports_an_unknown_pack_and_an_invalid_one() -> None:
    missing = CliRunner().invoke(generate_command, ["--pack", "inconnu", "--seed", "1"])
    assert missing.exit_code == 1 and "pack introuvable : inconnu" in missing.stderr
    broken = CliRunner().invoke(
        generate_command, ["--pack", str(FIXTURES / "tag-dangereux.yaml"), "--seed", "1"]
    )
    assert broken.exit_code == 1 and "pack invalide" in broken.stderr


def test_generate_with_a_preset_moves_the_current_situation_and_says_so() -> None:
    plain = json.loads(
        CliRunner()
        .invoke(generate_command, ["--pack", "emballage", "--seed", "4", "--json"])
        .stdout
    )
    args = ["--pack", "emballage", "--seed", "4", "--json", "--preset", "concurrent_moins_cher"]
    result = CliRunner().invoke(generate_command, [*args, "--preset", "concurrent_moins_cher"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    before = Decimal(plain["competitors"][0]["offer_total_ht"])
    after = Decimal(data["competitors"][0]["offer_total_ht"])
    assert abs(after - before * Decimal("0.92") ** 2) <= Decimal("0.05")  # twice -8 %
    assert result.stderr.count("baisse de 8 %") == 2 and "€ →" in result.stderr
    refused = CliRunner().invoke(
        generate_command, ["--pack", "emballage", "--seed", "4", "--preset", "x"]
    )
    assert refused.exit_code != 0
