"""`simulator negotiate`: play a scripted list of seller moves against a pack's simulated buyer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from simulator.commands.scenarios import DEFAULT_PACKS_DIR, Erreur, _overrides, resolve_pack
from simulator.engine.errors import SetupError
from simulator.engine.negotiation.moves import CoupInvalide
from simulator.engine.negotiation.script import play_script
from simulator.engine.negotiation.values import ValeurInvalide
from simulator.scenarios.errors import PackInvalid
from simulator.scenarios.generator.core import generate
from simulator.scenarios.negotiation_setup.adapter import setup_from_snapshot
from simulator.scenarios.registry.core import OverrideError, apply
from simulator.scenarios.schema.loader import load_pack
from simulator.scenarios.situation.model import to_json


def _lire_coups(path: Path) -> Any:
    """Read the moves file (JSON: a list of moves or {"coups": [...]})."""
    try:
        texte = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise Erreur(f"fichier de coups illisible : {path} ({exc.strerror})") from None
    try:
        return json.loads(texte)
    except ValueError as exc:
        raise Erreur(f"fichier de coups {path} : JSON invalide ({exc})") from None


def _situation(
    pack_name: str, seed: int, overrides: tuple[str, ...], packs_dir: Path
) -> dict[str, Any]:
    """Generate the situation snapshot and apply the jury's overrides."""
    path = resolve_pack(pack_name, packs_dir)
    if not path.exists():
        raise Erreur(f"pack introuvable : {pack_name} ({path})")
    try:
        snapshot = json.loads(to_json(generate(load_pack(path), seed)))
        return apply(snapshot, _overrides(overrides)) if overrides else snapshot
    except PackInvalid as exc:
        raise Erreur(f"pack invalide :\n{exc}") from None
    except OverrideError as exc:
        raise Erreur("modification refusée :\n" + "\n".join(exc.problems)) from None


@click.command("negotiate")
@click.option(
    "--pack", "pack_name", required=True, help="slug d'un pack livré ou chemin d'un fichier YAML"
)
@click.option("--seed", required=True, type=int, help="graine de la situation et de l'acheteur")
@click.option(
    "--override",
    "overrides",
    multiple=True,
    metavar="CLÉ=VALEUR",
    help="paramètre du registre à modifier (répétable)",
)
@click.option(
    "--moves",
    "moves_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="fichier JSON des coups du vendeur (voir docs/examples/NEGOTIATION.md)",
)
@click.option(
    "--json", "as_json", is_flag=True, help="imprimer transcription, résultat et debrief en JSON"
)
@click.option(
    "--packs-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_PACKS_DIR,
    show_default=True,
    help="dossier des packs",
)
def negotiate_command(
    pack_name: str,
    seed: int,
    overrides: tuple[str, ...],
    moves_path: Path,
    as_json: bool,
    packs_dir: Path,
) -> None:
    """Jouer une liste de coups contre l'acheteur simulé d'une situation et imprimer le résultat."""
    snapshot = _situation(pack_name, seed, overrides, packs_dir)
    coups = _lire_coups(moves_path)
    try:
        setup = setup_from_snapshot(snapshot)
        sortie = play_script(setup, seed, coups)
    except SetupError as exc:
        raise Erreur(f"situation non négociable : {exc}") from None
    except (CoupInvalide, ValeurInvalide) as exc:
        raise Erreur(f"coup invalide : {exc}") from None
    except (TypeError, KeyError, AttributeError) as exc:
        raise Erreur(f"fichier de coups mal formé : {exc}") from None
    if as_json:
        click.echo(json.dumps(sortie, ensure_ascii=False, indent=2))
        return
    r, d = sortie["resultat"], sortie["debrief"]
    for tour in sortie["transcription"]["tours"]:
        click.echo(
            f"[{tour['index']}] vendeur ({tour['coup']['type']}) — acheteur : "
            f"{tour['reponse']['texte']}"
        )
    click.echo(f"Résultat : {r['statut']} — termes : {r['termes']} — note : {d['note_sur_20']}/20")
