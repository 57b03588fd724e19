"""Click's own failures told in French, and no traceback ever reaching the user.

`FrenchGroupMixin.main` runs the group in non-standalone mode and answers, on stderr:

- a usage error (unknown command or option, missing or invalid value): a French line, the
  command's help hint, exit code 2 (click's convention);
- any other command failure (ClickException, an OS error, a number too large, nested data too
  deep…): « Erreur : … » in French, exit code 1.
"""

from __future__ import annotations

import sys
from decimal import InvalidOperation
from typing import Any, NoReturn

import click
from click import exceptions as ce

from simulator.os_errors import french_os_error

_TYPES = {
    "integer": "nombre entier attendu",
    "float": "nombre attendu",
    "boolean": "oui/non attendu",
    "path": "chemin invalide",
    "file": "fichier invalide",
    "choice": "choix non proposé",
    "integer range": "nombre entier hors plage",
    "float range": "nombre hors plage",
}


def _hint(exc: ce.UsageError) -> str:
    ctx = exc.ctx
    path = ctx.command_path if ctx is not None else "simulator"
    return f"Aide : « {path} --help »."


def _param_name(param: click.Parameter | None, fallback: str = "") -> str:
    if param is None:
        return fallback or "paramètre"
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    return (param.human_readable_name or param.name or "argument").upper()


def usage_message(exc: ce.UsageError) -> str:
    """French text for click's usage errors (never click's English sentences)."""
    if isinstance(exc, ce.NoSuchOption):
        return f"option inconnue : {exc.option_name}"
    if isinstance(exc, ce.BadOptionUsage):
        return f"option mal employée : {exc.option_name}"
    if isinstance(exc, ce.MissingParameter):
        if isinstance(exc.param, click.Option):
            return f"option obligatoire manquante : {_param_name(exc.param)}"
        return f"argument obligatoire manquant : {_param_name(exc.param)}"
    if isinstance(exc, ce.BadParameter):
        param = exc.param
        reason = _TYPES.get(getattr(getattr(param, "type", None), "name", ""), "valeur refusée")
        return f"valeur invalide pour {_param_name(param)} : {reason}"
    if exc.message.startswith("No such command"):
        name = exc.message.partition("'")[2].rpartition("'")[0]
        return f"commande inconnue : {name}"
    if exc.message.startswith("Got unexpected extra argument"):
        return "arguments en trop"
    return "commande mal formée"


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"Erreur : {message}", err=True)
    sys.exit(code)


class FrenchGroupMixin:
    """Mix into a click Group: French messages, exit 1 or 2, no traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)  # type: ignore[misc]
        except ce.Exit as exc:
            sys.exit(exc.exit_code)
        except ce.Abort:
            _fail("interrompu", 1)
        except ce.UsageError as exc:
            click.echo(f"Erreur : {usage_message(exc)}\n{_hint(exc)}", err=True)
            sys.exit(2)
        except ce.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code if exc.exit_code in (1, 2) else 1)
        except OSError as exc:
            where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
            _fail(f"{french_os_error(exc)}{where}", 1)
        except RecursionError:
            _fail("données trop imbriquées", 1)
        except (InvalidOperation, OverflowError, ArithmeticError):
            _fail("nombre trop grand ou invalide", 1)
        except ValueError:
            _fail("valeur invalide (nombre trop long ou mal formé)", 1)
        except MemoryError:
            _fail("mémoire insuffisante pour ces données", 1)
        sys.exit(result if isinstance(result, int) else 0)
