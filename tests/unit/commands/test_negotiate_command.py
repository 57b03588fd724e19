"""`simulator negotiate` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from simulator.commands.negotiation import negotiate_command

EXEMPLE = (
    Path(__file__).resolve().parents[3]
    / "docs"
    / "examples"
    / "packs"
    / "moves_materiel-electrique_7.json"
)


def _lancer(*args: str):
    return CliRunner().invoke(negotiate_command, list(args))


def test_documented_example_signs_with_a_good_debrief() -> None:
    """The documented example plays to a signature above the seller's target."""
    r = _lancer("--pack", "materiel-electrique", "--seed", "7", "--moves", str(EXEMPLE), "--json")
    assert r.exit_code == 0, r.output
    sortie = json.loads(r.output)
    assert set(sortie) == {"transcription", "resultat", "debrief"}
    assert sortie["resultat"]["statut"] == "conclue" and sortie["resultat"]["formalise"]
    mesures = sortie["debrief"]["mesures"]
    assert float(mesures["marge"]) >= float(mesures["marge_cible"])
    assert float(sortie["debrief"]["note_sur_20"]) >= 14
    assert len(sortie["debrief"]["criteres"]) == 10


def test_same_inputs_same_output_and_text_mode(tmp_path: Path) -> None:
    """Deterministic JSON; the text mode prints the transcript and the result in French."""
    args = ("--pack", "materiel-electrique", "--seed", "7", "--moves", str(EXEMPLE))
    assert _lancer(*args, "--json").output == _lancer(*args, "--json").output
    texte = _lancer(*args).output
    assert "Résultat : conclue" in texte and "[1] vendeur (question)" in texte


def test_overrides_apply_and_pack_path_works(tmp_path: Path) -> None:
    """A persona override reaches the buyer; a pack path is accepted like a slug."""
    coups = tmp_path / "coups.json"
    coups.write_text(json.dumps([{"type": "question", "theme": "besoin"}, {"type": "rupture"}]))
    chemin = Path(__file__).resolve().parents[3] / "scenario_packs" / "emballage.yaml"
    r = _lancer(
        "--pack",
        str(chemin),
        "--seed",
        "2",
        "--override",
        "buyer.persona=directif",
        "--moves",
        str(coups),
        "--json",
    )
    assert r.exit_code == 0, r.output
    sortie = json.loads(r.output)
    assert sortie["resultat"]["statut"] == "abandon"
    assert sortie["debrief"]["cote_cache"]["persona"] == "directif"


def test_french_errors_exit_1(tmp_path: Path) -> None:
    """Unknown pack, bad override, invalid JSON, unknown move or issue: French message, exit 1."""
    bon = tmp_path / "ok.json"
    bon.write_text("[]")
    mauvais_json = tmp_path / "ko.json"
    mauvais_json.write_text("[{")
    enjeu_inconnu = tmp_path / "enjeu.json"
    enjeu_inconnu.write_text(json.dumps([{"type": "offre", "termes": {"prix": "10"}}]))
    flottant = tmp_path / "flottant.json"
    flottant.write_text('[{"type": "offre", "termes": {"remise_pct": 5.5}}]')
    cas = [
        (("--pack", "inconnu", "--seed", "1", "--moves", str(bon)), "pack introuvable"),
        (
            (
                "--pack",
                "emballage",
                "--seed",
                "1",
                "--override",
                "buyer.persona=rigolo",
                "--moves",
                str(bon),
            ),
            "modification refusée",
        ),
        (
            ("--pack", "emballage", "--seed", "1", "--override", "sans-egal", "--moves", str(bon)),
            "format attendu",
        ),
        (("--pack", "emballage", "--seed", "1", "--moves", str(mauvais_json)), "JSON invalide"),
        (
            ("--pack", "emballage", "--seed", "1", "--moves", str(tmp_path / "absent.json")),
            "illisible",
        ),
        (("--pack", "emballage", "--seed", "1", "--moves", str(enjeu_inconnu)), "enjeu inconnu"),
        (("--pack", "emballage", "--seed", "1", "--moves", str(flottant)), "coup invalide"),
    ]
    for args, attendu in cas:
        r = _lancer(*args)
        assert r.exit_code == 1, (args, r.output)
        assert "Erreur" in r.output and attendu in r.output, r.output
