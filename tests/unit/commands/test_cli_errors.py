"""Every bad input to the `simulator` command gets a French message and exit 1 or 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.cli import main
from tests.unit.scenarios.conftest import PACKS_DIR

PACK = PACKS_DIR / "materiel-electrique.yaml"
ENGLISH = ("Error:", "Traceback", "Usage:", "Try '", "No such", "Missing", "Invalid value")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"exception non traitée : {result.exception!r}\n{output}")
    return result.exit_code, output


def assert_french(output: str) -> None:
    assert "Erreur : " in output, output
    for word in ENGLISH:
        assert word not in output, output


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    nested = tmp_path / "imbrique.json"
    nested.write_text("[" * 200_000)
    bigint = tmp_path / "entier.json"
    bigint.write_text('{"quantite": ' + "9" * 5000 + "}")
    text = PACK.read_text(encoding="utf-8")
    assert "list_price_ht: 12.40" in text
    price = tmp_path / "prix.yaml"
    price.write_text(text.replace("list_price_ht: 12.40", "list_price_ht: " + "9" * 5000, 1))
    return {"nested": nested, "bigint": bigint, "price": price}


@pytest.mark.parametrize("command", ["quote", "risk"])
def test_deeply_nested_json_is_refused_in_french(files, command):
    code, output = run(command, str(files["nested"]))
    assert code == 1 and "trop imbriqué" in output
    assert_french(output)


@pytest.mark.parametrize("command", ["quote", "risk"])
def test_a_5000_digit_integer_is_refused_in_french(files, command):
    code, output = run(command, str(files["bigint"]))
    assert code == 1 and "chiffres refusé" in output
    assert_french(output)


def test_pack_validate_on_a_5000_digit_price(files):
    code, output = run("pack", "validate", str(files["price"]))
    lines = files["price"].read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "9" * 5000 in text)
    assert code == 1 and "nombre entier trop long" in output and f":{line}:" in output
    assert "Traceback" not in output


def test_generate_on_a_5000_digit_price(files):
    code, output = run("generate", "--pack", str(files["price"]), "--seed", "1")
    assert code == 1 and "nombre entier trop long" in output
    assert_french(output)


@pytest.mark.parametrize("value", ["1e30", "1e400", "9" * 5000, "-1e30"])
def test_a_huge_budget_override_is_range_checked_before_rounding(value):
    code, output = run(
        "generate", "--pack", "materiel-electrique", "--seed", "1", "--override",
        f"client.budget_ht={value}",
    )  # fmt: skip
    assert code == 1 and "client.budget_ht" in output
    assert "trop grande" in output or "hors plage" in output
    assert_french(output)


@pytest.mark.parametrize("value", ["²", "٣", "1" * 5000, "1.5"])
def test_integer_overrides_accept_ascii_digits_only(value):
    code, output = run(
        "generate", "--pack", "materiel-electrique", "--seed", "1", "--override",
        f"order.quantity={value}",
    )  # fmt: skip
    assert code == 1 and "n'est pas un nombre entier" in output
    assert_french(output)


def test_an_in_range_override_still_works():
    code, output = run(
        "generate", "--pack", "materiel-electrique", "--seed", "1", "--override",
        "order.quantity=5",
    )  # fmt: skip
    assert code == 0 and "budget" in output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["frob"], "commande inconnue : frob"),
        (["quote"], "argument obligatoire manquant : FICHIER"),
        (["quote", "a", "b"], "arguments en trop"),
        (["generate", "--seed", "1"], "option obligatoire manquante : --pack"),
        (["generate", "--pack", "emballage", "--seed", "x"], "nombre entier attendu"),
        (["generate", "--pack", "emballage", "--seed", "1" * 5000], "nombre entier attendu"),
        (["generate", "--pack", "emballage", "--seed", "1", "--bogus"], "option inconnue"),
    ],
)
def test_clicks_own_errors_are_in_french_with_exit_2(args, expected):
    code, output = run(*args)
    assert code == 2 and expected in output
    assert_french(output)


def test_os_errors_are_in_french(tmp_path):
    code, output = run("quote", str(tmp_path / "absent.json"))
    assert code == 1 and "fichier ou dossier introuvable" in output
    assert_french(output)
    code, output = run("risk", str(tmp_path))  # a folder: refused by the argument's type
    assert code == 2 and "valeur invalide pour FICHIER : fichier invalide" in output
    assert_french(output)
    code, output = run("pack", "validate", str(tmp_path / "absent.yaml"))
    assert code == 1 and "fichier ou dossier introuvable" in output


def test_the_installed_script_prints_no_traceback(files):
    script = Path(sys.executable).with_name("simulator")
    done = subprocess.run(
        [str(script), "quote", str(files["nested"])], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.strip().startswith("Erreur : ") and "Traceback" not in done.stderr
