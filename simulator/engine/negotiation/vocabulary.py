"""Closed vocabularies of the negotiation: issue kinds, personas, SONCAS, themes, techniques, emotions."""

from __future__ import annotations

#: issue kinds and their unit, as shown to the student
NATURES: dict[str, str] = {
    "prix": "€ HT",
    "remise": "%",
    "quantite": "unités",
    "delai": "semaines",
    "paiement": "jours",
    "acompte": "%",
    "garantie": "mois",
    "service": "",
}
NATURES_DECIMALES = frozenset({"prix", "remise", "acompte"})
NATURES_ENTIERES = frozenset({"quantite", "delai", "paiement", "garantie"})

#: Merrill & Reid social styles; Boulware (e < 1) for directif/analytique, Conceder (e > 1) otherwise
PERSONAS: dict[str, dict[str, float]] = {
    "directif": {"exposant": 0.25, "patience": 0.7, "cout": 1.3, "preuve": 1.0, "rapport": 0.8},
    "analytique": {"exposant": 0.4, "patience": 0.9, "cout": 1.0, "preuve": 1.5, "rapport": 1.0},
    "aimable": {"exposant": 2.0, "patience": 1.0, "cout": 0.8, "preuve": 1.0, "rapport": 1.5},
    "expressif": {"exposant": 1.5, "patience": 0.8, "cout": 1.0, "preuve": 0.8, "rapport": 1.2},
}

MOTIVATIONS: dict[str, str] = {
    "securite": "Sécurité",
    "orgueil": "Orgueil",
    "nouveaute": "Nouveauté",
    "confort": "Confort",
    "argent": "Argent",
    "sympathie": "Sympathie",
    "environnement": "Environnement",
}

THEMES: dict[str, str] = {
    "besoin": "besoin / usage",
    "criteres": "critères de choix",
    "budget": "budget",
    "delai": "délai",
    "decideurs": "acteurs de la décision",
    "concurrence": "concurrence",
}

TECHNIQUES_OBJECTION: dict[str, str] = {
    "reformulation": "reformulation / question",
    "oui_mais": "« oui, mais »",
    "boomerang": "boomerang / retournement",
    "compensation": "compensation / balance",
    "appui": "appui",
    "temoignage": "témoignage / référence",
    "report": "report (différer)",
}

TECHNIQUES_CONCLUSION: dict[str, str] = {
    "directe": "demande directe",
    "alternative": "alternative",
    "implicite": "conclusion implicite",
    "resume": "résumé",
    "avantage_immediat": "avantage immédiat",
}

DECLENCHEURS = ("debut", "offre", "argument", "cloture")

EMOTIONS = ("satisfait", "intéressé", "neutre", "hésitant", "méfiant", "irrité")

TYPES_COUPS = (
    "question",
    "reformulation",
    "argument",
    "traitement_objection",
    "offre",
    "concession",
    "conclusion",
    "recapitulatif",
    "rupture",
    "message",
)

TYPES_REPONSES = (
    "reponse",
    "accepte",
    "contre_offre",
    "objection",
    "question",
    "accord_partiel",
    "signature",
    "rupture",
)
