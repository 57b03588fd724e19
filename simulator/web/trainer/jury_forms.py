"""The trainer's commission forms: a new juror account for an exam session."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, field_validator


class NewJurorForm(BaseModel):
    """A juror's name and e-mail; the initial password is generated and shown once."""

    display_name: str = ""
    email: str = ""

    @field_validator("display_name", "email", mode="before")
    @classmethod
    def _trimmed(cls, value: Any) -> str:
        """Trimmed text, cut at 254 characters (the operation checks the rest, in French)."""
        return ("" if value is None else str(value).strip())[:254]
