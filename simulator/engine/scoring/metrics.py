"""Debrief numbers: margin vs target, concessions, ZOPA share, Pareto/Nash distance, euros left."""

from __future__ import annotations

import itertools
import math
from decimal import Decimal
from typing import Any

from simulator.engine.money import cents
from simulator.engine.negotiation.context import lire_termes
from simulator.engine.negotiation.outcome_space import Espace
from simulator.engine.negotiation.reply import Transcription
from simulator.engine.negotiation.setup import NegotiationSetup


def mesurer(
    s: NegotiationSetup, tr: Transcription, marge_devis: Decimal | None = None
) -> dict[str, Any]:
    """Compute the debrief figures (money as Decimal, utilities as floats).

    ``marge_devis``: the seller margin of the student's issued quote, the opening offer.
    """
    esp, etat = s.espace, tr.etat
    accord = etat.accord if etat.statut in ("accord", "conclue") else None
    m: dict[str, Any] = {
        "accord": accord,
        "formalise": etat.statut == "conclue",
        "marge_cible": s.vendeur.marge_cible,
        "marge_plancher": s.vendeur.marge_plancher,
        "temps_utilise_s": etat.temps_s,
        "duree_s": s.duree_s,
        "part_temps": round(min(1.0, etat.temps_s / s.duree_s), 3),
        **zopa(s, esp),
        **arguments_distincts(tr.tours),
    }
    plafond = m["zopa_marge_max"] if m["zopa_existe"] else cents(Decimal(str(esp.marge_max)))
    m.update(concessions(etat.offres, plafond, marge_devis))
    if accord is None:
        return m
    termes = lire_termes(s, accord)
    marge, u_b, u_s = esp.marge(termes), esp.u_acheteur(termes), esp.u_vendeur(termes)
    m.update(
        marge=cents(marge),
        marge_vs_cible=_ratio(marge, s.vendeur.marge_cible),
        u_acheteur=round(u_b, 4),
        u_vendeur=round(u_s, 4),
        part_zopa=_part(marge, s.vendeur.marge_plancher, m["zopa_marge_max"]),
        distance_pareto=round(
            min(math.dist((u_b, u_s), (esp.ub[o], esp.us[o])) for o in esp.pareto), 4
        ),
        distance_nash=None
        if esp.nash is None
        else round(math.dist((u_b, u_s), (esp.ub[esp.nash], esp.us[esp.nash])), 4),
        **valeur_laissee(esp, u_b, marge),
    )
    return m


def _ratio(a: Decimal, b: Decimal) -> Decimal | None:
    """Return a / b as a percentage with one decimal."""
    return None if b == 0 else (a / b * 100).quantize(Decimal("0.1"))


def _part(marge: Decimal, plancher: Decimal, maximum: Decimal | None) -> Decimal | None:
    """Return the share (%) of the zone of agreement the seller captured."""
    if maximum is None or maximum <= plancher:
        return None
    return ((marge - plancher) / (maximum - plancher) * 100).quantize(Decimal("0.1"))


def zopa(s: NegotiationSetup, esp: Espace) -> dict[str, Any]:
    """Return the zone of possible agreement on the frontier, in euros of seller margin."""
    dedans = [o for o in esp.pareto if esp.ub[o] >= esp.res_b and esp.us[o] >= esp.res_s]
    if not dedans:
        return {"zopa_existe": False, "zopa_marge_max": None, "zopa_largeur": Decimal("0.00")}
    meilleur = max(dedans, key=esp.us.__getitem__)
    haut = cents(esp.marge(esp.termes_outcome(meilleur)))
    return {
        "zopa_existe": True,
        "zopa_marge_max": haut,
        "zopa_largeur": cents(haut - s.vendeur.marge_plancher),
    }


def valeur_laissee(esp: Espace, u_b: float, marge: Decimal) -> dict[str, Any]:
    """Return the frontier package at the same buyer utility and the margin it would have added."""
    candidats = [o for o in esp.pareto if esp.ub[o] >= u_b - 1e-9]
    if not candidats:
        return {"paquet_frontiere": None, "valeur_laissee": Decimal("0.00")}
    o = max(candidats, key=esp.us.__getitem__)
    termes = esp.termes_outcome(o)
    ecart = esp.marge(termes) - marge
    return {
        "paquet_frontiere": {k: str(v) for k, v in termes.items()},
        "valeur_laissee": cents(max(Decimal(0), ecart)),
    }


def concessions(
    offres: list[dict[str, Any]],
    plafond: Decimal | None = None,
    marge_devis: Decimal | None = None,
) -> dict[str, Any]:
    """Sum the concessions each side made, in euros of seller margin, with counts.

    Seller concessions are measured from the first credible offer: every seller margin is read
    at most at ``plafond`` (the top of the zone of agreement, the most the buyer could ever
    accept), so retreating from an anchor above it gives nothing away. With an issued quote
    (``marge_devis``), the quote is the seller's first offer and concessions count from it.
    """
    vendeur = [o for o in offres if o["camp"] == "vendeur"]
    acheteur = [o for o in offres if o["camp"] == "acheteur"]
    suite = [(Decimal(o["marge"]), bool(o["conditionnelle"])) for o in vendeur]
    if marge_devis is not None:
        suite.insert(0, (marge_devis, False))
    if plafond is not None:
        suite = [(min(m, plafond), c) for m, c in suite]
    donnees = [(a - b, cb) for (a, _), (b, cb) in itertools.pairwise(suite)]
    obtenues = [Decimal(b["marge"]) - Decimal(a["marge"]) for a, b in itertools.pairwise(acheteur)]
    return {
        "concessions_donnees": sum((d for d, _ in donnees if d > 0), Decimal("0.00")),
        "nb_concessions_donnees": sum(1 for d, _ in donnees if d > 0),
        "nb_concessions_conditionnelles": sum(1 for d, c in donnees if d > 0 and c),
        "nb_concessions_sans_contrepartie": sum(1 for d, c in donnees if d > 0 and not c),
        "concessions_obtenues": sum((d for d in obtenues if d > 0), Decimal("0.00")),
        "nb_concessions_obtenues": sum(1 for d in obtenues if d > 0),
        "ancrage_marge": Decimal(vendeur[0]["marge"]) if vendeur else None,
        "plafond_credible": plafond,
    }


def arguments_distincts(tours: list[dict[str, Any]]) -> dict[str, Any]:
    """Count the arguments played and the distinct ones (same motivation and wording = repeat)."""
    vus: dict[tuple[str, str, str], int] = {}
    pertinents: dict[tuple[str, str, str], int] = {}
    for t in tours:
        coup = t["coup"]
        if coup["type"] != "argument":
            continue
        cle = (
            str(coup.get("motivation") or ""),
            " ".join(str(coup.get("caracteristique") or "").lower().split()),
            " ".join(str(coup.get("avantage") or "").lower().split()),
        )
        vus.setdefault(cle, t["index"])
        if (t["reponse"].get("raison") or {}).get("regle") == "argument_pertinent":
            pertinents.setdefault(cle, t["index"])
    nb = sum(1 for t in tours if t["coup"]["type"] == "argument")
    return {
        "nb_arguments": nb,
        "nb_arguments_distincts": len(vus),
        "arguments_pertinents_distincts": sorted(pertinents.values()),
    }


def courbes(offres: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Return the offer history per side for the concession-curve chart (data only)."""
    cote = {"vendeur": [], "acheteur": []}  # type: dict[str, list[dict[str, Any]]]
    for o in offres:
        cote[o["camp"]].append(
            {k: o[k] for k in ("tour", "temps_s", "u_vendeur", "u_acheteur", "marge")}
        )
    return cote
