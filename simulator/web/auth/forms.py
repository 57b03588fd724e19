"""Login and join forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp


class LoginForm(FlaskForm):
    """Trainer or jury login."""

    email = EmailField(
        _l("Adresse e-mail"),
        validators=[
            DataRequired(),
            Length(max=254),
            Regexp(r"^[^@\s]+@[^@\s]+$", message=_l("Adresse e-mail invalide.")),
        ],
    )
    password = PasswordField(_l("Mot de passe"), validators=[DataRequired(), Length(max=200)])


class JoinForm(FlaskForm):
    """A student joins a class session."""

    join_code = StringField(_l("Code de la session"), validators=[DataRequired(), Length(max=12)])
    display_name = StringField(_l("Votre nom"), validators=[DataRequired(), Length(min=2, max=80)])
    resume_code = StringField(
        _l("Code de reprise (si vous revenez)"), validators=[Optional(), Length(max=16)]
    )
