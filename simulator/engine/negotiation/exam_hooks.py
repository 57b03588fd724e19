"""Exam hooks: guaranteed objections, a setup switched between two turns, a replay over both.

The jury may (1) tick objections that must be voiced, (2) inject an event (a new situation
version) that takes effect at the next turn, (3) play the buyer itself (see humain.py). The replay
stays a pure function of (setup, seed, steps): the steps say which setup is in force at each turn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from simulator.engine.negotiation.human_buyer import jouer_humain
from simulator.engine.negotiation.moves import Coup
from simulator.engine.negotiation.reply import Reponse, Transcription
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.state import Etat
from simulator.engine.negotiation.turns import play, start

#: reply kinds a guaranteed objection may be added to (never to an agreement or a break-up)
REPONSES_OUVERTES = ("reponse", "question")


def avec_garanties(setup: NegotiationSetup, ids: Sequence[str]) -> NegotiationSetup:
    """The setup whose guaranteed objections cannot dissolve silently: they must be voiced."""
    voulues = set(ids)
    if not voulues & {o.id for o in setup.objections}:
        return setup
    objections = tuple(
        replace(o, levee_si=None) if o.id in voulues else o for o in setup.objections
    )
    autre = replace(setup, objections=objections)
    autre.__dict__["espace"] = setup.espace  # objections do not change the outcome space
    return autre


def soulever(setup: NegotiationSetup, etat: Etat, rep: Reponse, ids: Sequence[str]) -> Reponse:
    """Voice the next guaranteed objection still latent on a plain reply (one per turn at most)."""
    if etat.termine or rep.objection is not None or rep.type not in REPONSES_OUVERTES:
        return rep
    for oid in ids:
        if etat.objections.get(oid) == "latente":
            objection = next(o for o in setup.objections if o.id == oid)
            etat.objections[oid] = "exprimee"
            return replace(
                rep,
                texte=f"{rep.texte} {objection.texte}",
                objection=oid,
                raison={**rep.raison, "objection": oid, "objection_garantie": True},
            )
    return rep


def jouer_ia(
    setup: NegotiationSetup, etat: Etat, coup: Coup | dict[str, Any], garanties: Sequence[str] = ()
) -> tuple[Etat, Reponse]:
    """Play one seller move against the simulated buyer, then voice a guaranteed objection."""
    nouvel, rep = play(setup, etat, coup)
    if garanties and nouvel is not etat:
        rep = soulever(setup, nouvel, rep, garanties)
    return nouvel, rep


def rebaser(etat: Etat, ancien: NegotiationSetup, nouveau: NegotiationSetup) -> Etat:
    """Carry the state over to a new setup: same issues and objections kept, new ones latent."""
    autre = etat.copie()
    cles = [e.cle for e in nouveau.enjeux]
    autre.poids_vendeur = {k: etat.poids_vendeur.get(k, 1.0 / len(cles)) for k in cles}
    autre.objections = {o.id: etat.objections.get(o.id, "latente") for o in nouveau.objections}
    autre.faits = [i for i in etat.faits if i < len(nouveau.faits)]
    if ancien.interlocuteur != nouveau.interlocuteur or ancien.persona != nouveau.persona:
        autre.patience, autre.rapport = nouveau.patience, 0  # a new person across the table
    return autre


@dataclass
class Rejeu:
    """A replay over steps: the transcript, the setup in force at the end, the jury's notices."""

    transcription: Transcription
    setup: NegotiationSetup
    annonces: list[dict[str, Any]] = field(default_factory=list)


def rejouer(
    setup: NegotiationSetup,
    graine: int,
    pas: Iterable[tuple[Any, ...]],
    garanties: Sequence[str] = (),
) -> Rejeu:
    """Replay steps: ("setup", setup, annonce), ("coup", move) or ("humain", move, reply).

    A setup step takes effect at the next turn (its notice is shown before that turn); moves
    after the end are ignored, as in replay().
    """
    courant = avec_garanties(setup, garanties)
    depart = Rejeu(Transcription(graine, [], start(courant, graine)), courant, [])
    return poursuivre(depart, pas, garanties)


def poursuivre(
    depart: Rejeu, pas: Iterable[tuple[Any, ...]], garanties: Sequence[str] = ()
) -> Rejeu:
    """Continue a replay from a checkpoint: ``depart`` is the replay of the steps before.

    ``poursuivre(rejouer(setup, graine, avant, g), apres, g)`` equals
    ``rejouer(setup, graine, avant + apres, g)``; ``depart`` is left unchanged.
    """
    courant = depart.setup
    etat = depart.transcription.etat.copie()
    graine = depart.transcription.graine
    tours = list(depart.transcription.tours)
    annonces = list(depart.annonces)
    for step in pas:
        if step[0] == "setup":
            nouveau = avec_garanties(step[1], garanties)
            etat, courant = rebaser(etat, courant, nouveau), nouveau
            annonces.append({"avant_tour": etat.tour + 1, "texte": step[2]})
            continue
        if etat.termine:
            continue
        coup = step[1] if isinstance(step[1], Coup) else Coup.from_dict(step[1])
        if step[0] == "humain":
            etat, rep = jouer_humain(courant, etat, coup, step[2])
        else:
            etat, rep = jouer_ia(courant, etat, coup, garanties)
        tours.append(
            {
                "index": etat.tour,
                "temps_s": etat.temps_s,
                "coup": coup.to_dict(),
                "reponse": rep.to_dict(),
            }
        )
    return Rejeu(Transcription(graine, tours, etat), courant, annonces)
