"""Reading posted forms: pydantic models, one per form, through `parse_form`.

The rule: a view never picks fields out of `request.form` by hand. It shapes the posted
`MultiDict` into plain data (lists for repeated fields, nested dicts for dynamic rows), validates
it with a pydantic model, and hands the model (or its `model_dump()`) to the operation.
`parse_form` returns the model, or French error messages keyed by field path (« lines.0.ref »),
ready for the template. CSRF is not a form concern: Flask-WTF's `CSRFProtect` checks every POST.

`Annotated[str, trimmed(n)]` is the usual text field (`Text` when it has no limit): trimmed and
cut at n characters, never refused for its length, so that what the user typed comes back as typed.

Converted so far: the quote builder (`web/student/quote_form.QuoteForm`) and the jury's grid
(`web/jury/grid.GridForm`); the move composer reads a move through a dispatch table
(`web/negotiation_forms.MOVE_READERS`). Still to convert: the WTForms of the login, join, class
session and exam settings forms (their templates render WTForms fields), the preparation sheet
and follow-up, the risk analysis (`operations/risk_inputs`), the jury console, the live buyer
reply, the fiche descriptive and the prospection forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, TypeVar

from flask_babel import gettext as _
from pydantic import BaseModel, BeforeValidator, ValidationError

M = TypeVar("M", bound=BaseModel)


def trimmed(limit: int | None = None) -> BeforeValidator:
    """Trim, cut at `limit` characters, missing means empty: `Annotated[str, trimmed(n)]`."""

    def clean(value: Any) -> str:
        text = "" if value is None else str(value).strip()
        return text[:limit] if limit is not None else text

    return BeforeValidator(clean)


# A text field of any length (mypy accepts no call in an annotation: hence the alias).
Text = Annotated[str, trimmed()]


def _message(error: Mapping[str, Any]) -> str:
    messages = {
        "missing": _("Champ obligatoire."),
        "int_parsing": _("Nombre entier attendu."),
        "decimal_parsing": _("Nombre attendu."),
        "literal_error": _("Choisissez une valeur proposée."),
        "bool_parsing": _("Valeur invalide."),
    }
    return messages.get(error.get("type", ""), _("Valeur invalide."))


def parse_form(model: type[M], data: Mapping[str, Any]) -> tuple[M | None, dict[str, str]]:
    """Validate the shaped form data: the model, or French messages by field path."""
    try:
        return model.model_validate(data), {}
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors():
            path = ".".join(str(p) for p in error["loc"]) or "racine"
            errors.setdefault(path, _message(error))
        return None, errors
