"""Free French in the room: understand what the student typed as a move of the moves format."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from simulator.engine.conversation import ConversationContext, Understanding, understand
from simulator.engine.conversation.extract import extraire
from simulator.engine.conversation.text import normaliser
from simulator.engine.negotiation.moves import Coup
from simulator.models.situation import SituationVersion
from simulator.operations.errors import OperationError
from simulator.operations.negotiation_replay import Game
from simulator.scenarios.conversation_context import context_from_snapshot

MAX_PHRASE = 600
_CONTEXTS: dict[tuple[int, int, str], ConversationContext] = {}
_CONTEXTS_MAX = 64
#: move fields the engine plays (an understood offer stated as one overall price has no terms yet)
CHAMPS_COUP = frozenset(Coup.__dataclass_fields__)


def context_of(version: SituationVersion) -> ConversationContext:
    """The understanding context of a situation version (immutable, so cached per worker)."""
    key = version.identity
    found = _CONTEXTS.get(key)
    if found is None:
        if len(_CONTEXTS) >= _CONTEXTS_MAX:
            _CONTEXTS.clear()
        found = _CONTEXTS[key] = context_from_snapshot(version.snapshot)
    return found


def phrase_of(raw: str) -> str:
    """The sentence as typed, bounded; an empty one is refused."""
    phrase = " ".join((raw or "").split())[:MAX_PHRASE]
    if not phrase:
        raise OperationError("Écrivez ce que vous diriez au client.", 400)
    return phrase


def understand_in(game: Game, raw: str) -> Understanding:
    """Understand one sentence in this negotiation (the last objection voiced is the default topic)."""
    ouvertes = [k for k, v in game.state.objections.items() if v in ("exprimee", "reportee")]
    ctx = replace(
        context_of(game.negotiation.situation_version),
        pending_objection=ouvertes[-1] if ouvertes else None,
    )
    return understand(phrase_of(raw), ctx)


def move_of(understanding: Understanding) -> dict[str, Any]:
    """The move to play, with the student's own words; refused when not understood or incomplete."""
    if not understanding.understood:
        raise OperationError(
            understanding.clarification or "Je n'ai pas compris : reformulez, s'il vous plaît.",
            400,
        )
    move = dict(understanding.move)
    if set(move) - CHAMPS_COUP:
        raise OperationError(
            "Je n'ai pas su traduire ce montant global en conditions : précisez-les avec le "
            "composeur (Corriger).",
            400,
        )
    return move


def composer_fields(move: dict[str, Any]) -> dict[str, Any]:
    """The structured composer's fields prefilled from an understood move (« Corriger »)."""
    fields: dict[str, Any] = {"type": move.get("type", "message"), "texte": move.get("texte", "")}
    if fields["type"] == "incompris":
        fields["type"] = "message"
    for key in ("theme", "motivation", "objection", "caracteristique", "avantage", "preuve"):
        if move.get(key):
            fields[key] = str(move[key])
    if move.get("technique"):
        side = "conclusion" if fields["type"] == "conclusion" else "objection"
        fields[f"technique_{side}"] = str(move["technique"])
    for key, value in (move.get("termes") or {}).items():
        fields[f"terme-{key}"] = str(value)
    if move.get("enjeu") is not None and move.get("valeur") is not None:
        fields["concession"] = f"{move['enjeu']}={move['valeur']}"
    contre = move.get("contrepartie")
    if isinstance(contre, dict) and contre.get("enjeu") and contre.get("valeur") is not None:
        fields["si_vous"] = f"{contre['enjeu']}={contre['valeur']}"
    return fields


#: buyer replies whose words may carry terms (the juror types the counter-offer in French)
REPLIES_WITH_TERMS = frozenset({"contre_offre", "accord_partiel"})


def buyer_terms(game: Game, kind: str, text: str) -> dict[str, Any]:
    """The terms a juror's free reply states (« 3 % et paiement à 45 jours »), on top of the table.

    Only for a counter-offer or a partial agreement; the issues a counter-offer does not name
    keep the seller's latest proposal (the move being answered, else the standing offer, else the
    buyer's last counter-offer). Nothing stated: no terms (the structured fields rule).
    """
    if kind not in REPLIES_WITH_TERMS or not text.strip():
        return {}
    mentions, _ambigu = extraire(
        normaliser(text[:MAX_PHRASE]), context_of(game.negotiation.situation_version)
    )
    lues = {m.cle: m.valeur for m in mentions if m.cle in game.setup.index}
    if not lues:
        return {}
    if kind != "contre_offre":
        return lues
    etat = game.state
    base = dict(etat.contre_offre or {})
    base.update(etat.offre_vendeur or {})
    base.update((game.pending or {}).get("termes") or {})  # the move the juror answers
    return {**base, **lues}
