"""`understand(text, context)`: one student utterance → one move of the moves-file format.

Order of decisions (conversation_conventions.md): walk-away, closing (a bonus tied to signing
now is a closing), summary, objection treatment (an objection's topic + a technique's marker),
reformulation, questions (unless the seller proposes terms), then terms (offre / concession,
« si vous…, je… » exchanges; three or more issues tied together make a package offer), an
ambiguous figure (asked back, never guessed), SONCAS arguments, small talk. Figures inside
arguments, objections, reformulations, summaries and competitors' offers are never terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from simulator.engine.conversation import classify as c
from simulator.engine.conversation.context import ConversationContext
from simulator.engine.conversation.extract import Mention, extraire, prix
from simulator.engine.conversation.paraphrase import clarification, paraphrase
from simulator.engine.conversation.text import normaliser


@dataclass(frozen=True)
class Understanding:
    """The move (documented format, or ``{"type": "incompris", "texte": …}``) and how sure we are."""

    move: dict[str, Any]
    confidence: float
    reason: str
    paraphrase: str
    clarification: str | None = None
    normalised: str = field(default="", repr=False)

    @property
    def understood(self) -> bool:
        return bool(self.move["type"] != "incompris")


def _incompris(
    texte: str, t: str, raison: str, ctx: ConversationContext, sujet: str | None
) -> Understanding:
    question = clarification(sujet, ctx)
    return Understanding(
        {"type": "incompris", "texte": texte},
        0.0,
        raison,
        "Je n'ai pas compris : " + question,
        question,
        t,
    )


def _ok(
    coup: dict[str, Any],
    texte: str,
    t: str,
    raison: str,
    confiance: float,
    ctx: ConversationContext,
) -> Understanding:
    coup = {**coup, "texte": texte}
    return Understanding(coup, confiance, raison, paraphrase(coup, ctx), None, t)


def _termes(t: str, ctx: ConversationContext, mentions: list[Mention]) -> dict[str, Any] | None:
    """Offer or concession from the terms found, or None when there are none."""
    montant = (
        prix(t, ctx.vat_rate)
        if (
            c.PROPOSITION.search(t)
            or re.search(r"pour l'ensemble|le tout|\btotal\b|tout compris", t)
        )
        else None
    )
    if not mentions and montant is None:
        return None
    span = c.condition_span(t)
    acheteur = [m for m in mentions if span and span[0] <= m.debut < span[1]]
    vendeur = [m for m in mentions if m not in acheteur]
    if montant is not None and not mentions:
        return {"type": "offre", "termes": {}, "prix_ht": montant}
    if acheteur and vendeur:
        if len(acheteur) + len(vendeur) >= 3:
            termes = {m.cle: m.valeur for m in mentions}
            return {"type": "offre", "termes": termes, "contrepartie": [m.cle for m in acheteur]}
        if len(vendeur) == 1 and len(acheteur) == 1:
            v, a = vendeur[0], acheteur[0]
            return {
                "type": "concession",
                "enjeu": v.cle,
                "valeur": v.valeur,
                "contrepartie": {"enjeu": a.cle, "valeur": a.valeur},
            }
    if len(mentions) == 1 and c.MOUVEMENT.search(t):
        m = mentions[0]
        return {"type": "concession", "enjeu": m.cle, "valeur": m.valeur}
    coup: dict[str, Any] = {"type": "offre", "termes": {m.cle: m.valeur for m in mentions}}
    if montant is not None:
        coup["prix_ht"] = montant
    return coup


def understand(text: str, context: ConversationContext) -> Understanding:
    """Understand one utterance of the seller in the situation described by ``context``."""
    texte = text.strip()
    t = normaliser(texte)
    if len(re.findall(r"[a-z]{2,}", t)) == 0:
        return _incompris(texte, t, "aucun mot reconnu", context, None)
    if c.RUPTURE.search(t):
        return _ok({"type": "rupture"}, texte, t, "rupture : départ annoncé", 0.9, context)
    tech = c.conclusion(t)
    if tech:
        return _ok(
            {"type": "conclusion", "technique": tech},
            texte,
            t,
            f"conclusion : marqueur « {tech} »",
            0.85,
            context,
        )
    if c.RECAP.search(t):
        return _ok(
            {"type": "recapitulatif"},
            texte,
            t,
            "récapitulatif sans demande de signature",
            0.85,
            context,
        )
    objection = c.sujet_objection(t, context)
    technique = c.technique_objection(t)
    propose = bool(c.PROPOSITION.search(t) or c.MOUVEMENT.search(t) or c.CONDITION.search(t))
    if (
        technique
        and (objection or (context.pending_objection and technique != "reformulation"))
        and not (propose and technique == "reformulation")
    ):
        coup = {
            "type": "traitement_objection",
            "objection": objection or context.pending_objection,
            "technique": technique,
        }
        return _ok(
            coup, texte, t, "objection traitée : sujet et marqueur de technique", 0.8, context
        )
    question = bool(c.QUESTION.search(t))
    concurrent = bool(re.search(r"rexalec|elec-?pro|concurren|fournisseur", t)) or any(
        n in t for n in context.competitors if n
    )
    if question and concurrent and not propose:
        return _ok(
            {"type": "question", "theme": "concurrence"},
            texte,
            t,
            "question sur un concurrent",
            0.8,
            context,
        )
    if c.REFORMULATION.search(t) and not re.search(r"\bdonc je\b|\bdonc on\b", t):
        return _ok({"type": "reformulation"}, texte, t, "reformulation : marqueur", 0.8, context)
    if question and (not propose or concurrent):
        theme = c.theme_question(t)
        if theme:
            return _ok(
                {"type": "question", "theme": theme}, texte, t, "question : thème", 0.8, context
            )
    mentions, ambigu = extraire(t, context)
    descriptif = bool(c.DESCRIPTIF.search(t)) and not c.PROPOSITION.search(t)
    mot_motivation = c.motivation(t)
    if ambigu:
        return _incompris(texte, t, f"valeur ambiguë ({ambigu})", context, ambigu)
    explicites = all(m.explicite for m in mentions)
    if (
        not concurrent
        and not descriptif
        and not (mot_motivation and not propose and not explicites)
    ):
        termes = _termes(t, context, mentions)
        if termes is not None:
            return _ok(termes, texte, t, "termes proposés par le vendeur", 0.85, context)
    vague = c_vague(t)
    if vague:
        return _incompris(texte, t, "enjeu sans valeur", context, vague)
    if mot_motivation:
        return _ok(
            {"type": "argument", "motivation": mot_motivation},
            texte,
            t,
            "argument : motivation SONCAS",
            0.7,
            context,
        )
    if question:
        return _ok(
            {"type": "question", "theme": "besoin"},
            texte,
            t,
            "question sans thème clair",
            0.5,
            context,
        )
    if c.MESSAGE.search(t) or re.search(r"je vous propose (?:de|qu'on) ", t):
        return _ok({"type": "message"}, texte, t, "politesse ou propos sans enjeu", 0.6, context)
    if mentions == [] and re.search(r"\d", t):
        return _incompris(texte, t, "chiffre sans enjeu", context, "valeur")
    return _incompris(texte, t, "aucune intention reconnue", context, None)


def c_vague(t: str) -> str | None:
    from simulator.engine.conversation.extract import VAGUE

    m = VAGUE.search(t)
    if not m:
        return None
    mot = m.group(0)
    for cle, motif in (
        ("remise_pct", "remise|prix|reduction"),
        ("delai_livraison_semaines", "semaines|delai"),
        ("garantie_mois", "garantie"),
    ):
        if re.search(motif, mot):
            return cle
    return "valeur"
