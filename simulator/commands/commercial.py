"""Click commands `quote FILE.json` and `risk FILE.json`: print the computed result as JSON.

The lead registers them on the `simulator` console script (e.g. ``cli.add_command(quote)``).
Errors exit with status 1 and a French message naming the faulty field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from simulator.engine.analysis.commercial import analyser_devis_json, analyser_risque_json
from simulator.engine.errors import EngineError


def lire_fichier_json(chemin: Path) -> object:
    """Read a JSON file with exact decimals (never floats), or fail in French."""
    try:
        texte = chemin.read_text(encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{chemin} : lecture impossible ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise click.ClickException(f"{chemin} : le fichier n'est pas en UTF-8") from None
    try:
        return json.loads(texte, parse_float=Decimal, parse_constant=_refuser_constante)
    except json.JSONDecodeError as exc:
        raise click.ClickException(
            f"{chemin} : JSON invalide ligne {exc.lineno}, colonne {exc.colno} ({exc.msg})"
        ) from None


def _refuser_constante(nom: str) -> object:
    raise click.ClickException(f"valeur {nom} refusée : nombre fini attendu")


def executer(chemin: Path, analyse: Callable[[object], dict[str, Any]]) -> None:
    """Run one analysis on a file and print it; any error is one French line and exit 1."""
    try:
        donnees = lire_fichier_json(chemin)
        try:
            resultat = analyse(donnees)
        except EngineError as exc:
            raise click.ClickException(f"champ {exc.champ} : {exc.message}") from None
    except click.ClickException as exc:
        click.echo(f"Erreur : {exc.format_message()}", err=True)
        raise SystemExit(1) from None
    click.echo(json.dumps(resultat, ensure_ascii=False, indent=2))


@click.command("quote")
@click.argument("fichier", type=click.Path(dir_okay=False, path_type=Path))
def quote(fichier: Path) -> None:
    """Calculer un devis (JSON) : cascade, TVA, marges, contrôles légaux, faisabilité."""
    executer(fichier, analyser_devis_json)


@click.command("risk")
@click.argument("fichier", type=click.Path(dir_okay=False, path_type=Path))
def risk(fichier: Path) -> None:
    """Analyser le risque client (JSON) : ratios, score, classe, limite, couverture."""
    executer(fichier, analyser_risque_json)
