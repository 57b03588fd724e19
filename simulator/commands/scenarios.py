"""`simulator pack validate` and `simulator generate`: scenario packs from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from simulator.resources import resource_dir
from simulator.scenarios.errors import PackInvalid
from simulator.scenarios.generator.core import generate
from simulator.scenarios.registry.core import OverrideError, apply
from simulator.scenarios.schema.loader import load_pack, validate_file
from simulator.scenarios.registry.presets import PRESETS
from simulator.scenarios.registry.readable import readable_changes
from simulator.scenarios.situation.model import dumps, to_json

DEFAULT_PACKS_DIR = resource_dir("scenario_packs")


class Erreur(click.ClickException):
    """A command failure shown in French on stderr, exit code 1."""

    def show(self, file: object = None) -> None:
        click.echo(f"Erreur : {self.format_message()}", err=True)


def resolve_pack(pack: str, packs_dir: Path) -> Path:
    """A path as given, or a slug looked up as SLUG.yaml in the packs directory."""
    candidate = Path(pack)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return candidate
    return packs_dir / f"{pack}.yaml"


def _overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    """Parse KEY=VALUE options; refuse malformed ones."""
    result: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise Erreur(f"--override « {pair} » : format attendu CLÉ=VALEUR")
        result[key.strip()] = value
    return result


@click.group("pack")
def pack_group() -> None:
    """Gérer les packs de scénarios."""


@pack_group.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate_command(paths: tuple[Path, ...]) -> None:
    """Valider des packs : une ligne FICHIER:LIGNE: champ: message par erreur."""
    failed = False
    for path in paths:
        _, errors = validate_file(path)
        for error in errors:
            click.echo(str(error))
        failed = failed or bool(errors)
    if failed:
        sys.exit(1)
    click.echo(f"{len(paths)} pack(s) valide(s).", err=True)


@click.command("generate")
@click.option(
    "--pack", "pack_name", required=True, help="slug d'un pack livré ou chemin d'un fichier YAML"
)
@click.option("--seed", required=True, type=int, help="graine de génération")
@click.option("--json", "as_json", is_flag=True, help="imprimer l'instantané JSON complet")
@click.option(
    "--override",
    "overrides",
    multiple=True,
    metavar="CLÉ=VALEUR",
    help="paramètre du registre à modifier (répétable)",
)
@click.option(
    "--preset",
    "presets",
    multiple=True,
    type=click.Choice(sorted(PRESETS)),
    help="modification type du jury, relative à la situation courante (répétable, dans l'ordre)",
)
@click.option(
    "--packs-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_PACKS_DIR,
    show_default=True,
    help="dossier des packs",
)
def generate_command(
    pack_name: str,
    seed: int,
    as_json: bool,
    overrides: tuple[str, ...],
    packs_dir: Path,
    presets: tuple[str, ...] = (),
) -> None:
    """Générer une situation (pack, graine) et l'imprimer."""
    path = resolve_pack(pack_name, packs_dir)
    if not path.exists():
        raise Erreur(f"pack introuvable : {pack_name} ({path})")
    try:
        situation = generate(load_pack(path), seed)
        text = to_json(situation)
        original = json.loads(text)
        chosen = _overrides(overrides)
        current = apply(original, chosen) if chosen else original
        for key in presets:
            chosen = {**chosen, **PRESETS[key].build(current)}
            before, current = current, apply(original, chosen)
            click.echo(f"{PRESETS[key].label} :", err=True)
            for change in readable_changes(before, current):
                hidden = "" if change.visible else " (caché)"
                click.echo(f"  {change.sentence}{hidden}", err=True)
        if chosen:
            text = dumps(current)
    except PackInvalid as exc:
        raise Erreur(f"pack invalide :\n{exc}") from None
    except OverrideError as exc:
        raise Erreur("modification refusée :\n" + "\n".join(exc.problems)) from None
    if as_json:
        click.echo(text)
        return
    snapshot = json.loads(text)
    company = snapshot["client"]["company"]
    click.echo(
        f"{company['raison_sociale']} ({company['legal_form']}, SIRET {company['siret']}) — "
        f"{snapshot['need']['label']} — budget {snapshot['client']['budget_ht']} € HT"
    )
