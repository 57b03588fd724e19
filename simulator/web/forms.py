"""Reading posted forms: pydantic models, one per form, through `parse_form`.

The rule: a view never picks fields out of `request.form` by hand. It shapes the posted
`MultiDict` into plain data (lists for repeated fields, nested dicts for dynamic rows), validates
it with a pydantic model, and hands the model (or its `model_dump()`) to the operation.
`parse_form` returns the model, or French error messages keyed by field path (« lines.0.ref »),
ready for the template. CSRF is not a form concern: Flask-WTF's `CSRFProtect` checks every POST.

`Annotated[str, trimmed(n)]` is the usual text field (`Text` when it has no limit): trimmed and
cut at n characters, never refused for its length, so that what the user typed comes back as typed.

Converted so far: the quote builder (`web/student/quote_form.QuoteForm`), the jury's grid
(`web/jury/grid.GridForm`), the login and join forms (`web/auth/forms.py`), the class session and
exam settings forms (`web/trainer/forms.py`: rendered through `FormView` below, same HTML as the
WTForms they replace), the preparation sheet and the follow-up
(`web/negotiation_forms.PreparationForm`, `FollowUpForm`), the jury console and the live buyer
reply (`web/jury/forms.ConsoleForm`, `ReplyForm`), the fiche descriptive (shaped by
`web/student/fiche_form.form_to_data`, validated by the fiche's own pydantic model, as a YAML
fiche is); the move composer reads a move through a dispatch table
(`web/negotiation_forms.MOVE_READERS`). Moved to web but still read by hand (to convert): the
prospection forms (`web/student/prospection_forms.py`: `lire_filtres`, `lire_criteres_form`,
`lire_plan_form`, `lire_activite`). Still to convert and to move: the risk analysis
(`operations/risk_inputs.lire_saisie`, which also re-reads stored answers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Annotated, Any, TypeVar

from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape
from pydantic import BaseModel, BeforeValidator, ValidationError
from pydantic_core import PydanticCustomError

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
    if error.get("type") == "form":  # raised by `invalid`: already the message to show
        return str(error["ctx"]["message"])
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


# --- Small forms rendered field by field (templates/_macros.html `field`) -------------------------
#
# The login, join, class session and exam settings forms validate with a pydantic model like the
# others; a `FormView` gives their templates what the `field` macro reads (`f.label.text`,
# `f.errors`, `f(**attrs)`, the radio options), with the HTML that WTForms used to write.


def invalid(message: str) -> PydanticCustomError:
    """A refusal whose (already translated) message is shown as is."""
    return PydanticCustomError("form", "{message}", {"message": message})


def text_field(
    *,
    required: bool = True,
    min_length: int | None = None,
    max_length: int | None = None,
    pattern: str | None = None,
    pattern_message: str = "",
) -> BeforeValidator:
    """A text kept as typed (not trimmed): required unless blank is allowed, then its length."""

    def check(value: Any) -> str:
        text = "" if value is None else str(value)
        if not text.strip():
            if required:
                raise invalid(_("Ce champ est requis."))
            return text
        if (min_length is not None and len(text) < min_length) or (
            max_length is not None and len(text) > max_length
        ):
            if min_length is not None:
                raise invalid(
                    _(
                        "La longueur du champ doit être comprise entre %(min)d et %(max)d caractères.",
                        min=min_length,
                        max=max_length,
                    )
                )
            raise invalid(
                _("Le champ ne peut pas contenir plus de %(max)d caractères.", max=max_length)
            )
        if pattern is not None and not re.match(pattern, text):
            raise invalid(str(pattern_message))
        return text

    return BeforeValidator(check)


def integer_field(low: int, high: int, *, only_blank_is_missing: bool = False) -> BeforeValidator:
    """A whole number between low and high. Missing is a blank input, and unless
    only_blank_is_missing, also 0 or something that is not a number."""

    def check(value: Any) -> int:
        raw = "" if value is None else str(value)
        if not raw:
            raise invalid(_("Ce champ est requis."))
        try:
            number = int(raw)
        except ValueError:
            if not only_blank_is_missing:
                raise invalid(_("Ce champ est requis.")) from None
            raise invalid(_("N'est pas un entier valide.")) from None
        if number == 0 and not only_blank_is_missing:
            raise invalid(_("Ce champ est requis."))
        if not low <= number <= high:
            raise invalid(
                _("Le nombre doit être compris entre %(min)s et %(max)s.", min=low, max=high)
            )
        return number

    return BeforeValidator(check)


def choice_field(allowed: Callable[[], Iterable[str]]) -> BeforeValidator:
    """One of the offered values (read when the form is posted)."""

    def check(value: Any) -> str:
        choice = "" if value is None else str(value)
        if choice not in set(allowed()):
            raise invalid(_("N'est pas un choix valide."))
        return choice

    return BeforeValidator(check)


def posted(form: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The posted fields, a missing one taking its default (as an unposted radio or select)."""
    return {name: form.get(name, default) for name, default in defaults.items()}


def html_attributes(**attrs: Any) -> str:
    """Attributes sorted by name; True writes the bare name, False and None nothing."""
    parts = []
    for key in sorted(attrs):
        value = attrs[key]
        name = key.rstrip("_").replace("_", "-") if key.startswith("data_") else key.rstrip("_")
        if value is True:
            parts.append(name)
        elif value is not False and value is not None:
            parts.append(f'{name}="{escape(value)}"')
    return " ".join(parts)


@dataclass(frozen=True)
class Label:
    #: a lazy translated string is written as it is (flask-babel marks it safe), a str escaped
    text: Any


@dataclass(frozen=True)
class FieldSpec:
    """How a field is shown: its label, its input type (text, email, password, number, select,
    radio), the constraints the browser checks too, and the choices of a select or radio."""

    label: str
    widget: str = "text"
    attrs: Mapping[str, Any] = dc_field(default_factory=dict)
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RadioOption:
    """One radio button of a field: `option()` is the input, `option.label.text` its text."""

    field: FieldView
    index: int
    value: str
    label: Label

    def __call__(self, **attrs: Any) -> Markup:
        attrs.setdefault("id", f"{self.field.name}-{self.index}")
        attrs.setdefault("type", "radio")
        attrs.setdefault("value", self.value)
        if self.value == self.field.value:
            attrs.setdefault("checked", True)
        if self.field.spec.attrs.get("required"):
            attrs.setdefault("required", True)
        return Markup(f"<input {html_attributes(name=self.field.name, **attrs)}>")


@dataclass(frozen=True)
class FieldView:
    """A field as the `field` macro renders it: label, input (the value typed), its errors."""

    name: str
    spec: FieldSpec
    value: str
    errors: list[str]

    @property
    def label(self) -> Label:
        return Label(self.spec.label)

    def __iter__(self) -> Iterator[RadioOption]:
        for i, (value, text) in enumerate(self.spec.choices):
            yield RadioOption(self, i, value, Label(text))

    def __call__(self, **attrs: Any) -> Markup:
        attrs.setdefault("id", self.name)
        if self.spec.widget == "select":
            options = "".join(
                f"<option {html_attributes(selected=value == self.value, value=value)}>"
                f"{escape(text)}</option>"
                for value, text in self.spec.choices
            )
            return Markup(f"<select {html_attributes(name=self.name, **attrs)}>{options}</select>")
        attrs.setdefault("type", self.spec.widget)
        attrs["value"] = "" if self.spec.widget == "password" else attrs.get("value", self.value)
        for key, value in self.spec.attrs.items():
            attrs.setdefault(key, value)
        return Markup(f"<input {html_attributes(name=self.name, **attrs)}>")


class FormView:
    """A blank or posted form for its template: `form.<field>` and `form.csrf_token`."""

    def __init__(
        self,
        specs: Mapping[str, FieldSpec],
        values: Mapping[str, Any],
        errors: Mapping[str, str] | None = None,
    ) -> None:
        self._fields = {
            name: FieldView(
                name,
                spec,
                "" if values.get(name) is None else str(values[name]),
                [errors[name]] if errors and name in errors else [],
            )
            for name, spec in specs.items()
        }

    def __getattr__(self, name: str) -> FieldView:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def csrf_token(self) -> Markup:
        return Markup(
            f"<input {html_attributes(id='csrf_token', name='csrf_token', type='hidden', value=generate_csrf())}>"
        )
