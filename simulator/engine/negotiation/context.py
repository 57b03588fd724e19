"""What a move handler works with, and the small helpers they share."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from simulator.engine.negotiation import vocabulary as voc
from simulator.engine.negotiation.moves import Coup
from simulator.engine.negotiation.outcome_space import Espace, Termes
from simulator.engine.negotiation.reply import Reponse
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.state import Etat, TermesJson
from simulator.engine.negotiation.utterances import replique
from simulator.engine.negotiation.values import afficher, en_json, lire_valeur

MEMO_MAX = 4096  # read-terms memo per setup, cleared when full


@dataclass
class Contexte:
    """One turn: the setup, its space, the state being built, the move, the turn's RNG and clock."""

    s: NegotiationSetup
    esp: Espace
    etat: Etat
    coup: Coup
    rng: random.Random
    t: float

    def repondre(
        self,
        type_: str,
        cle: str,
        emotion: str,
        raison: dict[str, Any],
        gabarit: dict[str, str] | None = None,
        **champs: Any,
    ) -> Reponse:
        """Build the buyer's reply with the utterance `cle` filled from `gabarit`; champs are reply fields."""
        texte = replique(self.s, cle, self.rng, set(self.etat.dits), **(gabarit or {}))
        return Reponse(self.etat.tour, type_, texte, emotion, raison=raison, **champs)

    def user(self, points: float) -> None:
        """Spend buyer patience, weighted by the persona."""
        self.etat.patience -= points * voc.PERSONAS[self.s.persona]["cout"]

    def libelle(self, cle: str) -> str:
        """Return the French label of an issue, without its unit (« garantie », not « garantie (mois) »)."""
        return libelle_seul(self.s.enjeux[self.s.index[cle]].libelle)


def libelle_seul(libelle: str) -> str:
    """An issue label as said in a sentence: lower case, unit in brackets dropped."""
    return libelle.split(" (", 1)[0].strip().lower()


def lire_termes(s: NegotiationSetup, brut: TermesJson) -> Termes:
    """Read JSON terms into typed values (memoised per setup: each turn re-reads the same offers)."""
    memo = s.memo_termes
    try:
        cle = tuple(brut.items())
        connu = memo.get(cle)
    except TypeError:  # an unhashable raw value: read it the long way (and fail there)
        cle, connu = None, None
    if connu is not None:
        return dict(connu)
    natures = s.natures
    lu = {k: lire_valeur(natures[k], v, k) for k, v in brut.items()}
    if cle is not None:
        if len(memo) >= MEMO_MAX:
            memo.clear()
        memo[cle] = lu
    return dict(lu)


def en_termes_json(t: Termes) -> TermesJson:
    """Return the JSON form of terms, in issue order."""
    return {k: str(v) if type(v) is Decimal else en_json(v) for k, v in t.items()}


def decrire(s: NegotiationSetup, t: Termes) -> str:
    """Describe terms in French: « prix unitaire : 3 650,00 € HT ; délai : 4 semaines »."""
    morceaux = []
    for e in s.enjeux:
        if e.cle in t:
            morceaux.append(
                f"{libelle_seul(e.libelle)} : {afficher(e.nature, t[e.cle], s.designations)}"
            )
    return " ; ".join(morceaux)
