"""Objections heard while prospecting (French texts), picked from the hidden situation."""

from __future__ import annotations

import random
from collections.abc import Mapping
from decimal import Decimal

from simulator.engine.prospection.prospect_file import Prospect, VeriteProspect
from simulator.engine.prospection.targeting_score import SANS_FOURNISSEUR

Textes = Mapping[str, tuple[str, ...]]

OBJECTIONS_DEFAUT: dict[str, tuple[str, ...]] = {
    "concurrent": (
        "Nous avons déjà un fournisseur, nous en sommes satisfaits.",
        "Nous travaillons avec {fournisseur} depuis des années.",
    ),
    "besoin": (
        "Nous n'avons pas de besoin en ce moment.",
        "Notre matériel est récent, on verra dans quelques années.",
    ),
    "temps": ("Je n'ai pas le temps, rappelez-moi dans trois mois.",),
    "documentation": ("Envoyez-moi une documentation, je regarderai.",),
    "prix": ("Vos prix sont sûrement plus élevés que ceux de notre fournisseur.",),
    "decision": ("Ce n'est pas moi qui décide, voyez avec la direction.",),
    "budget": ("Pas de budget avant l'an prochain.",),
    "proximite": ("Vous êtes loin : nous voulons un fournisseur proche pour les dépannages.",),
}


def fusionner(supplementaires: Textes | None) -> dict[str, tuple[str, ...]]:
    """Default texts plus the pack's own objections (by kind), pack texts first."""
    table = dict(OBJECTIONS_DEFAUT)
    for kind, textes in (supplementaires or {}).items():
        table[kind] = tuple(textes) + table.get(kind, ())
    return table


def _motifs_contact(p: Prospect, v: VeriteProspect) -> list[str]:
    """Kinds of objection plausible at first contact, most telling first."""
    motifs = []
    if p.fournisseur_actuel not in SANS_FOURNISSEUR:
        motifs.append("concurrent")
    if (p.age_equipement_ans is not None and p.age_equipement_ans < 4) or v.archetype is None:
        motifs.append("besoin")
    if p.distance_km > 80:
        motifs.append("proximite")
    return motifs + ["temps", "documentation", "decision"]


def _motifs_rdv(p: Prospect, v: VeriteProspect, reference: Decimal) -> list[str]:
    """Kinds of objection plausible at the end of a meeting that leads nowhere."""
    motifs = ["budget"] if v.potentiel_annuel_ht < reference / 4 else []
    if p.fournisseur_actuel not in SANS_FOURNISSEUR:
        motifs.append("prix")
    return motifs + ["decision", "besoin"]


def choisir(
    rng: random.Random,
    textes: Textes,
    p: Prospect,
    v: VeriteProspect,
    apres_rdv: bool,
    reference: Decimal,
) -> str:
    """Pick one objection: a telling kind twice out of three times, then one of its texts."""
    motifs = _motifs_rdv(p, v, reference) if apres_rdv else _motifs_contact(p, v)
    motifs = [m for m in motifs if textes.get(m)] or ["documentation"]
    kind = motifs[0] if rng.randint(0, 2) and len(motifs) > 1 else rng.choice(motifs)
    texte = rng.choice(textes.get(kind) or OBJECTIONS_DEFAUT["documentation"])
    return texte.replace("{fournisseur}", p.fournisseur_actuel)
