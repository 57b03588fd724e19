"""The student's « fiche descriptive » page: their real internship negotiation as a situation."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.operations import attempts
from simulator.operations import fiche as fiche_ops
from simulator.operations.errors import OperationError
from simulator.scenarios.generator.fiche import MAX_CONTACTS, MAX_LINES, MAX_YAML_BYTES, VAT_RATES
from simulator.scenarios.schema.common import Persona, Soncas
from simulator.scenarios.schema.common import Role as BuyingRole
from simulator.web.rendering import render_page
from simulator.web.student import bp
from simulator.web.student.fiche_form import form_to_data


def _rows(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _padded(data: dict[str, Any]) -> dict[str, Any]:
    """Show every contact and line slot of the form, keeping what was typed."""
    blank = fiche_ops.blank_data()
    contacts = [c for c in _rows(data.get("contacts")) if isinstance(c, dict)][:MAX_CONTACTS]
    lines = [r for r in _rows(data.get("lines")) if isinstance(r, dict)][:MAX_LINES]
    contacts += [dict(blank["contacts"][0]) for _ in range(MAX_CONTACTS - len(contacts))]
    lines += [dict(blank["lines"][0]) for _ in range(MAX_LINES - len(lines))]
    constraints = data.get("constraints") or ""
    if isinstance(constraints, list):
        constraints = "\n".join(str(c) for c in constraints)
    return {
        **blank,
        **{k: v for k, v in data.items() if isinstance(v, dict)},
        "contacts": contacts,
        "lines": lines,
        "constraints": constraints,
    }


def _render(
    data: dict[str, Any], errors: dict[str, str] | None = None, status: int = 200
) -> ResponseReturnValue:
    return render_page(
        "student/fiche.html",
        status=status,
        f=_padded(data),
        errors=errors or {},
        roles=[r.value for r in BuyingRole],
        personas=[p.value for p in Persona],
        soncas=[m.value for m in Soncas],
        vat_rates=[str(v) for v in VAT_RATES],
        max_kb=MAX_YAML_BYTES // 1024,
        has_attempt=attempts.has_attempt(current_user),
    )


def _confirmed() -> bool:
    return request.form.get("nouvelle_tentative") == "oui"


def _save(data: Any, errors: dict[str, str]) -> ResponseReturnValue:
    shown = data if isinstance(data, dict) else {}
    if not errors:
        fiche, errors = fiche_ops.validate(data)
        if fiche is not None:
            try:
                attempts.require_confirmation(current_user, _confirmed())
            except OperationError as refused:
                fiche, errors = None, {"racine": refused.message}
        if fiche is not None:
            situation = fiche_ops.create_from_fiche(current_user, fiche)
            if situation is None:
                errors = {
                    "racine": _(
                        "Vous n’êtes inscrit(e) dans aucune session avec un pack : "
                        "demandez à votre formateur."
                    )
                }
            else:
                flash(_("Votre fiche descriptive est devenue votre situation de travail."))
                return redirect(url_for("student.situation"), code=303)
    return _render(shown, errors, status=422)


@bp.get("/fiche")
def fiche() -> ResponseReturnValue:
    """The empty fiche descriptive form and the YAML import."""
    return _render(fiche_ops.blank_data())


@bp.post("/fiche")
def fiche_save() -> ResponseReturnValue:
    """Validate the form and store it as the student's new situation (origin « fiche »)."""
    return _save(form_to_data(request.form), {})


@bp.post("/fiche/import")
def fiche_import() -> ResponseReturnValue:
    """Validate an uploaded YAML fiche (same fields, same checks) and store it."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return _render(fiche_ops.blank_data(), {"racine": _("Choisissez un fichier YAML.")}, 422)
    data, errors = fiche_ops.yaml_to_data(upload.read(MAX_YAML_BYTES + 1))
    return _save(data, errors)
