"""The buyer's decision kernel: target, counter-offer on the estimated frontier, opponent model."""

from __future__ import annotations

from bisect import bisect_right

from simulator.engine.negotiation.outcome_space import Espace, Termes
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.state import Etat
from simulator.engine.negotiation.tactic import cible

EPS = 1e-9
HAUSSE_FIXE = 0.2  # frequency model: an issue the seller keeps unchanged gains this much weight
HAUSSE_CONTREPARTIE = 0.3  # an issue the seller asks in exchange tells the buyer it matters


def cible_effective(s: NegotiationSetup, esp: Espace, etat: Etat, t: float) -> float:
    """Return the buyer's current target: T(t), raised by expectations, lowered by perceived value."""
    u_max = esp.ub_tries[-1]
    brut = cible(t, u_max, esp.res_b, s.exposant) + etat.exigence - etat.valeur_percue
    return max(esp.res_b - etat.valeur_percue, min(u_max, brut))


def contre_proposition(
    esp: Espace,
    objectif: float,
    poids_vendeur: list[float],
    plafonds: list[float | None],
    fixes: dict[int, int],
) -> list[int]:
    """Return level positions worth at least `objectif` to the buyer, best for the seller as inferred.

    Starting from the buyer's ideal, it gives ground first on the issues with the highest ratio
    (estimated seller weight / buyer weight), never beyond what the seller itself asked (plafonds:
    maximum buyer loss per issue). With linear utilities this greedy walk traces the frontier of the
    buyer's model, so trading issues pays and there is no hidden slack: the result sits at the target.
    """
    n = len(esp.niveaux)
    pos = [esp.chemin[i][0] for i in range(n)]
    for i, p in fixes.items():
        pos[i] = p
    reste = sum(esp.cb[i][pos[i]] for i in range(n)) - objectif
    if reste <= 0:
        return pos
    libres = [i for i in range(n) if i not in fixes and esp.pertes[i][-1] > 0]
    libres.sort(key=lambda i: -poids_vendeur[i] / esp.pertes[i][-1])
    for i in libres:
        plafond = plafonds[i]
        budget = reste if plafond is None else min(reste, plafond)
        k = bisect_right(esp.pertes[i], budget + EPS) - 1
        pos[i] = esp.chemin[i][k]
        reste -= esp.pertes[i][k]
    return pos


def plafonds_depuis(esp: Espace, offre: Termes | None) -> list[float | None]:
    """Return, per issue, the buyer loss at the seller's own asked value (None: no ask)."""
    if offre is None:
        return [None] * len(esp.niveaux)
    return [
        esp.cb[i][esp.chemin[i][0]] - esp.contribution(i, offre[e.cle]) if e.cle in offre else None
        for i, e in enumerate(esp.enjeux)
    ]


def maj_modele(
    poids: dict[str, float], avant: Termes | None, apres: Termes, contrepartie: list[str]
) -> dict[str, float]:
    """Update the frequency model: unchanged and requested issues matter to the seller."""
    nouveau = dict(poids)
    if avant is not None:
        for cle in nouveau:
            if cle in apres and avant.get(cle) == apres[cle]:
                nouveau[cle] += HAUSSE_FIXE
    for cle in contrepartie:
        nouveau[cle] += HAUSSE_CONTREPARTIE
    total = sum(nouveau.values())
    return {k: v / total for k, v in nouveau.items()}


def ecart_principal(esp: Espace, offre: Termes, reference: Termes) -> str:
    """Return the key of the issue where the offer falls furthest below the reference for the buyer."""
    pertes = [
        (esp.contribution(i, reference[e.cle]) - esp.contribution(i, offre[e.cle]), -i)
        for i, e in enumerate(esp.enjeux)
        if e.cle in offre and e.cle in reference
    ]
    if not pertes:
        return esp.enjeux[0].cle
    return esp.enjeux[-max(pertes)[1]].cle
