"""`simulator understand`: free French utterances (stdin, one per line) → moves of the moves format."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from simulator.commands.scenarios import DEFAULT_PACKS_DIR, Erreur, resolve_pack
from simulator.engine.conversation import understand
from simulator.scenarios.conversation_context import context_from_snapshot
from simulator.scenarios.errors import PackInvalid
from simulator.scenarios.generator.core import generate
from simulator.scenarios.schema.loader import load_pack
from simulator.scenarios.situation.model import to_json


@click.command("understand")
@click.option(
    "--pack", "pack_name", required=True, help="slug d'un pack livré ou chemin d'un fichier YAML"
)
@click.option("--seed", required=True, type=int, help="graine de la situation")
@click.option(
    "--json", "as_json", is_flag=True, help="un coup JSON par ligne (format des fichiers de coups)"
)
@click.option(
    "--packs-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_PACKS_DIR,
    show_default=True,
    help="dossier des packs",
)
def understand_command(pack_name: str, seed: int, as_json: bool, packs_dir: Path) -> None:
    """Lire un énoncé du vendeur par ligne sur l'entrée standard et imprimer le coup compris."""
    path = resolve_pack(pack_name, packs_dir)
    if not path.exists():
        raise Erreur(f"pack introuvable : {pack_name} ({path})")
    try:
        snapshot = json.loads(to_json(generate(load_pack(path), seed)))
        contexte = context_from_snapshot(snapshot)
    except PackInvalid as exc:
        raise Erreur(f"pack invalide :\n{exc}") from None
    try:
        lignes = sys.stdin.read().splitlines()
    except UnicodeDecodeError:
        raise Erreur("entrée illisible : le texte doit être en UTF-8") from None
    for ligne in lignes:
        if not ligne.strip():
            continue
        compris = understand(ligne, contexte)
        if as_json:
            click.echo(json.dumps(compris.move, ensure_ascii=False))
        else:
            click.echo(f"« {ligne.strip()} » → {compris.paraphrase}")
