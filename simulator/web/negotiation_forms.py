"""Read the negotiation forms: the move composer, the preparation sheet, the follow-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel
from werkzeug.datastructures import MultiDict

from simulator.engine.negotiation import NegotiationSetup
from simulator.engine.negotiation import vocabulary as voc
from simulator.engine.numbers import int_or_none
from simulator.operations.errors import OperationError
from simulator.web.forms import parse_form, trimmed

MAX_TEXT = 1000


def arguments_of(view: dict[str, Any]) -> list[dict[str, Any]]:
    """The catalogue's prepared CAP arguments, flat, with the product they belong to."""
    found = []
    for p in view.get("catalogue", {}).get("products", []):
        for a in p.get("arguments", []):
            found.append({**a, "product": p.get("designation", p.get("ref", ""))})
    return found


def _text(form: MultiDict, name: str) -> str:
    return (form.get(name) or "").strip()[:MAX_TEXT]


def _value(setup: NegotiationSetup, cle: str, raw: str) -> Any:
    """A posted issue value in its JSON form: integers as int, decimals and options as text."""
    e = setup.enjeux[setup.index[cle]]
    if e.nature in voc.NATURES_ENTIERES:
        try:
            return int(raw)
        except ValueError:
            raise OperationError(f"{e.libelle} : nombre entier attendu.", 400) from None
    return raw.replace(",", ".") if e.nature in voc.NATURES_DECIMALES else raw


def _pair(setup: NegotiationSetup, raw: str, what: str) -> tuple[str, Any]:
    """Read « cle=valeur » from a grouped select."""
    cle, _, valeur = raw.partition("=")
    if cle not in setup.index or not valeur:
        raise OperationError(f"{what} : choisissez un enjeu et sa valeur.", 400)
    return cle, _value(setup, cle, valeur)


def _terms(setup: NegotiationSetup, form: MultiDict) -> dict[str, Any]:
    return {
        e.cle: _value(setup, e.cle, form[f"terme-{e.cle}"])
        for e in setup.enjeux
        if form.get(f"terme-{e.cle}")
    }


def terms_from_form(setup: NegotiationSetup, form: MultiDict) -> dict[str, Any]:
    """The issue values posted as « terme-<clé> » (empty selects left out)."""
    return _terms(setup, form)


Arguments = list[dict[str, Any]]
Reader = Callable[[MultiDict, NegotiationSetup, Arguments], dict[str, Any]]


def _question(form: MultiDict, setup: NegotiationSetup, arguments: Arguments) -> dict[str, Any]:
    return {"theme": form.get("theme", "")}


def _objection(form: MultiDict, setup: NegotiationSetup, arguments: Arguments) -> dict[str, Any]:
    return {
        "objection": form.get("objection", ""),
        "technique": form.get("technique_objection", ""),
    }


def _conclusion(form: MultiDict, setup: NegotiationSetup, arguments: Arguments) -> dict[str, Any]:
    return {"technique": form.get("technique_conclusion", "")}


def _offer(
    form: MultiDict, setup: NegotiationSetup, arguments: Arguments, kind: str = "offre"
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    terms = _terms(setup, form)
    if kind == "offre" and not terms:
        raise OperationError("Une offre précise au moins un enjeu (choisissez une valeur).", 400)
    if terms:
        fields["termes"] = terms
    asked = [k for k in form.getlist("contrepartie") if k in setup.index]
    if kind == "offre" and asked:
        fields["contrepartie"] = asked
    return fields


def _summary(form: MultiDict, setup: NegotiationSetup, arguments: Arguments) -> dict[str, Any]:
    return _offer(form, setup, arguments, kind="recapitulatif")


def _concession(form: MultiDict, setup: NegotiationSetup, arguments: Arguments) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    fields["enjeu"], fields["valeur"] = _pair(setup, form.get("concession", ""), "Concession")
    if form.get("si_vous"):
        cle, valeur = _pair(setup, form["si_vous"], "Contrepartie")
        fields["contrepartie"] = {"enjeu": cle, "valeur": valeur}
    return fields


def _message(form: MultiDict, setup: NegotiationSetup, arguments: Arguments) -> dict[str, Any]:
    if not _text(form, "texte"):
        raise OperationError("Écrivez votre message.", 400)
    return {}


def _nothing(form: MultiDict, setup: NegotiationSetup, arguments: Arguments) -> dict[str, Any]:
    return {}


MOVE_READERS: dict[str, Reader] = {
    "question": _question,
    "argument": lambda form, setup, arguments: _argument(form, arguments),
    "traitement_objection": _objection,
    "conclusion": _conclusion,
    "offre": _offer,
    "recapitulatif": _summary,
    "concession": _concession,
    "message": _message,
}
"""The fields each kind of move reads from the composer; other kinds carry only their text."""


def move_from_form(
    form: MultiDict, setup: NegotiationSetup, arguments: list[dict[str, Any]]
) -> dict[str, Any]:
    """Turn the composer's fields into a move (JSON form of docs/examples/NEGOTIATION.md)."""
    kind = form.get("type", "")
    if kind not in voc.TYPES_COUPS:
        raise OperationError("Choisissez le type de coup à jouer.", 400)
    move: dict[str, Any] = {"type": kind}
    if _text(form, "texte"):
        move["texte"] = _text(form, "texte")
    move.update(MOVE_READERS.get(kind, _nothing)(form, setup, arguments))
    return move


def _argument(form: MultiDict, arguments: list[dict[str, Any]]) -> dict[str, Any]:
    """A CAP argument picked from the catalogue (or typed), aimed at one SONCAS motivation."""
    picked: dict[str, Any] = {}
    raw = form.get("argument", "")
    index = int_or_none(raw, high=len(arguments) - 1)
    if index is not None:
        picked = arguments[index]
    move = {"motivation": form.get("motivation", "")}
    for key in ("caracteristique", "avantage", "preuve"):
        move[key] = _text(form, key) or picked.get(key, "")
    if not move["motivation"]:
        raise OperationError("Argument : choisissez la motivation (SONCAS) que vous visez.", 400)
    if not move["caracteristique"]:
        raise OperationError(
            "Argument : choisissez un argument du catalogue ou écrivez sa " "caractéristique.", 400
        )
    return move


Line = Annotated[str, trimmed(MAX_TEXT)]


class ConcessionFields(BaseModel):
    donne: Line
    contre: Line


class PreparationForm(BaseModel):
    """The C1.1 sheet as typed: objectives per issue, discovery plan, CAP, concessions, risk cover."""

    objectifs: dict[str, dict[str, Line]]
    decouverte: dict[str, Line]
    arguments: list[str]
    concessions: list[ConcessionFields]
    couverture_risque: Line
    notes: Line

    @staticmethod
    def shape(form: MultiDict[str, str], setup: NegotiationSetup) -> dict[str, Any]:
        """The posted fields as the model's nested data (objectives by issue and level)."""
        return {
            "objectifs": {
                e.cle: {
                    level: form.get(f"obj-{level}-{e.cle}")
                    for level in ("ideal", "realiste", "rupture")
                }
                for e in setup.enjeux
            },
            "decouverte": {t: form.get(f"q-{t}") for t in voc.THEMES},
            "arguments": form.getlist("arguments"),
            "concessions": [
                {"donne": form.get(f"conc-donne-{i}"), "contre": form.get(f"conc-contre-{i}")}
                for i in range(3)
            ],
            "couverture_risque": form.get("couverture_risque"),
            "notes": form.get("notes"),
        }

    def sheet(self) -> dict[str, Any]:
        """The sheet as stored: only what was filled in."""
        return {
            "objectifs": {k: v for k, v in self.objectifs.items() if any(v.values())},
            "decouverte": {t: q for t, q in self.decouverte.items() if q},
            "arguments": [a for a in self.arguments if int_or_none(a) is not None],
            "concessions": [c.model_dump() for c in self.concessions if c.donne or c.contre],
            "couverture_risque": self.couverture_risque,
            "notes": self.notes,
        }


def preparation_from_form(form: MultiDict[str, str], setup: NegotiationSetup) -> dict[str, Any]:
    """The C1.1 sheet as typed: objectives per issue, discovery plan, CAP, concessions, risk cover."""
    parsed, errors = parse_form(PreparationForm, PreparationForm.shape(form, setup))
    if parsed is None:  # cannot happen: every field is text
        raise ValueError(errors)
    return parsed.sheet()


class ActionFields(BaseModel):
    action: Line
    date: Line
    responsable: Line


class FollowUpForm(BaseModel):
    """The compte rendu de visite and up to three dated next actions."""

    compte_rendu: Line
    actions: list[ActionFields]

    @staticmethod
    def shape(form: MultiDict[str, str]) -> dict[str, Any]:
        return {
            "compte_rendu": form.get("compte_rendu"),
            "actions": [
                {
                    "action": form.get(f"action-{i}"),
                    "date": form.get(f"date-{i}"),
                    "responsable": form.get(f"resp-{i}"),
                }
                for i in range(3)
            ],
        }


def follow_up_from_form(form: MultiDict[str, str]) -> dict[str, Any]:
    """The compte rendu de visite and up to three dated next actions."""
    parsed, errors = parse_form(FollowUpForm, FollowUpForm.shape(form))
    if parsed is None:  # cannot happen: every field is text
        raise ValueError(errors)
    actions = [a.model_dump() for a in parsed.actions if a.action]
    if not parsed.compte_rendu:
        raise OperationError("Rédigez le compte rendu de visite avant d'enregistrer.", 400)
    for a in actions:
        if not a["date"]:
            raise OperationError(f"Datez l'action « {a['action']} ».", 400)
    return {"compte_rendu": parsed.compte_rendu, "actions": actions}
