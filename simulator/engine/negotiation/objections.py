"""Objections: voiced on their trigger, dissolved by a good enough offer, treated by a technique."""

from __future__ import annotations

from typing import Any

from simulator.engine.negotiation.context import Contexte
from simulator.engine.negotiation.outcome_space import Termes
from simulator.engine.negotiation.reply import Reponse
from simulator.engine.negotiation.setup import Objection
from simulator.engine.negotiation.utterances import replique

OUVERTES = frozenset({"latente", "exprimee", "reportee"})


def _par_id(ctx: Contexte, oid: str) -> Objection:
    """Return the objection with this id."""
    return next(o for o in ctx.s.objections if o.id == oid)


def _exprimer(ctx: Contexte, o: Objection, raison: dict[str, Any], regle: str) -> Reponse:
    """Voice an objection as the buyer's reply."""
    ctx.etat.objections[o.id] = "exprimee"
    raison = {**raison, "regle": regle, "objection": o.id, "enjeu": o.enjeu}
    return ctx.repondre(
        "objection", "objection", "méfiant", raison, {"objection": o.texte}, objection=o.id
    )


def declencher(ctx: Contexte, declencheur: str, rep: Reponse) -> Reponse:
    """Voice the first latent objection with this trigger after a reply, with a transition.

    « debut » objections (doubts about the need) wait for the buyer's first answer about the
    situation rather than being glued to the greeting; « argument » ones follow an argument.
    """
    for o in ctx.s.objections:
        if o.declencheur == declencheur and ctx.etat.objections[o.id] == "latente":
            ctx.etat.objections[o.id] = "exprimee"
            champs = {
                "reponse": rep.texte,
                "objection": o.texte,
                "objection_min": o.texte[:1].lower() + o.texte[1:]
                if o.texte[:2] != o.texte[:2].upper()
                else o.texte,
            }
            rep.texte = replique(ctx.s, "objection_liee", ctx.rng, set(ctx.etat.dits), **champs)
            rep.objection = o.id
            rep.raison = {**rep.raison, "objection": o.id}
            break
    return rep


def objections_sur_offre(ctx: Contexte, termes: Termes) -> Reponse | None:
    """Dissolve objections the offer answers; voice the first latent one an offer triggers."""
    for o in ctx.s.objections:
        if ctx.etat.objections[o.id] in OUVERTES and _levee(ctx, o, termes):
            ctx.etat.objections[o.id] = "levee"
    for o in ctx.s.objections:
        if o.declencheur in ("offre", "debut") and ctx.etat.objections[o.id] == "latente":
            return _exprimer(ctx, o, {"t": ctx.t}, "objection_sur_offre")
    return None


def _levee(ctx: Contexte, o: Objection, termes: Termes) -> bool:
    """Tell whether the offer is at least as good for the buyer as the objection's threshold."""
    if o.enjeu is None or o.levee_si is None or o.enjeu not in termes:
        return False
    i = ctx.s.index[o.enjeu]
    return ctx.esp.contribution(i, termes[o.enjeu]) >= ctx.esp.contribution(i, o.levee_si) - 1e-9


def objection_bloquante(ctx: Contexte, raison: dict[str, Any]) -> Reponse | None:
    """Return the reply voicing the first objection still open, which blocks any agreement."""
    for o in ctx.s.objections:
        if ctx.etat.objections[o.id] in OUVERTES:
            return _exprimer(ctx, o, raison, "objection_bloquante")
    return None


def jouer_traitement(ctx: Contexte) -> Reponse:
    """Treat an objection: the right technique settles it, report defers it, a wrong one irritates."""
    o = _par_id(ctx, ctx.coup.objection or "")
    etat, technique = ctx.etat, ctx.coup.technique or ""
    raison: dict[str, Any] = {
        "objection": o.id,
        "technique": technique,
        "attendues": list(o.techniques),
    }
    if etat.objections[o.id] in ("traitee", "levee"):
        return ctx.repondre(
            "reponse", "objection_traitee", "neutre", {**raison, "regle": "deja_traitee"}
        )
    if technique == "report":
        etat.objections[o.id] = "reportee"
        return ctx.repondre(
            "reponse", "objection_reportee", "hésitant", {**raison, "regle": "objection_reportee"}
        )
    if technique in o.techniques:
        anticipee = etat.objections[o.id] == "latente"
        etat.objections[o.id] = "traitee"
        etat.rapport += 1
        regle = "objection_anticipee" if anticipee else "objection_traitee"
        return ctx.repondre("reponse", "objection_traitee", "satisfait", {**raison, "regle": regle})
    ctx.user(0.08)
    if etat.objections[o.id] == "latente":
        etat.objections[o.id] = "exprimee"
    return ctx.repondre(
        "objection",
        "objection_non_traitee",
        "irrité",
        {**raison, "regle": "objection_mal_traitee"},
        {"objection": o.texte},
        objection=o.id,
    )
