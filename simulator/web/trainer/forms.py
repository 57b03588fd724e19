"""Trainer forms."""

from __future__ import annotations

from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from pydantic import BaseModel, BeforeValidator

from simulator.operations.packs import latest_versions
from simulator.web.forms import FieldSpec, choice_field, integer_field, invalid, text_field

MODES = (
    ("practice", _l("Entraînement (débriefing immédiat)")),
    ("exam", _l("Examen (débriefing retenu jusqu'à publication)")),
)


def _pack_slugs() -> list[str]:
    return ["", *(p.slug for p in latest_versions())]


class ClassSessionForm(BaseModel):
    """Open a class session."""

    name: Annotated[str, text_field(min_length=3, max_length=120)]
    mode: Annotated[str, choice_field(lambda: [value for value, _ in MODES])]
    pack_slug: Annotated[str, choice_field(_pack_slugs)]


#: what an unposted field is worth (a radio or a select sends nothing when absent)
CLASS_SESSION_DEFAULTS: dict[str, Any] = {"name": None, "mode": "practice", "pack_slug": ""}


def class_session_fields() -> dict[str, FieldSpec]:
    """The fields, offering the stored packs (latest version of each) and « none »."""
    packs = [("", _l("— aucun pour l’instant —"))]
    packs += [(p.slug, p.title) for p in latest_versions()]
    return {
        "name": FieldSpec(
            _l("Nom de la session"), "text", {"maxlength": 120, "minlength": 3, "required": True}
        ),
        "mode": FieldSpec(_l("Mode"), "radio", {"required": True}, MODES),
        "pack_slug": FieldSpec(_l("Pack de scénarios"), "select", {}, tuple(packs)),
    }


EXAM_FORMS = (
    ("ccf_situation_2", _l("CCF, situation d’évaluation n°2 (critères C1.2, C1.4, C1.5)")),
    ("ponctuelle", _l("Forme ponctuelle : présentation puis simulation (les dix critères)")),
)


def _exam_form(value: Any) -> str:
    choice = "" if value is None else str(value)
    if choice and choice not in {key for key, _label in EXAM_FORMS}:
        raise invalid(_("N'est pas un choix valide."))
    return choice


def _time_zone(value: Any) -> str:
    """A time zone the machine knows (Europe/Paris, America/Cayenne, Indian/Reunion…)."""
    zone = "" if value is None else str(value).strip()
    if not zone:
        return ""
    try:
        if len(zone) > 64:
            raise ValueError(zone)
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise invalid(_("Fuseau horaire inconnu (ex. Europe/Paris).")) from None
    return zone


class ExamSettingsForm(BaseModel):
    """The exam's name and timings: the 2024 reform renumbered units (E4 or E5)."""

    exam_label: Annotated[str, text_field(max_length=16)]
    negotiation_minutes: Annotated[int, integer_field(5, 60)]
    interview_minutes: Annotated[int, integer_field(0, 30, only_blank_is_missing=True)]
    #: blank keeps the session's current form and time zone
    exam_form: Annotated[str, BeforeValidator(_exam_form)] = ""
    exam_timezone: Annotated[str, BeforeValidator(_time_zone)] = ""


EXAM_SETTINGS_FIELDS = {
    "exam_label": FieldSpec(
        _l("Intitulé de l’épreuve"), "text", {"maxlength": 16, "required": True}
    ),
    "negotiation_minutes": FieldSpec(
        _l("Durée de la négociation (minutes)"), "number", {"max": 60, "min": 5, "required": True}
    ),
    "interview_minutes": FieldSpec(
        _l("Durée de l’entretien (minutes)"), "number", {"max": 30, "min": 0, "required": True}
    ),
    "exam_form": FieldSpec(_l("Forme de l’épreuve"), "radio", {}, EXAM_FORMS),
    "exam_timezone": FieldSpec(_l("Fuseau horaire de l’épreuve"), "text", {"maxlength": 64}),
}
