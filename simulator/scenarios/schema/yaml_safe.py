"""Safe YAML reading: size limit, no tags, no anchors or aliases, line numbers kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from simulator.scenarios.errors import Loc

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class YamlProblem(ValueError):
    """A YAML document refused before validation (syntax, tag, alias, size)."""

    def __init__(self, line: int, message: str, path: str = "yaml") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.path = path


@dataclass
class LocatedData:
    """Plain Python data read from YAML and the line of every key or item."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """Return the line of loc, or of its closest located parent."""
        parts = tuple(loc)
        while parts and parts not in self.lines:
            parts = parts[:-1]
        return self.lines.get(parts, 1)


def _refuse_unsafe_events(text: str) -> None:
    """Scan parser events: any explicit tag, anchor or alias is refused, nothing is constructed."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 1  # type: ignore[union-attr]  # the parser sets marks
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(
                line, f"étiquette YAML « {shown} » refusée : les tags ne sont pas autorisés"
            )
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(
                line,
                f"ancre ou alias YAML « {getattr(event, 'anchor', None)} » refusé : les ancres (&) "
                "et alias (*) ne sont pas autorisés dans un pack",
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(line, f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


#: the longest integer literal read (a pack's numbers have at most a dozen digits)
MAX_INT_CHARS = 40


def _scalar(node: yaml.ScalarNode, ints: SafeConstructor) -> Any:
    """Convert a scalar node; floats become Decimal so money never goes through float."""
    text = node.value
    if node.tag == _NULL:
        return None
    if node.tag == _BOOL:
        return text.lower() in ("yes", "true", "on", "y")
    if node.tag == _INT:
        if len(text) > MAX_INT_CHARS:  # Python refuses int() past 4,300 digits; we stop sooner
            raise YamlProblem(
                node.start_mark.line + 1, f"nombre entier trop long ({len(text)} caractères)"
            )
        return ints.construct_yaml_int(node)
    if node.tag == _FLOAT:
        try:
            value = Decimal(text.replace("_", ""))
        except (InvalidOperation, ValueError):
            raise YamlProblem(
                node.start_mark.line + 1, f"nombre non fini refusé : {text}"
            ) from None
        if not value.is_finite():
            raise YamlProblem(node.start_mark.line + 1, f"nombre non fini refusé : {text}")
        return value
    if node.tag == _TIMESTAMP:
        try:
            ints.construct_yaml_timestamp(node)
        except ValueError:
            raise YamlProblem(node.start_mark.line + 1, f"date invalide : {text[:40]}") from None
    return text


def _convert(node: yaml.Node, loc: Loc, lines: dict[Loc, int], ints: SafeConstructor) -> Any:
    """Turn a composed node into plain data, recording lines by path."""
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, ints)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, child in enumerate(node.value):
            lines[loc + (index,)] = child.start_mark.line + 1
            items.append(_convert(child, loc + (index,), lines, ints))
        return items
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(line, "clé complexe refusée : une clé doit être un texte simple")
        key = key_node.value
        if key in result:
            raise YamlProblem(line, f"clé « {key} » en double", ".".join(map(str, loc + (key,))))
        lines[loc + (key,)] = line
        result[key] = _convert(value_node, loc + (key,), lines, ints)
    return result


#: PyYAML's English problems (prefix, or the whole problem) and what they mean for a pack author
_PROBLEMS_FR: tuple[tuple[str, str], ...] = (
    ("expected ',' or ']'", "« , » ou « ] » attendu : une liste entre crochets n'est pas fermée"),
    (
        "expected ',' or '}'",
        "« , » ou « } » attendu : un dictionnaire entre accolades n'est pas fermé",
    ),
    (
        "expected <block end>",
        "indentation incohérente : cette ligne n'est pas alignée sur ses voisines",
    ),
    (
        "mapping values are not allowed here",
        "« : » inattendu : mettez la valeur entre guillemets si elle contient « : », "
        "ou corrigez l'indentation",
    ),
    ("could not find expected ':'", "« : » manquant après une clé"),
    ("did not find expected key", "clé attendue : vérifiez l'indentation de cette ligne"),
    (
        "did not find expected '-' indicator",
        "élément de liste « - » attendu : vérifiez l'indentation de cette ligne",
    ),
    ("did not find expected node content", "valeur attendue après « - » ou « : »"),
    (
        "found character '\\t' that cannot start any token",
        "tabulation interdite : indentez avec des espaces",
    ),
    ("found a tab character", "tabulation interdite : indentez avec des espaces"),
    (
        "found unexpected end of stream",
        "fin du texte inattendue : un guillemet, un crochet ou une accolade n'est pas fermé",
    ),
    (
        "found unknown escape character",
        "séquence d'échappement inconnue entre guillemets doubles (utilisez des guillemets simples)",
    ),
    (
        "expected a comment or a line break",
        "texte inattendu après la valeur : un commentaire (#) ou un retour à la ligne était attendu",
    ),
    ("found unexpected ':'", "« : » inattendu : mettez cette valeur entre guillemets"),
    ("expected alphabetic or numeric character", "nom d'ancre ou d'alias invalide"),
    (
        "found character",
        "caractère qui ne peut pas commencer une valeur : mettez-la entre guillemets",
    ),
    ("expected a single document", "un seul document YAML est attendu (pas de « --- » en trop)"),
    ("but found another document", "un seul document YAML est attendu (pas de « --- » en trop)"),
    ("expected '<document start>'", "un seul document YAML est attendu (pas de « --- » en trop)"),
)


def french_yaml_problem(problem: str | None) -> str:
    """The French meaning of a PyYAML syntax problem (never the parser's English)."""
    text = (problem or "").strip()
    for prefix, french in _PROBLEMS_FR:
        if text.startswith(prefix):
            return french
    return "structure non reconnue : vérifiez l'indentation, les « : » et les guillemets"


def _syntax_problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    """A French syntax message at the line where the parser stopped, with the opening line."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    opened = ""
    if exc.context_mark is not None and exc.context_mark.line + 1 != line:
        opened = f" (structure ouverte ligne {exc.context_mark.line + 1})"
    return YamlProblem(line, f"erreur de syntaxe YAML : {french_yaml_problem(exc.problem)}{opened}")


def load_located(text: str | bytes) -> LocatedData:
    """Parse one YAML document safely and keep the line of every path."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    if len(raw) > MAX_BYTES:
        raise YamlProblem(
            1, f"fichier trop volumineux ({len(raw)} octets, maximum {MAX_BYTES})", "fichier"
        )
    try:
        source = raw.decode("utf-8")
        _refuse_unsafe_events(source)
        node = yaml.compose(source, Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        raise YamlProblem(1, "le fichier n'est pas encodé en UTF-8", "fichier") from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_problem(exc) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"erreur de syntaxe YAML : {french_yaml_problem(str(exc))}") from None
    if node is None:
        raise YamlProblem(1, "document YAML vide", "racine")
    lines: dict[Loc, int] = {(): node.start_mark.line + 1}
    return LocatedData(_convert(node, (), lines, SafeConstructor()), lines)
