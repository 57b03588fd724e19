"""Login and join forms."""

from __future__ import annotations

from typing import Annotated

from flask_babel import lazy_gettext as _l
from pydantic import BaseModel

from simulator.web.forms import FieldSpec, text_field

EMAIL = r"^[^@\s]+@[^@\s]+$"


class LoginForm(BaseModel):
    """Trainer or jury login."""

    email: Annotated[
        str,
        text_field(max_length=254, pattern=EMAIL, pattern_message=_l("Adresse e-mail invalide.")),
    ]
    password: Annotated[str, text_field(max_length=200)]


LOGIN_FIELDS = {
    "email": FieldSpec(_l("Adresse e-mail"), "email", {"maxlength": 254, "required": True}),
    "password": FieldSpec(_l("Mot de passe"), "password", {"maxlength": 200, "required": True}),
}


class JoinForm(BaseModel):
    """A student joins a class session."""

    join_code: Annotated[str, text_field(max_length=12)]
    display_name: Annotated[str, text_field(min_length=2, max_length=80)]
    resume_code: Annotated[str, text_field(required=False, max_length=16)]


JOIN_FIELDS = {
    "join_code": FieldSpec(_l("Code de la session"), "text", {"maxlength": 12, "required": True}),
    "display_name": FieldSpec(
        _l("Votre nom"), "text", {"maxlength": 80, "minlength": 2, "required": True}
    ),
    "resume_code": FieldSpec(_l("Code de reprise (si vous revenez)"), "text", {"maxlength": 16}),
}
