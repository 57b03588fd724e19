"""Reading the jury's console forms and the human buyer's reply."""

from __future__ import annotations

from typing import Annotated, Any

from flask import abort, request
from pydantic import BaseModel, BeforeValidator

from simulator.engine.numbers import DB_INT_MAX, NumberRefused, parse_int
from simulator.scenarios.registry.core import PARAMETERS
from simulator.operations.negotiation_replay import Game
from simulator.operations.negotiation_understanding import buyer_terms
from simulator.web.forms import Text, invalid, parse_form

from simulator.web.negotiation_forms import terms_from_form

EMOTIONS = ("neutre", "intéressé", "satisfait", "hésitant", "méfiant", "irrité")


def _version(value: Any) -> int:
    raw = "" if value is None else str(value)
    if raw.strip() == "":
        return -1
    try:
        return parse_int(raw, "base_n", low=-1, high=DB_INT_MAX)
    except NumberRefused as refused:
        raise invalid(refused.message) from None


class ConsoleForm(BaseModel):
    """A change of the situation: the version it starts from and the values typed."""

    base_n: Annotated[int, BeforeValidator(_version)]
    changes: dict[str, str]


def _console() -> ConsoleForm:
    shaped = {
        "base_n": request.form.get("base_n", ""),
        "changes": {p.key: request.form.get(p.key, "") for p in PARAMETERS},
    }
    parsed, _errors = parse_form(ConsoleForm, shaped)
    if parsed is None:  # a version number out of bounds or not a number: a forged request
        abort(400)
    return parsed


def base_version() -> int:
    """The version the jury was looking at when they submitted (optimistic concurrency)."""
    return _console().base_n


def parameter_changes() -> dict[str, str]:
    """Values typed in the console, by registry key (empty fields mean « unchanged »)."""
    return _console().changes


class ReplyForm(BaseModel):
    """The human buyer's reply as the jury composed it (the move format of the engine)."""

    type: str
    texte: Text
    emotion: Annotated[str, BeforeValidator(lambda v: v if v in EMOTIONS else "neutre")]
    termes: dict[str, Any]
    objection: Annotated[str | None, BeforeValidator(lambda v: v or None)]
    enjeux_acceptes: list[str]


def reply_fields(game: Game) -> dict[str, Any]:
    """The reply posted, with its terms read for the setup's issues.

    Terms chosen in the structured fields win; otherwise the juror's free French is read
    (figures into terms, the seller's latest proposal for the issues it does not name).
    """
    form = request.form
    setup = game.setup
    texte = (form.get("texte") or "").strip()
    shaped = {
        "type": form.get("type", ""),
        "texte": texte,
        "emotion": form.get("emotion"),
        "termes": terms_from_form(setup, form) or buyer_terms(game, form.get("type", ""), texte),
        "objection": form.get("objection"),
        "enjeux_acceptes": [k for k in form.getlist("enjeux") if k in setup.index],
    }
    parsed, errors = parse_form(ReplyForm, shaped)
    if parsed is None:  # cannot happen: every field is shaped to be valid
        raise ValueError(errors)
    return parsed.model_dump()
