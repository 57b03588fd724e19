"""Adapter: a situation snapshot (generated, maybe modified by the jury) -> the buyer engine's setup.

Decisions (see also the module docstrings of the _grids, _marges and _dialogue parts):

- Concession exponent: the generator (``buyer_model.CONCESSION_EXPONENT``: directif 0.3,
  analytique 0.5, expressif 1.5, aimable 2.0) and the engine (``tactique.cible``) both use the
  GENIUS form ``T(t) = Umax − (Umax − Ures)·t^(1/e)`` with e < 1 Boulware. Same convention: the
  situation's value is passed through unchanged (no 1/e; only NegMAS writes it the other way).
- Reservation utility: the situation's ``hidden.reservation_utility``, i.e. the buyer's utility of
  its walk-away package (each issue at its hidden reservation value: the discount that brings the
  need to the price ceiling = min(budget, best competitor + loyalty), the BATNA's payment days and
  warranty, the deadline, …). It already folds in the BATNA and the budget, it is what the jury's
  cheat sheet shows, and the overrides recompute it; the grids keep each domain's ends, so the
  engine's linear utilities equal the generator's and the value stays exact on the grid.
- Patience: the pack counts tolerated blunders (« maladresses tolérées », 3..9); the engine's
  scale is 1.0 ≈ ten poor moves, so patience = count / 10.
- Budget: it acts through the reservation (price ceiling -> reservation discount -> reservation
  utility) and dissolves the price objection (``levee_si`` = reservation discount); ``budget_ht``
  is passed for the debrief's hidden side, but the engine's hard « hors budget » doubt is not
  armed (``prix_catalogue`` None): the engine can only compute price × quantity, while here the
  amount is the whole need (several lines, services) and the engine's doubt costs patience like an
  illegal offer, so a list-price opening — an ordinary anchor the buyer should counter — would
  end most negotiations.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from simulator.engine.money import cents
from simulator.engine.negotiation.issues import Enjeu
from simulator.engine.negotiation.setup import (
    NegotiationSetup,
    ObjectifsVendeur,
    PreferencesAcheteur,
)
from simulator.scenarios.negotiation_setup import dialogue
from simulator.scenarios.negotiation_setup.grids import MAX_OUTCOMES, grille, plafonner
from simulator.scenarios.negotiation_setup.margins import (
    besoin_depuis,
    impacts,
    objectifs,
    options_services,
)

NATURES = {
    "remise_pct": "remise",
    "quantite": "quantite",
    "delai_livraison_semaines": "delai",
    "delai_paiement_jours": "paiement",
    "acompte_pct": "acompte",
    "garantie_mois": "garantie",
    "services": "service",
}
PATIENCE_PAR_MALADRESSE = Decimal("0.1")


def delai_fournisseur(snapshot: dict[str, Any]) -> int:
    """Supplier's minimum lead time: the longest lead time of the lines the stock does not cover."""
    courts = [s["lead_time_weeks"] for s in snapshot["supply"] if s["stock"] < s["needed"]]
    plus_long: int = max([1, *courts])
    return plus_long


def _contexte(snapshot: dict[str, Any], b: Any, delai_min: int) -> dict[str, Any]:
    """Reference figures the margin impacts are computed from."""
    hidden = snapshot["negotiation"]["hidden"]
    remise = Decimal(str(hidden["reservation"].get("remise_pct", "0")))
    net = cents(Decimal(snapshot["need"]["list_total_ht"]) * (1 - remise / 100))
    garanties = [
        p["warranty_months"]
        for p in snapshot["catalogue"]["products"]
        if p["ref"] in {ligne.ref for ligne in b.produits}
    ]
    return {
        "marge_reference": b.marge(),
        "net_attendu": net,
        "remise_attendue": remise,
        "delai_min": delai_min,
        "garantie_standard": min(garanties, default=12),
    }


def incontournables(snapshot: dict[str, Any]) -> dict[str, list[Any]]:
    """Values every offer grid must contain: the client's requested lead time, the warranties
    the catalogue sells (public facts of the situation, never the buyer's hidden limits)."""
    garanties = sorted({int(p["warranty_months"]) for p in snapshot["catalogue"]["products"]} - {0})
    return {
        "delai_livraison_semaines": [int(snapshot["need"]["deadline_weeks"])],
        "garantie_mois": garanties,
        "delai_paiement_jours": [30],  # the usual B2B term
        "acompte_pct": [0, 10, 20, 30],
    }


def _enjeux(snapshot: dict[str, Any], b: Any, delai_min: int) -> tuple[Enjeu, ...]:
    """Every issue of the situation with its discrete values, direction and margin impacts."""
    domaines = {i["key"]: i for i in snapshot["negotiation"]["issues"]}
    importants = incontournables(snapshot)
    grilles = plafonner(
        {k: grille(d, delai_min, tuple(importants.get(k, ()))) for k, d in domaines.items()},
        MAX_OUTCOMES,
        {k: set(v) for k, v in importants.items()},
    )
    ctx = _contexte(snapshot, b, delai_min)
    enjeux = []
    for cle, valeurs in grilles.items():
        d = domaines[cle]
        if cle == "services":
            options = options_services(snapshot, valeurs)
            affichees: list[Any] = [label for label, _ in options]
            marges = impacts(snapshot, b, cle, options, ctx)
        else:
            affichees, marges = valeurs, impacts(snapshot, b, cle, valeurs, ctx)
        enjeux.append(
            Enjeu(
                cle=cle,
                libelle=d["label"],
                nature=NATURES[cle],
                valeurs=tuple(affichees),
                sens_acheteur="hausse" if d["buyer_prefers"] == "haut" else "baisse",
                impact_marge=tuple(marges),
            )
        )
    return tuple(enjeux)


def _acheteur(snapshot: dict[str, Any], cles: list[str]) -> PreferencesAcheteur:
    """The hidden buyer: weights, reservation utility, motivations, exponent, patience, budget."""
    hidden = snapshot["negotiation"]["hidden"]
    batna = hidden["batna"]
    return PreferencesAcheteur(
        poids={k: float(Decimal(str(hidden["weights"].get(k, "0")))) for k in cles},
        reservation=min(0.95, max(0.0, float(Decimal(str(hidden["reservation_utility"]))))),
        motivations=tuple(hidden["motivations"]),
        exposant=float(Decimal(str(hidden["concession_exponent"]))),
        patience=float(Decimal(hidden["patience"]) * PATIENCE_PAR_MALADRESSE),
        batna=f"{batna['competitor']} : {batna['offer_total_ht']} € HT "
        f"(indice de prix {batna['price_index']})",
        budget_ht=Decimal(snapshot["client"]["budget_ht"]),
    )


def setup_from_snapshot(snapshot: dict[str, Any]) -> NegotiationSetup:
    """Build the buyer engine's NegotiationSetup from a situation snapshot (JSON form)."""
    need, neg, hidden = snapshot["need"], snapshot["negotiation"], snapshot["negotiation"]["hidden"]
    b = besoin_depuis(snapshot)
    delai_min = delai_fournisseur(snapshot)
    enjeux = _enjeux(snapshot, b, delai_min)
    cles = [e.cle for e in enjeux]
    marge_ref = b.marge()
    plancher, cible = objectifs(snapshot, b, marge_ref)
    best = hidden["batna"]["competitor"]
    champs = {
        "concurrent": best,
        "delai": str(need["deadline_weeks"]),
        "contact": snapshot["buyer"]["name"],
    }
    q0 = int(need["lines"][0]["quantity"])
    return NegotiationSetup(
        enjeux=enjeux,
        acheteur=_acheteur(snapshot, cles),
        vendeur=ObjectifsVendeur(marge_plancher=plancher, marge_cible=cible, marge_fixe=marge_ref),
        persona=snapshot["buyer"]["persona"],
        objections=dialogue.objections(snapshot, hidden["reservation"], set(cles)),
        faits=dialogue.faits(snapshot, champs),
        repliques=dialogue.repliques(snapshot, champs),
        designations={
            str(x["ref"]): str(x["designation"])
            for x in snapshot["catalogue"]["products"] + snapshot["catalogue"]["services"]
        },
        produit=dialogue.produit_pluriel(need["lines"][0]["designation"]),
        duree_s=int(neg["duration_minutes"]) * 60,
        paiement_max_jours=int(snapshot["terms"]["max_payment_days"]),
        delai_min_semaines=delai_min,
        quantite_ref=q0,
        prix_catalogue=None,  # budget doubt not armed, see the module docstring
        interlocuteur=snapshot["buyer"]["name"],
        max_issues=MAX_OUTCOMES,
    )
