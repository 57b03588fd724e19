"""Input bounds at the edge: id converter, bounded query/form integers, control characters, size."""

from __future__ import annotations

import os
from decimal import Decimal

from flask import Flask, abort, request
from flask_babel import gettext as _
from werkzeug.routing import BaseConverter, ValidationError

from simulator.engine.numbers import DB_INT_MAX, NumberRefused, parse_decimal, parse_int
from simulator.operations.errors import OperationError

DEFAULT_MAX_CONTENT_LENGTH = 2 * 1024 * 1024
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


class IdConverter(BaseConverter):
    """`<id:name>`: a database id, 1 to 2^31 - 1; anything else is a 404 before the view runs."""

    regex = r"[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= DB_INT_MAX:
            raise ValidationError()
        return number

    def to_url(self, value: object) -> str:
        return str(int(value))  # type: ignore[call-overload]


class NumberConverter(IdConverter):
    """`<num:name>`: a version number, 0 to 2^31 - 1."""

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 0 <= number <= DB_INT_MAX:
            raise ValidationError()
        return number


def _arg(source: str, name: str, default: int, low: int, high: int) -> int:
    values = request.args if source == "args" else request.form
    raw = values.get(name, "")
    if raw.strip() == "":
        return default
    try:
        return parse_int(raw, name, low=low, high=high)
    except NumberRefused:
        abort(400)


def arg_int(name: str, default: int = 0, low: int = -1, high: int = DB_INT_MAX) -> int:
    """A bounded integer from the query string; out of bounds or not a number: 400."""
    return _arg("args", name, default, low, high)


def form_int(name: str, default: int = 0, low: int = -1, high: int = DB_INT_MAX) -> int:
    """A bounded integer from the posted form; out of bounds or not a number: 400."""
    return _arg("form", name, default, low, high)


def number_or_422(text: str, what: str, **bounds: Decimal) -> Decimal:
    """A typed number through the one bounded parser; a refusal is a French 422."""
    try:
        return parse_decimal(text, what, **bounds)  # type: ignore[arg-type]
    except NumberRefused as refused:
        raise OperationError(refused.message, 422) from None


def _has_control(text: str) -> bool:
    return any((ord(ch) < 32 and ch not in _ALLOWED_CONTROLS) or ord(ch) == 127 for ch in text)


def refuse_control_characters() -> None:
    """NUL and other control characters in any query or form field (keys too): French 400.

    Tabs and line breaks stay allowed (textareas). Uploaded files are not inspected here.
    """
    for values in (request.args, request.form):
        for key, value in values.items(multi=True):
            if _has_control(key) or _has_control(value):
                raise OperationError(
                    _(
                        "Caractère de contrôle refusé dans le champ « %(f)s ».",
                        f=key[:40].encode("unicode_escape").decode("ascii"),
                    ),
                    400,
                )
    if _has_control(request.path):
        raise OperationError(_("Caractère de contrôle refusé dans l’adresse."), 400)


def register_inputs(app: Flask) -> None:
    """The id converter, the control-character guard and the request size limit."""
    app.url_map.converters["id"] = IdConverter
    app.url_map.converters["num"] = NumberConverter
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = int(
            os.environ.get("MAX_CONTENT_LENGTH") or DEFAULT_MAX_CONTENT_LENGTH
        )
    app.before_request(refuse_control_characters)
