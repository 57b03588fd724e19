"""Load a scenario pack from YAML: safe parsing, schema validation, semantic checks, located errors."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError

from simulator.os_errors import french_os_error
from simulator.scenarios.errors import PackError, PackInvalid, field_path, french_message
from simulator.scenarios.schema.pack import Pack
from simulator.scenarios.schema.semantics import SECTION_CHECKS, Problem, check_pack
from simulator.scenarios.schema.yaml_safe import MAX_BYTES, LocatedData, YamlProblem, load_located


def _clean_loc(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop pydantic's technical loc parts (dict-key markers)."""
    return tuple(part for part in loc if part != "[key]")


def _schema_errors(exc: ValidationError, located: LocatedData, filename: str) -> list[PackError]:
    """Translate pydantic errors into located French pack errors."""
    errors = []
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"])
        errors.append(
            PackError(filename, located.line_of(loc), field_path(loc), french_message(error))
        )
    return errors


def _checks_of_valid_sections(data: dict[str, Any]) -> list[Problem]:
    """When the schema refuses the pack, the semantic checks still run on every section that is
    valid on its own: a check needing a refused section is skipped, so every stage's errors show
    at once without guessing about the refused parts."""
    sections: dict[str, Any] = {}
    for name, info in Pack.model_fields.items():
        try:
            if name in data:
                adapter: TypeAdapter[Any] = TypeAdapter(cast(Any, info.annotation))
                sections[name] = adapter.validate_python(data[name])
            elif not info.is_required():
                sections[name] = info.get_default(call_default_factory=True)
        except ValidationError:
            continue
    partial = cast(Pack, SimpleNamespace(**sections))
    problems: list[Problem] = []
    for check in SECTION_CHECKS:
        try:
            problems.extend(check(partial))
        except (AttributeError, TypeError, KeyError):
            continue  # this check reads a section the schema refused
    return problems


def validate_text(
    text: str | bytes, filename: str = "<pack>"
) -> tuple[Pack | None, list[PackError]]:
    """Validate pack text; return the pack (or None) and the sorted list of errors."""
    try:
        located = load_located(text)
    except YamlProblem as problem:
        return None, [PackError(filename, problem.line, problem.path, problem.message)]
    if not isinstance(located.data, dict):
        return None, [
            PackError(filename, 1, "racine", "un pack doit être un dictionnaire (clé: valeur)")
        ]
    try:
        pack = Pack.model_validate(located.data)
    except ValidationError as exc:
        semantic = [
            PackError(filename, located.line_of(loc), field_path(loc), message)
            for loc, message in _checks_of_valid_sections(located.data)
        ]
        return None, sorted(set(_schema_errors(exc, located, filename) + semantic))
    problems = check_pack(pack)
    errors = [
        PackError(filename, located.line_of(loc), field_path(loc), message)
        for loc, message in problems
    ]
    return (None if errors else pack), sorted(errors)


def validate_file(path: str | Path) -> tuple[Pack | None, list[PackError]]:
    """Validate a pack file, refusing files over 1 MB before reading them."""
    file = Path(path)
    name = str(path)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            return None, [
                PackError(
                    name,
                    1,
                    "fichier",
                    f"fichier trop volumineux ({size} octets, maximum {MAX_BYTES})",
                )
            ]
        raw = file.read_bytes()
    except OSError as exc:
        return None, [PackError(name, 1, "fichier", f"lecture impossible ({french_os_error(exc)})")]
    return validate_text(raw, name)


def load_pack(path: str | Path) -> Pack:
    """Load a valid pack or raise PackInvalid with every error."""
    pack, errors = validate_file(path)
    if pack is None:
        raise PackInvalid(errors)
    return pack


def load_pack_text(text: str | bytes, filename: str = "<pack>") -> Pack:
    """Load a valid pack from text or raise PackInvalid."""
    pack, errors = validate_text(text, filename)
    if pack is None:
        raise PackInvalid(errors)
    return pack
