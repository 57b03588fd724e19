"""Strategy bots for `simulator calibrate`: scripted sellers playing from the student-visible side.

They see what a salesperson sees — the public replies and view (facts, priorities, counters,
voiced objections, clock), the issues' declared values and which way the buyer obviously prefers
them — plus their own margins (the seller knows its costs: ``esp.us``, ``esp.marge``,
``esp.res_s``). They never read the buyer's weights, reservation, BATNA or the replies' reasons.
Exploiters try the tactics issue 11 listed; a well-calibrated buyer makes the skilled bot win.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from simulator.engine.negotiation.issues import Enjeu
from simulator.engine.negotiation.public import public_reply, public_view
from simulator.engine.negotiation.reply import Transcription
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.turns import play, start
from simulator.engine.negotiation.values import Valeur, en_json, est_numerique

Vue = dict[str, Any]
Politique = Callable[[NegotiationSetup, Vue, dict[str, Any] | None, int], dict[str, Any]]
#: the textbook technique per objection theme (what a trained seller knows, not the hidden list)
TECHNIQUE = {
    "prix": "compensation",
    "concurrence": "temoignage",
    "delai": "compensation",
    "risque": "temoignage",
    "decision": "reformulation",
    "besoin": "reformulation",
}
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
THEMES_SPAM = ["besoin", "criteres", "budget", "delai", "decideurs", "concurrence"]
MAX_COUPS = 60


def _json(termes: dict[str, Any]) -> dict[str, Any]:
    return {k: en_json(v) for k, v in termes.items()}


def _rang_acheteur(e: Enjeu, v: Valeur) -> float:
    """Position of a value on the buyer's obvious preference order (public: its direction)."""
    if est_numerique(e.nature):
        x = float(v)
    else:
        x = float(e.valeurs.index(v))
    return x if e.sens_acheteur == "hausse" else -x


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
    """The seller's best package (its own margins)."""
    return _json(s.espace.termes_outcome(s.espace.ordre_s[-1]))


def sous_le_cout(s: NegotiationSetup) -> dict[str, Any]:
    """The package with the best margin that still sells below cost (buyer's best if none)."""
    esp = s.espace
    for o in reversed(esp.ordre_s):
        termes = esp.termes_outcome(o)
        if esp.marge(termes) < 0:
            return _json(termes)
    return ideal_acheteur(s)


def _traiter(s: NegotiationSetup, rep: dict[str, Any] | None) -> dict[str, Any] | None:
    if rep is None or rep["type"] != "objection" or not rep["objection"]:
        return None
    o = next((o for o in s.objections if o.id == rep["objection"]), None)
    if o is None:
        return None
    technique = TECHNIQUE.get(o.theme, "reformulation")
    return {"type": "traitement_objection", "objection": o.id, "technique": technique}


def _decouvrir(n: int) -> dict[str, Any]:
    x = DECOUVERTE[n]
    if x == "reformulation":
        return {"type": "reformulation", "texte": "Si je vous comprends bien…"}
    return {"type": "question", "theme": x}


def _argument(motivation: str, k: int = 0) -> dict[str, Any]:
    return {
        "type": "argument",
        "motivation": motivation,
        "caracteristique": f"référence {k}",
        "avantage": "bénéfice client",
        "preuve": "essai chez un client comparable",
    }


def _motivations(vue: Vue) -> list[str]:
    return list(dict.fromkeys(f["motivation"] for f in vue["faits"] if f.get("motivation")))


def bradeur(s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None, n: int) -> dict[str, Any]:
    """Give-away: everything at once, then pushes for the signature."""
    if rep is None:
        return {"type": "offre", "termes": ideal_acheteur(s)}
    return _fermer(s, vue, rep)


def _fermer(s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None) -> dict[str, Any]:
    traitement = _traiter(s, rep)
    if traitement:
        return traitement
    if vue["statut"] == "accord":
        return {"type": "recapitulatif"}
    return {"type": "conclusion", "technique": "directe"}


def inflexible(s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None, n: int) -> dict[str, Any]:
    """Stubborn: repeats its best package and never moves (treats objections correctly)."""
    traitement = _traiter(s, rep)
    if traitement:
        return traitement
    if vue["statut"] == "accord":
        return {"type": "recapitulatif"}
    return {"type": "offre", "termes": ideal_vendeur(s)}


def habile(s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None, n: int) -> dict[str, Any]:
    """Skilled: discovers, argues once per motivation heard, treats objections, trades, recaps."""
    if n < len(DECOUVERTE):
        return _decouvrir(n)
    traitement = _traiter(s, rep)
    if traitement:
        return traitement
    motivations = _motivations(vue)
    deja = n - len(DECOUVERTE)
    if deja < len(motivations):
        return _argument(motivations[deja], deja)
    return _negocier(s, vue)


def _negocier(s: NegotiationSetup, vue: Vue) -> dict[str, Any]:
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


def offre_habile(s: NegotiationSetup, vue: Vue) -> dict[str, Any]:
    """Offer at its own mildly Boulware margin target, as close as it can to the buyer's counter."""
    esp = s.espace
    t = min(1.0, vue["temps_s"] / s.duree_s)
    objectif = 1.0 - (1.0 - max(esp.res_s, 0.0) - 0.1) * t**2
    contre = vue["contre_offre"]
    if contre is not None and esp.u_vendeur(_lire(s, contre)) >= objectif:
        return {"type": "offre", "termes": contre}
    miennes = [o["termes"] for o in vue["offres"] if o["camp"] == "vendeur"]
    coup = _au_plus_pres(s, vue, objectif)
    for _ in range(6):  # never repeat itself: concede one more step instead
        if not miennes or coup["termes"] != miennes[-1]:
            break
        objectif -= 0.03
        coup = _au_plus_pres(s, vue, objectif)
    return coup


def _au_plus_pres(s: NegotiationSetup, vue: Vue, objectif: float) -> dict[str, Any]:
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
    demande = []
    if contre is not None:
        lus, lus_contre = _lire(s, termes), _lire(s, contre)
        demande = [
            e.cle
            for e in s.enjeux
            if _rang_acheteur(e, lus[e.cle]) < _rang_acheteur(e, lus_contre[e.cle])
        ]
    return {"type": "offre", "termes": termes, "contrepartie": demande}


def _position(s: NegotiationSetup, i: int, brut: Any) -> int:
    esp = s.espace
    v = s.enjeux[i].lire(brut)
    valeurs = [s.enjeux[i].valeurs[k] for k in esp.niveaux[i]]
    return valeurs.index(v) if v in valeurs else 0


def _lire(s: NegotiationSetup, brut: dict[str, Any]) -> dict[str, Any]:
    return {k: s.enjeux[s.index[k]].lire(v) for k, v in brut.items()}


def repetiteur(s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None, n: int) -> dict[str, Any]:
    """Repeated argument: discovers, then plays one strong argument 20 times, then trades."""
    if n < len(DECOUVERTE):
        return _decouvrir(n)
    traitement = _traiter(s, rep)
    if traitement:
        return traitement
    if n < len(DECOUVERTE) + 20:
        return _argument((_motivations(vue) or ["argent"])[0])
    return _negocier(s, vue)


def faux_ancrage(
    s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None, n: int
) -> dict[str, Any]:
    """Fake anchor: opens three times at the range's extreme, then 'concedes' like the skilled bot."""
    traitement = _traiter(s, rep)
    if traitement:
        return traitement
    if n < 3:
        return {"type": "offre", "termes": ideal_vendeur(s)}
    return _negocier(s, vue)


def questionneur(
    s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None, n: int
) -> dict[str, Any]:
    """Question spam: 30 questions in a row, then trades like the skilled bot."""
    if n < 30:
        return {"type": "question", "theme": THEMES_SPAM[n % len(THEMES_SPAM)]}
    traitement = _traiter(s, rep)
    return traitement or _negocier(s, vue)


def sous_cout(s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None, n: int) -> dict[str, Any]:
    """Below cost: discovers, then offers the best package that still sells below cost, closes."""
    if n < len(DECOUVERTE):
        return _decouvrir(n)
    if n == len(DECOUVERTE):
        return {"type": "offre", "termes": sous_le_cout(s)}
    return _fermer(s, vue, rep)


def conclueur(s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None, n: int) -> dict[str, Any]:
    """Closing spam: one offer at its best, then asks for the signature again and again."""
    if n == 0:
        return {"type": "offre", "termes": ideal_vendeur(s)}
    return _fermer(s, vue, rep)


def alternance(s: NegotiationSetup, vue: Vue, rep: dict[str, Any] | None, n: int) -> dict[str, Any]:
    """Alternating offers: discovers, then swings between its best package and a skilled offer."""
    if n < len(DECOUVERTE):
        return _decouvrir(n)
    traitement = _traiter(s, rep)
    if traitement:
        return traitement
    if vue["statut"] == "accord":
        return {"type": "recapitulatif"}
    if n % 2:
        return {"type": "offre", "termes": ideal_vendeur(s)}
    return offre_habile(s, vue)


#: bot name -> policy; the first three are the references, the others exploit the buyer
BOTS: dict[str, Politique] = {
    "bradeur": bradeur,
    "inflexible": inflexible,
    "habile": habile,
    "argument_repete": repetiteur,
    "faux_ancrage": faux_ancrage,
    "questions_en_rafale": questionneur,
    "sous_le_cout": sous_cout,
    "conclusions_en_rafale": conclueur,
    "offres_alternees": alternance,
}
EXPLOITEURS = (
    "argument_repete",
    "faux_ancrage",
    "questions_en_rafale",
    "sous_le_cout",
    "conclusions_en_rafale",
    "offres_alternees",
)


def jouer(
    s: NegotiationSetup, graine: int, politique: Politique, pas_s: float = 40.0
) -> Transcription:
    """Play a policy to the end (or MAX_COUPS moves); return the transcript."""
    etat, rep, tours, n = start(s, graine), None, [], 0
    while not etat.termine and n < MAX_COUPS:
        coup = politique(s, public_view(etat, s), rep, n)
        coup["temps_s"] = (n + 1) * pas_s
        etat, r = play(s, etat, coup)
        rep = public_reply(r)
        tours.append(
            {"index": etat.tour, "temps_s": etat.temps_s, "coup": coup, "reponse": r.to_dict()}
        )
        n += 1
    return Transcription(graine, tours, etat)
