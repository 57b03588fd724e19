"""Read the negotiation forms: the move composer, the preparation sheet, the follow-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.datastructures import MultiDict

from simulator.engine.negotiation import NegotiationSetup
from simulator.engine.negotiation import vocabulary as voc
from simulator.engine.numbers import int_or_none
from simulator.operations.errors import OperationError

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


def preparation_from_form(form: MultiDict, setup: NegotiationSetup) -> dict[str, Any]:
    """The C1.1 sheet as typed: objectives per issue, discovery plan, CAP, concessions, risk cover."""
    objectives = {
        e.cle: {
            level: _text(form, f"obj-{level}-{e.cle}") for level in ("ideal", "realiste", "rupture")
        }
        for e in setup.enjeux
    }
    concessions = [
        {"donne": _text(form, f"conc-donne-{i}"), "contre": _text(form, f"conc-contre-{i}")}
        for i in range(3)
    ]
    return {
        "objectifs": {k: v for k, v in objectives.items() if any(v.values())},
        "decouverte": {t: _text(form, f"q-{t}") for t in voc.THEMES if _text(form, f"q-{t}")},
        "arguments": [a for a in form.getlist("arguments") if int_or_none(a) is not None],
        "concessions": [c for c in concessions if c["donne"] or c["contre"]],
        "couverture_risque": _text(form, "couverture_risque"),
        "notes": _text(form, "notes"),
    }


def follow_up_from_form(form: MultiDict) -> dict[str, Any]:
    """The compte rendu de visite and up to three dated next actions."""
    actions = [
        {
            "action": _text(form, f"action-{i}"),
            "date": _text(form, f"date-{i}"),
            "responsable": _text(form, f"resp-{i}"),
        }
        for i in range(3)
    ]
    actions = [a for a in actions if a["action"]]
    if not _text(form, "compte_rendu"):
        raise OperationError("Rédigez le compte rendu de visite avant d'enregistrer.", 400)
    for a in actions:
        if not a["date"]:
            raise OperationError(f"Datez l'action « {a['action']} ».", 400)
    return {"compte_rendu": _text(form, "compte_rendu"), "actions": actions}
