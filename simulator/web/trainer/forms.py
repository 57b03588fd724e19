"""Trainer forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length


class ClassSessionForm(FlaskForm):
    """Open a class session."""

    name = StringField(_l("Nom de la session"), validators=[DataRequired(), Length(min=3, max=120)])
    mode = RadioField(
        _l("Mode"),
        choices=[SelectChoice("practice", _l("Entraînement (débriefing immédiat)")),
                 SelectChoice("exam", _l("Examen (débriefing retenu jusqu'à publication)"))],
        default="practice",
        validators=[DataRequired()],
    )
