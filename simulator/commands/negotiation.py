"""`simulator negotiate`: play a scripted list of seller moves against a pack's simulated buyer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from simulator.commands.scenarios import DEFAULT_PACKS_DIR, Erreur, _overrides, resolve_pack
from simulator.engine.errors import SetupError
from simulator.engine.negotiation.calibration import calibrer, verdicts
from simulator.engine.negotiation.moves import CoupInvalide
from simulator.engine.negotiation.script import play_script
from simulator.engine.negotiation.values import ValeurInvalide
from simulator.scenarios.errors import PackInvalid
from simulator.scenarios.generator.core import generate
from simulator.scenarios.negotiation_setup.adapter import setup_from_snapshot
from simulator.scenarios.negotiation_setup.diversity import buyer_diversity, diversity_verdicts
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


def _graines(texte: str) -> list[int]:
    """Read « 1-100 » or « 1,5,9 » (or a mix) into seeds (at most 10 000)."""
    graines: list[int] = []
    try:
        for morceau in texte.split(","):
            debut, _, fin = morceau.strip().partition("-")
            a, b = int(debut), int(fin or debut)
            if b < a:
                raise ValueError
            graines.extend(range(a, b + 1))
    except ValueError:
        raise Erreur(f"graines : « {texte} » illisible (ex. 1-100 ou 1,5,9)") from None
    if not graines or len(graines) > 10_000:
        raise Erreur("graines : entre 1 et 10 000 attendues")
    return graines


@click.command("calibrate")
@click.option("--pack", "pack_name", required=True, help="slug d'un pack livré ou chemin YAML")
@click.option("--seeds", "seeds", default="1-100", show_default=True, help="graines : 1-100, 1,5,9")
@click.option("--json", "as_json", is_flag=True, help="imprimer le tableau et les verdicts en JSON")
@click.option(
    "--packs-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_PACKS_DIR,
    show_default=True,
    help="dossier des packs",
)
def calibrate_command(pack_name: str, seeds: str, as_json: bool, packs_dir: Path) -> None:
    """Faire jouer les bots de stratégie (bradeur, inflexible, habile, exploiteurs) sur des graines."""
    graines = _graines(seeds)
    path = resolve_pack(pack_name, packs_dir)
    if not path.exists():
        raise Erreur(f"pack introuvable : {pack_name} ({path})")
    try:
        pack = load_pack(path)
        snapshots = [json.loads(to_json(generate(pack, g))) for g in graines]
        lignes = calibrer(
            (setup_from_snapshot(snap), g) for snap, g in zip(snapshots, graines, strict=True)
        )
    except PackInvalid as exc:
        raise Erreur(f"pack invalide :\n{exc}") from None
    except SetupError as exc:
        raise Erreur(f"situation non négociable : {exc}") from None
    tableau, cibles = [ligne.resume() for ligne in lignes], verdicts(lignes)
    acheteurs = buyer_diversity(snapshots)
    cibles.update(diversity_verdicts(acheteurs))
    if as_json:
        sortie = {
            "pack": pack_name,
            "graines": seeds,
            "bots": tableau,
            "acheteurs": acheteurs,
            "cibles": cibles,
        }
        click.echo(json.dumps(sortie, ensure_ascii=False, indent=2))
        return
    click.echo(f"Calibration — pack {pack_name}, graines {seeds} ({len(graines)} situations)")
    click.echo(
        f"{'bot':<24}{'accords':>9}{'marge moy.':>13}{'note moy.':>11}"
        f"{'habile gagne (note)':>21}{'(marge)':>9}"
    )
    for r in tableau:
        gn, gm = r["habile_gagne_note"], r["habile_gagne_marge"]
        click.echo(
            f"{r['bot']:<24}{r['taux_accord']:>9.0%}{r['marge_moyenne']:>11} €"
            f"{r['note_moyenne']:>11.1f}"
            f"{'—' if gn is None else f'{gn:.0%}':>21}{'—' if gm is None else f'{gm:.0%}':>9}"
        )
    dominantes = ", ".join(f"{m} {n}" for m, n in acheteurs["motivations_dominantes"].items())
    click.echo(
        f"Acheteurs : {acheteurs['vecteurs_de_poids']} vecteurs de poids distincts ; "
        f"motivations dominantes : {dominantes} ; "
        f"budget annoncé = plafond caché : {acheteurs['budget_egal_plafond']:.0%}"
    )
    for cle, ok in cibles.items():
        click.echo(f"{'atteinte' if ok else 'MANQUÉE '} : {cle}")
