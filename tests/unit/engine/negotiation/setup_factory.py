"""Hand-built negotiation setups for the tests (independent of the scenario generator)."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from simulator.engine.negotiation import NegotiationSetup

MOTIVATIONS = {
    "directif": ["argent", "securite"],
    "analytique": ["securite", "argent"],
    "aimable": ["sympathie", "securite"],
    "expressif": ["nouveaute", "orgueil"],
}
QUANTITE, COUT = 10, 2700


def _prix() -> dict[str, Any]:
    valeurs = [3400 + 50 * k for k in range(11)]
    return {
        "cle": "prix",
        "libelle": "Prix unitaire",
        "nature": "prix",
        "sens_acheteur": "baisse",
        "valeurs": [str(v) for v in valeurs],
        "impact_marge": [str((v - COUT) * QUANTITE) for v in valeurs],
    }


def setup_dict(
    persona: str = "analytique",
    reservation: float = 0.35,
    graine: int = 0,
    poids: dict[str, float] | None = None,
    **autres: Any,
) -> dict[str, Any]:
    """Return the JSON form of a 6-issue setup; the seed perturbs weights and costs."""
    rng = random.Random(graine)
    base = poids or {
        "prix": 0.35,
        "delai": 0.25,
        "paiement": 0.1,
        "acompte": 0.1,
        "garantie": 0.1,
        "service": 0.1,
    }
    p = {k: v * rng.uniform(0.7, 1.3) for k, v in base.items()}
    express = rng.choice([150, 200, 250])
    d: dict[str, Any] = {
        "persona": persona,
        "enjeux": [
            _prix(),
            {
                "cle": "delai",
                "libelle": "Délai de livraison",
                "nature": "delai",
                "sens_acheteur": "baisse",
                "valeurs": [2, 3, 4, 6, 8],
                "impact_marge": [str(-express * max(0, 6 - w)) for w in (2, 3, 4, 6, 8)],
            },
            {
                "cle": "paiement",
                "libelle": "Délai de paiement",
                "nature": "paiement",
                "sens_acheteur": "hausse",
                "valeurs": [30, 45, 60, 90],
                "impact_marge": ["-150", "-225", "-300", "-450"],
            },
            {
                "cle": "acompte",
                "libelle": "Acompte",
                "nature": "acompte",
                "sens_acheteur": "baisse",
                "valeurs": ["0", "10", "20", "30"],
                "impact_marge": ["0", "60", "120", "180"],
            },
            {
                "cle": "garantie",
                "libelle": "Garantie",
                "nature": "garantie",
                "sens_acheteur": "hausse",
                "valeurs": [12, 24, 36],
                "impact_marge": ["0", "-300", "-600"],
            },
            {
                "cle": "service",
                "libelle": "Services",
                "nature": "service",
                "sens_acheteur": "hausse",
                "valeurs": ["aucun", "installation", "installation + formation"],
                "impact_marge": ["0", "-400", "-900"],
            },
        ],
        "acheteur": {
            "poids": p,
            "reservation": reservation,
            "motivations": MOTIVATIONS[persona],
            "batna": "Concurrent à 3 450 € HT, livraison 6 semaines",
            "budget_ht": "40000",
        },
        "vendeur": {"marge_plancher": "6500", "marge_cible": "9500"},
        "objections": [
            {
                "id": "prix_concurrent",
                "theme": "prix",
                "texte": "Votre concurrent est 8 % moins cher.",
                "techniques": ["compensation", "boomerang", "temoignage"],
                "declencheur": "offre",
                "enjeu": "prix",
                "levee_si": "3450",
            },
            {
                "id": "fiabilite",
                "theme": "risque",
                "texte": "Qui me garantit votre SAV en cas de panne ?",
                "techniques": ["temoignage", "appui"],
                "declencheur": "cloture",
            },
        ],
        "faits": [
            {
                "theme": "besoin",
                "texte": "Nous remplaçons deux machines en fin de vie.",
                "motivation": MOTIVATIONS[persona][0],
            },
            {
                "theme": "besoin",
                "texte": "Chaque arrêt de ligne nous coûte cher.",
                "motivation": MOTIVATIONS[persona][1],
            },
            {"theme": "budget", "texte": "Notre enveloppe tourne autour de 38 000 € HT."},
            {
                "theme": "delai",
                "texte": "Nous devons être opérationnels avant la fin du trimestre.",
            },
            {"theme": "decideurs", "texte": "Je décide avec le directeur technique."},
            {"theme": "concurrence", "texte": "Nous avons un devis d'un concurrent."},
        ],
        "duree_s": 1200,
        "paiement_max_jours": 60,
        "delai_min_semaines": 3,
        "quantite_ref": QUANTITE,
    }
    d.update(autres)
    return d


def fabriquer(**kw: Any) -> NegotiationSetup:
    """Build a NegotiationSetup from setup_dict's arguments."""
    return NegotiationSetup.from_dict(setup_dict(**kw))


def petit_setup(niveaux: tuple[int, ...] = (4, 3, 3), graine: int = 0) -> NegotiationSetup:
    """Build a small abstract setup with random weights and margins, for brute-force checks."""
    rng = random.Random(graine)
    enjeux = []
    for k, n in enumerate(niveaux):
        impacts = sorted(Decimal(rng.randint(-500, 500)) for _ in range(n))
        if rng.random() < 0.5:
            impacts.reverse()
        enjeux.append(
            {
                "cle": f"e{k}",
                "libelle": f"Enjeu {k}",
                "nature": "garantie",
                "sens_acheteur": rng.choice(["hausse", "baisse"]),
                "valeurs": list(range(1, n + 1)),
                "impact_marge": [str(x) for x in impacts],
            }
        )
    return NegotiationSetup.from_dict(
        {
            "persona": "directif",
            "enjeux": enjeux,
            "acheteur": {
                "poids": {e["cle"]: rng.uniform(0.1, 1) for e in enjeux},
                "reservation": rng.uniform(0.1, 0.5),
                "motivations": ["argent"],
            },
            "vendeur": {"marge_plancher": "0", "marge_cible": "300"},
        }
    )
