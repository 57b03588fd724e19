"""Scripted sellers for the adapter's strategy tests on the real packs.

They see only what a salesperson sees (public replies, the public view) plus their own margins
(the seller knows its costs: ``esp.us`` / ``esp.marge``), never the buyer's hidden side.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from simulator.commands.scenarios import DEFAULT_PACKS_DIR
from simulator.engine.negotiation import NegotiationSetup, play, public_reply, public_view, start
from simulator.engine.negotiation.reply import Transcription
from simulator.engine.negotiation.values import en_json
from simulator.scenarios.generator.core import generate
from simulator.scenarios.negotiation_setup.adapter import setup_from_snapshot
from simulator.scenarios.registry.core import apply
from simulator.scenarios.schema.loader import load_pack
from simulator.scenarios.situation.model import to_json

PACKS = ("materiel-electrique", "emballage", "equipements-protection")
Politique = Callable[[NegotiationSetup, dict[str, Any], dict[str, Any] | None, int], dict[str, Any]]
#: the textbook technique per objection theme (what a trained seller knows, not the hidden list)
TECHNIQUE = {
    "prix": "compensation",
    "concurrence": "temoignage",
    "delai": "compensation",
    "risque": "temoignage",
    "decision": "reformulation",
    "besoin": "reformulation",
}
MAUVAISES = ["boomerang", "oui_mais", "reformulation", "appui"]


@cache
def _pack(slug: str) -> Any:
    return load_pack(DEFAULT_PACKS_DIR / f"{slug}.yaml")


def snapshot(slug: str, graine: int, overrides: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    """The situation snapshot (JSON form) of a shipped pack, with the jury's overrides."""
    snap = json.loads(to_json(generate(_pack(slug), graine)))
    return apply(snap, dict(overrides)) if overrides else snap


@lru_cache(maxsize=256)
def setup(slug: str, graine: int, overrides: tuple[tuple[str, str], ...] = ()) -> NegotiationSetup:
    """The adapter's setup for a shipped pack and seed (cached: the space is computed once)."""
    return setup_from_snapshot(snapshot(slug, graine, overrides))


def _json(termes: dict[str, Any]) -> dict[str, Any]:
    return {k: en_json(v) for k, v in termes.items()}


def ideal_acheteur(s: NegotiationSetup) -> dict[str, Any]:
    """Every issue at the buyer's obvious best (feasible, legal)."""
    esp = s.espace
    return _json(
        {
            e.cle: e.valeurs[esp.niveaux[i][-1 if e.sens_acheteur == "hausse" else 0]]
            for i, e in enumerate(s.enjeux)
        }
    )


def ideal_vendeur(s: NegotiationSetup) -> dict[str, Any]:
    """The seller's best package."""
    return _json(s.espace.termes_outcome(s.espace.ordre_s[-1]))


def _traiter(
    s: NegotiationSetup, rep: dict[str, Any] | None, n: int, bien: bool
) -> dict[str, Any] | None:
    if rep is None or rep["type"] != "objection" or not rep["objection"]:
        return None
    o = next((o for o in s.objections if o.id == rep["objection"]), None)
    if o is None:
        return None
    technique = TECHNIQUE.get(o.theme, "reformulation") if bien else MAUVAISES[n % 4]
    return {"type": "traitement_objection", "objection": o.id, "technique": technique}


def bradeur(
    s: NegotiationSetup, vue: dict[str, Any], rep: dict[str, Any] | None, n: int
) -> dict[str, Any]:
    """Gives everything at once, then pushes for the signature."""
    if rep is None:
        return {"type": "offre", "termes": ideal_acheteur(s)}
    traitement = _traiter(s, rep, n, bien=True)
    if traitement:
        return traitement
    if vue["statut"] == "accord":
        return {"type": "recapitulatif"}
    return {"type": "conclusion", "technique": "directe"}


def inflexible(
    s: NegotiationSetup, vue: dict[str, Any], rep: dict[str, Any] | None, n: int
) -> dict[str, Any]:
    """Repeats its best package and never moves (treats objections correctly)."""
    traitement = _traiter(s, rep, n, bien=True)
    if traitement:
        return traitement
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
    """Discovers, argues to the motivations heard, treats objections, trades concessions, recaps."""
    if n < len(DECOUVERTE):
        x = DECOUVERTE[n]
        if x == "reformulation":
            return {"type": "reformulation", "texte": "Si je vous comprends bien…"}
        return {"type": "question", "theme": x}
    traitement = _traiter(s, rep, n, bien=True)
    if traitement:
        return traitement
    motivations = list(dict.fromkeys(f["motivation"] for f in vue["faits"] if f.get("motivation")))
    deja = n - len(DECOUVERTE)
    if deja < len(motivations):
        return {
            "type": "argument",
            "motivation": motivations[deja],
            "caracteristique": "référence",
            "avantage": "bénéfice client",
            "preuve": "essai chez un client comparable",
        }
    if vue["statut"] == "accord":
        return {"type": "recapitulatif"}
    for o in s.objections:  # defuse the closing objections before they block (anticipation)
        if o.declencheur in ("cloture", "argument") and o.id not in vue["objections"]:
            return {
                "type": "traitement_objection",
                "objection": o.id,
                "technique": TECHNIQUE.get(o.theme, "reformulation"),
            }
    return offre_habile(s, vue)


def offre_habile(s: NegotiationSetup, vue: dict[str, Any]) -> dict[str, Any]:
    """Offer at its own mildly Boulware margin target, as close as it can to the buyer's counter.

    Among the packages worth the target to the seller (a narrow band above it), it picks the one
    nearest the buyer's last counter (issue by issue, the priorities heard weigh more), and asks
    in exchange every issue where it gives the buyer less than that counter.
    """
    esp = s.espace
    t = min(1.0, vue["temps_s"] / s.duree_s)
    objectif = 1.0 - (1.0 - max(esp.res_s, 0.0) - 0.1) * t**2
    contre = vue["contre_offre"]
    if contre is not None and esp.u_vendeur(_lire(s, contre)) >= objectif:
        return {"type": "offre", "termes": contre}
    miennes = [o["termes"] for o in vue["offres"] if o["camp"] == "vendeur"]
    for _ in range(6):  # never repeat itself: concede one more step instead
        coup = _au_plus_pres(s, vue, objectif)
        if not miennes or coup["termes"] != miennes[-1]:
            break
        objectif -= 0.03
    return coup


def _au_plus_pres(s: NegotiationSetup, vue: dict[str, Any], objectif: float) -> dict[str, Any]:
    """The package worth `objectif` to the seller nearest the buyer's last counter."""
    esp, contre = s.espace, vue["contre_offre"]
    prio = vue["priorites"]
    poids = [3.0 if e.cle in prio[:1] else 2.0 if e.cle in prio else 1.0 for e in s.enjeux]
    if contre is None:
        cible = [
            esp.niveaux[i].index(esp.niveaux[i][-1 if e.sens_acheteur == "hausse" else 0])
            for i, e in enumerate(s.enjeux)
        ]
    else:
        cible = [_position(s, i, contre[e.cle]) for i, e in enumerate(s.enjeux)]
    debut = bisect_left(esp.us_tries, objectif)
    fin = bisect_left(esp.us_tries, objectif + 0.08)
    meilleur, distance = esp.ordre_s[-1], float("inf")
    for o in esp.ordre_s[debut : max(fin, debut + 1)]:
        pos = esp.decoder(o)
        d = sum(
            p * abs(pos[i] - cible[i]) / max(1, len(esp.niveaux[i]) - 1)
            for i, p in enumerate(poids)
        )
        if d < distance:
            meilleur, distance = o, d
    termes = _json(esp.termes_outcome(meilleur))
    demande = (
        []
        if contre is None
        else [
            k
            for k in termes
            if termes[k] != contre[k]
            and esp.contribution(s.index[k], _lire(s, {k: termes[k]})[k])
            < esp.contribution(s.index[k], _lire(s, {k: contre[k]})[k])
        ]
    )
    return {"type": "offre", "termes": termes, "contrepartie": demande}


def _position(s: NegotiationSetup, i: int, brut: Any) -> int:
    esp = s.espace
    v = s.enjeux[i].lire(brut)
    valeurs = [s.enjeux[i].valeurs[k] for k in esp.niveaux[i]]
    return valeurs.index(v) if v in valeurs else 0


def _lire(s: NegotiationSetup, brut: dict[str, Any]) -> dict[str, Any]:
    return {k: s.enjeux[s.index[k]].lire(v) for k, v in brut.items()}


def jouer(
    s: NegotiationSetup, graine: int, politique: Politique, pas_s: float = 40.0
) -> tuple[Transcription, list[dict[str, Any]]]:
    """Play a policy to the end; return the transcript and the moves."""
    etat, rep, coups, tours, n = start(s, graine), None, [], [], 0
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
