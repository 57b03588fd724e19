"""Scripted sellers for the strategy tests; they see only public replies and their own margins."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from simulator.engine.negotiation import NegotiationSetup, play, public_reply, public_view, start
from simulator.engine.negotiation.reply import Transcription
from simulator.engine.negotiation.values import en_json

Politique = Callable[[NegotiationSetup, dict[str, Any], dict[str, Any] | None, int], dict[str, Any]]
TECHNIQUES = ["reformulation", "oui_mais", "boomerang", "compensation", "appui", "temoignage"]
BONNE_TECHNIQUE = {"prix": "compensation", "risque": "temoignage", "delai": "compensation"}


def ideal_acheteur(s: NegotiationSetup) -> dict[str, Any]:
    """Every issue at the value the buyer obviously prefers (within what is legal and feasible)."""
    esp = s.espace
    return {
        e.cle: en_json(e.valeurs[esp.niveaux[i][-1 if e.sens_acheteur == "hausse" else 0]])
        for i, e in enumerate(s.enjeux)
    }


def ideal_vendeur(s: NegotiationSetup) -> dict[str, Any]:
    """The seller's best package."""
    esp = s.espace
    return {k: en_json(v) for k, v in esp.termes_outcome(esp.ordre_s[-1]).items()}


def bradeur(
    s: NegotiationSetup, vue: dict[str, Any], rep: dict[str, Any] | None, n: int
) -> dict[str, Any]:
    """Gives everything at once, then pushes for the signature."""
    if rep is None:
        return {"type": "offre", "termes": ideal_acheteur(s)}
    if rep["type"] == "objection" and rep["objection"]:
        return {
            "type": "traitement_objection",
            "objection": rep["objection"],
            "technique": TECHNIQUES[n % len(TECHNIQUES)],
        }
    if vue["statut"] == "accord":
        return {"type": "recapitulatif"}
    return {"type": "conclusion", "technique": "directe"}


def inflexible(
    s: NegotiationSetup, vue: dict[str, Any], rep: dict[str, Any] | None, n: int
) -> dict[str, Any]:
    """Repeats its best package and never moves."""
    if rep is not None and rep["type"] == "objection" and rep["objection"]:
        o = next(o for o in s.objections if o.id == rep["objection"])
        return {"type": "traitement_objection", "objection": o.id, "technique": o.techniques[0]}
    if vue["statut"] == "accord":
        return {"type": "recapitulatif"}
    return {"type": "offre", "termes": ideal_vendeur(s)}


DECOUVERTE = [
    "besoin",
    "besoin",
    "criteres",
    "reformulation",
    "criteres",
    "budget",
    "delai",
    "decideurs",
    "concurrence",
    "criteres",
    "reformulation",
]


def habile(
    s: NegotiationSetup, vue: dict[str, Any], rep: dict[str, Any] | None, n: int
) -> dict[str, Any]:
    """Discovers, argues to the motivations it heard, trades conditional concessions, recaps, closes."""
    if n < len(DECOUVERTE):
        x = DECOUVERTE[n]
        return (
            {"type": "reformulation", "texte": "Si je comprends bien…"}
            if x == "reformulation"
            else {"type": "question", "theme": x}
        )
    if rep is not None and rep["type"] == "objection" and rep["objection"]:
        o = next(o for o in s.objections if o.id == rep["objection"])
        return {
            "type": "traitement_objection",
            "objection": o.id,
            "technique": BONNE_TECHNIQUE.get(o.theme, "reformulation"),
        }
    motivations = [f["motivation"] for f in vue["faits"] if f.get("motivation")]
    deja = n - len(DECOUVERTE)
    if deja < len(motivations):
        return {
            "type": "argument",
            "motivation": motivations[deja],
            "caracteristique": "moteur 2 kW",
            "avantage": "cadence +15 %",
            "preuve": "essai chez un client comparable",
        }
    if vue["statut"] == "accord":
        return {"type": "recapitulatif"}
    for o in s.objections:  # defuse the closing objection before it blocks (anticipation)
        if o.declencheur == "cloture" and o.id not in vue["objections"]:
            return {
                "type": "traitement_objection",
                "objection": o.id,
                "technique": BONNE_TECHNIQUE.get(o.theme, "reformulation"),
            }
    return offre_habile(s, vue)


def offre_habile(s: NegotiationSetup, vue: dict[str, Any]) -> dict[str, Any]:
    """Offer at its own time-dependent margin target, the package best for the buyer as it learnt it."""
    esp = s.espace
    t = min(1.0, vue["temps_s"] / s.duree_s)
    objectif = 1.0 - (1.0 - max(esp.res_s, 0.0)) * t**2  # mildly Boulware seller (e = 0.5)
    contre = vue["contre_offre"]
    if contre is not None and esp.u_vendeur(_lire(s, contre)) >= objectif:
        return {"type": "offre", "termes": contre}
    priorites = vue["priorites"]
    poids = {
        e.cle: (3.0 if e.cle in priorites[:1] else 2.0 if e.cle in priorites else 1.0)
        for e in s.enjeux
    }
    meilleur, score = None, -1.0
    from bisect import bisect_left

    for o in esp.ordre_s[bisect_left(esp.us_tries, objectif) :]:
        pos = esp.decoder(o)
        sc = sum(
            poids[e.cle] * esp.valeurs_b[i][esp.niveaux[i][pos[i]]] for i, e in enumerate(s.enjeux)
        )
        if sc > score:
            meilleur, score = o, sc
    termes = {
        k: en_json(v)
        for k, v in esp.termes_outcome(
            meilleur if meilleur is not None else esp.ordre_s[-1]
        ).items()
    }
    demande = [
        k
        for k in termes
        if contre is not None
        and termes[k] != contre[k]
        and esp.contribution(s.index[k], _lire(s, {k: termes[k]})[k])
        < esp.contribution(s.index[k], _lire(s, {k: contre[k]})[k])
    ]
    return {"type": "offre", "termes": termes, "contrepartie": demande}


def _lire(s: NegotiationSetup, brut: dict[str, Any]) -> dict[str, Any]:
    """Read JSON terms."""
    return {k: s.enjeux[s.index[k]].lire(v) for k, v in brut.items()}


def jouer(
    s: NegotiationSetup, graine: int, politique: Politique, pas_s: float = 40.0
) -> tuple[Transcription, list[dict[str, Any]]]:
    """Play a policy until the end (or the clock); return the transcript and the moves."""
    etat, rep, coups, tours = start(s, graine), None, [], []
    n = 0
    while not etat.termine and n < 60:
        coup = politique(s, public_view(etat, s), rep, n)
        coup["temps_s"] = (n + 1) * pas_s
        etat, r = play(s, etat, coup)
        rep = public_reply(r)
        coups.append(coup)
        tours.append(
            {"index": etat.tour, "temps_s": etat.temps_s, "coup": coup, "reponse": r.to_dict()}
        )
        n += 1
    return Transcription(graine, tours, etat), coups
