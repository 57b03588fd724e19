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
from simulator.os_errors import french_os_error

#: bounds on what a file may hold: the engine never sees numbers it cannot round
MAX_OCTETS = 10 * 1024 * 1024
MAX_CHIFFRES = 30
#: the json module's messages, in French
MESSAGES_JSON = {
    "Expecting value": "valeur attendue",
    "Expecting ',' delimiter": "virgule attendue",
    "Expecting ':' delimiter": "deux-points attendus",
    "Expecting property name enclosed in double quotes": "nom de champ entre guillemets attendu",
    "Extra data": "données en trop après la fin",
    "Unterminated string starting at": "chaîne non terminée",
    "Invalid control character at": "caractère de contrôle interdit",
    "Invalid \\escape": "échappement invalide",
}


def lire_fichier_json(chemin: Path) -> object:
    """Read a JSON file with exact decimals (never floats), or fail in French."""
    try:
        with chemin.open("rb") as fichier:
            brut = fichier.read(MAX_OCTETS + 1)
        if len(brut) > MAX_OCTETS:
            raise click.ClickException(f"{chemin} : fichier trop gros (plus de 10 Mo)")
        texte = brut.decode("utf-8")
    except OSError as exc:
        raise click.ClickException(
            f"{chemin} : lecture impossible ({french_os_error(exc)})"
        ) from None
    except UnicodeDecodeError:
        raise click.ClickException(f"{chemin} : le fichier n'est pas en UTF-8") from None
    try:
        return json.loads(
            texte,
            parse_float=_decimal_borne,
            parse_int=_entier_borne,
            parse_constant=_refuser_constante,
        )
    except json.JSONDecodeError as exc:
        raise click.ClickException(
            f"{chemin} : JSON invalide ligne {exc.lineno}, colonne {exc.colno} "
            f"({MESSAGES_JSON.get(exc.msg, exc.msg)})"
        ) from None
    except RecursionError:
        raise click.ClickException(f"{chemin} : JSON trop imbriqué") from None


def _entier_borne(texte: str) -> int:
    if len(texte.lstrip("-")) > MAX_CHIFFRES:
        raise click.ClickException(f"nombre de plus de {MAX_CHIFFRES} chiffres refusé")
    return int(texte)


def _decimal_borne(texte: str) -> Decimal:
    if len(texte) > MAX_CHIFFRES + 10:
        raise click.ClickException(f"nombre de plus de {MAX_CHIFFRES} chiffres refusé")
    valeur = Decimal(texte)
    if valeur.is_finite() and valeur != 0 and abs(valeur.adjusted()) > MAX_CHIFFRES:
        raise click.ClickException(f"nombre hors limites refusé ({texte})")
    return valeur


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
