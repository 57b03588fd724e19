"""start / play / replay: the state is a pure function of (setup, seed, moves)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import Any

from simulator.engine.negotiation import dialogue, objections
from simulator.engine.negotiation import offers as offres
from simulator.engine.negotiation.context import Contexte
from simulator.engine.negotiation.moves import DUREE_COUP_DEFAUT_S, Coup, valider
from simulator.engine.negotiation.reply import Reponse, Transcription
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.state import Etat
from simulator.engine.negotiation.tactic import fraction
from simulator.engine.negotiation.utterances import replique
from simulator.engine.negotiation.wording import empreinte, sans_redite

Handler = Callable[[Contexte], Reponse]
HANDLERS: dict[str, Handler] = {
    "question": dialogue.jouer_question,
    "reformulation": dialogue.jouer_reformulation,
    "argument": dialogue.jouer_argument,
    "traitement_objection": objections.jouer_traitement,
    "offre": offres.jouer_offre,
    "concession": offres.jouer_concession,
    "conclusion": offres.jouer_conclusion,
    "recapitulatif": dialogue.jouer_recapitulatif,
    "rupture": dialogue.jouer_rupture,
    "message": dialogue.jouer_message,
}


def start(setup: NegotiationSetup, seed: int) -> Etat:
    """Return the initial state (the outcome space is computed here once if not yet)."""
    _ = setup.espace
    n = len(setup.enjeux)
    return Etat(
        graine=seed,
        patience=setup.patience,
        poids_vendeur={e.cle: 1.0 / n for e in setup.enjeux},
        objections={o.id: "latente" for o in setup.objections},
    )


def tirage(seed: int, tour: int) -> random.Random:
    """Return the turn's random generator, derived from the seed only (replays are identical)."""
    return random.Random(seed * 1_000_003 + tour)


def play(setup: NegotiationSetup, state: Etat, move: Coup | dict[str, Any]) -> tuple[Etat, Reponse]:
    """Play one seller move; return the new state (the given one is untouched) and the buyer reply."""
    coup = move if isinstance(move, Coup) else Coup.from_dict(move)
    valider(setup, coup)
    if state.termine:
        rep = Reponse(
            state.tour,
            "reponse",
            replique(setup, "termine", tirage(state.graine, state.tour)),
            "neutre",
            raison={"regle": "negociation_terminee"},
        )
        return state, rep
    etat = state.copie()
    etat.tour += 1
    horloge = etat.temps_s + DUREE_COUP_DEFAUT_S if coup.temps_s is None else float(coup.temps_s)
    etat.temps_s = max(etat.temps_s, horloge)
    ctx = Contexte(
        setup,
        setup.espace,
        etat,
        coup,
        tirage(etat.graine, etat.tour),
        fraction(etat.temps_s, setup.duree_s),
    )
    rep = HANDLERS[coup.type](ctx)
    if rep.fait is not None and rep.objection is None:
        rep = objections.declencher(ctx, "debut", rep)
    rep = _fin_eventuelle(ctx, rep)
    rep.texte = sans_redite(rep.texte, set(etat.dits))
    etat.dits.append(empreinte(rep.texte))
    return etat, rep


def _fin_eventuelle(ctx: Contexte, rep: Reponse) -> Reponse:
    """End the negotiation when the buyer's patience or the time runs out."""
    etat = ctx.etat
    if etat.statut != "en_cours":
        return rep
    if etat.patience <= 0:
        etat.statut = "rompue"
        return ctx.repondre(
            "rupture", "rupture_patience", "irrité", {**rep.raison, "regle": "patience_epuisee"}
        )
    if ctx.t >= 1.0:
        etat.statut = "expiree"
        return ctx.repondre(
            "rupture", "rupture_temps", "hésitant", {**rep.raison, "regle": "temps_ecoule"}
        )
    return rep


def replay(
    setup: NegotiationSetup, seed: int, moves: Iterable[Coup | dict[str, Any]]
) -> Transcription:
    """Replay a list of moves from the start; moves after the end are ignored."""
    etat = start(setup, seed)
    tours: list[dict[str, Any]] = []
    for move in moves:
        if etat.termine:
            break
        coup = move if isinstance(move, Coup) else Coup.from_dict(move)
        etat, rep = play(setup, etat, coup)
        tours.append(
            {
                "index": etat.tour,
                "temps_s": etat.temps_s,
                "coup": coup.to_dict(),
                "reponse": rep.to_dict(),
            }
        )
    return Transcription(seed, tours, etat)
