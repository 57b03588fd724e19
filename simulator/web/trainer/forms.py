"""Trainer forms."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)


class ClassSessionForm(FlaskForm):
    """Open a class session."""

    name = StringField(_l("Nom de la session"), validators=[DataRequired(), Length(min=3, max=120)])
    mode = RadioField(
        _l("Mode"),
        choices=[
            SelectChoice("practice", _l("Entraînement (débriefing immédiat)")),
            SelectChoice("exam", _l("Examen (débriefing retenu jusqu'à publication)")),
        ],
        default="practice",
        validators=[DataRequired()],
    )
    pack_slug = SelectField(_l("Pack de scénarios"), choices=[], default="")

    def set_packs(self, packs: list[tuple[str, str]]) -> "ClassSessionForm":
        """Offer the stored packs (slug, title) and « none »."""
        self.pack_slug.choices = [SelectChoice("", _l("— aucun pour l’instant —"))] + [
            SelectChoice(slug, title) for slug, title in packs
        ]
        return self


class ExamSettingsForm(FlaskForm):
    """The exam's name and timings: the 2024 reform renumbered units (E4 or E5)."""

    exam_label = StringField(
        _l("Intitulé de l’épreuve"), validators=[DataRequired(), Length(max=16)]
    )
    negotiation_minutes = IntegerField(
        _l("Durée de la négociation (minutes)"),
        validators=[DataRequired(), NumberRange(min=5, max=60)],
    )
    interview_minutes = IntegerField(
        _l("Durée de l’entretien (minutes)"),
        validators=[InputRequired(), NumberRange(min=0, max=30)],
    )

    exam_form = RadioField(
        _l("Forme de l’épreuve"),
        choices=[
            SelectChoice(
                "ccf_situation_2",
                _l("CCF, situation d’évaluation n°2 (critères C1.2, C1.4, C1.5)"),
            ),
            SelectChoice(
                "ponctuelle",
                _l("Forme ponctuelle : présentation puis simulation (les dix critères)"),
            ),
        ],
        default="ccf_situation_2",
        validators=[Optional()],
    )
    exam_timezone = StringField(
        _l("Fuseau horaire de l’épreuve"),
        default="Europe/Paris",
        validators=[Optional(), Length(max=64)],
    )

    def validate_exam_timezone(self, field: StringField) -> None:
        """A time zone the machine knows (Europe/Paris, America/Cayenne, Indian/Reunion…)."""
        if not field.data:
            return
        try:
            ZoneInfo(str(field.data))
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError(_l("Fuseau horaire inconnu (ex. Europe/Paris).")) from None
