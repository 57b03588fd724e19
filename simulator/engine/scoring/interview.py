"""Questions for the 10-minute interview, drawn from the transcript (pure, deterministic).

Four kinds: an objection voiced and never settled, a concession given without a counterpart, a
discovery theme never explored, a promise the supplier cannot keep (lead time below its minimum,
payment beyond the legal cap). Each question names the turns it comes from.
"""

from __future__ import annotations

from typing import Any

from simulator.engine.negotiation import vocabulary as voc
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.values import ValeurInvalide

Tour = dict[str, Any]
REGLEES = frozenset({"traitee", "levee"})


def _question(genre: str, texte: str, tours: list[int]) -> dict[str, Any]:
    return {"genre": genre, "question": texte, "tours": tours}


def objections_non_traitees(
    s: NegotiationSetup, tours: list[Tour], statuts: dict[str, str]
) -> list[dict[str, Any]]:
    """Each objection the buyer voiced and the candidate left unsettled."""
    textes = {o.id: o.texte for o in s.objections}
    voicees: dict[str, list[int]] = {}
    for t in tours:
        oid = t["reponse"].get("objection")
        if oid in textes:
            voicees.setdefault(oid, []).append(t["index"])
    questions = []
    for oid, ou in voicees.items():
        if statuts.get(oid) in REGLEES:
            continue
        essais = [
            t["index"]
            for t in tours
            if t["coup"]["type"] == "traitement_objection" and t["coup"].get("objection") == oid
        ]
        suite = (
            "vous l'avez traitée sans la lever : quelle autre technique auriez-vous choisie ?"
            if essais
            else "elle est restée sans réponse : comment l'auriez-vous traitée ?"
        )
        questions.append(
            _question("objection", f"L'acheteur a objecté « {textes[oid]} » ; {suite}", ou + essais)
        )
    return questions


def concessions_sans_contrepartie(s: NegotiationSetup, tours: list[Tour]) -> list[dict[str, Any]]:
    """Each concession the candidate gave without asking anything in return."""
    questions = []
    for t in tours:
        coup, raison = t["coup"], t["reponse"].get("raison") or {}
        gratuite = raison.get("mouvement") == "concession_sans_contrepartie" or (
            coup["type"] == "concession" and not coup.get("contrepartie")
        )
        if not gratuite:
            continue
        quoi = ""
        if coup.get("enjeu") in s.index:
            quoi = f" ({s.enjeux[s.index[coup['enjeu']]].libelle.lower()})"
        questions.append(
            _question(
                "concession",
                f"Au tour {t['index']}, vous avez concédé{quoi} sans contrepartie : "
                "pourquoi, et que pouviez-vous demander en échange ?",
                [t["index"]],
            )
        )
    return questions


def themes_non_explores(tours: list[Tour]) -> list[dict[str, Any]]:
    """Each discovery theme the candidate never asked about."""
    poses = {t["coup"].get("theme") for t in tours if t["coup"]["type"] == "question"}
    premiere_offre = next(
        (t["index"] for t in tours if t["coup"]["type"] in ("offre", "concession")), None
    )
    lien = [] if premiere_offre is None else [premiere_offre]
    return [
        _question(
            "decouverte",
            f"Vous n'avez pas exploré le thème « {libelle.lower()} » : "
            "quelles informations vous ont manqué, et qu'auriez-vous demandé ?",
            lien,
        )
        for theme, libelle in voc.THEMES.items()
        if theme not in poses
    ]


def _termes_promis(t: Tour) -> dict[str, Any]:
    coup = t["coup"]
    termes = dict(coup.get("termes") or {})
    if coup["type"] == "concession" and coup.get("enjeu"):
        termes[coup["enjeu"]] = coup.get("valeur")
    termes.update({k: v for k, v in (coup.get("contrepartie") or {}).items() if v is not None})
    return termes


def promesses_intenables(s: NegotiationSetup, tours: list[Tour]) -> list[dict[str, Any]]:
    """Lead times below the supplier's minimum and payment terms beyond the cap the seller offered."""
    trouvees: dict[str, list[int]] = {}
    valeurs: dict[str, Any] = {}
    for t in tours:
        for cle, brut in _termes_promis(t).items():
            if cle not in s.index:
                continue
            e = s.enjeux[s.index[cle]]
            try:
                v = e.lire(brut)
            except ValeurInvalide:
                continue
            # delai and paiement values are int (vocabulary.NATURES_ENTIERES)
            court = e.nature == "delai" and s.delai_min_semaines and v < s.delai_min_semaines  # type: ignore[operator]
            long = e.nature == "paiement" and v > s.paiement_max_jours  # type: ignore[operator]
            if court or long:
                trouvees.setdefault(e.nature, []).append(t["index"])
                valeurs[e.nature] = v
    questions = []
    if "delai" in trouvees:
        questions.append(
            _question(
                "promesse",
                f"Vous avez promis une livraison en {valeurs['delai']} semaine(s) alors que "
                f"le fournisseur demande au moins {s.delai_min_semaines} semaine(s) : comment "
                "tiendrez-vous cet engagement ?",
                trouvees["delai"],
            )
        )
    if "paiement" in trouvees:
        questions.append(
            _question(
                "promesse",
                f"Vous avez proposé un paiement à {valeurs['paiement']} jours, au-delà du "
                f"plafond de {s.paiement_max_jours} jours : quel risque prenez-vous ?",
                trouvees["paiement"],
            )
        )
    return questions


def questions_entretien(
    s: NegotiationSetup, tours: list[Tour], statuts: dict[str, str]
) -> list[dict[str, Any]]:
    """Every interview question, most telling first: promises, objections, concessions, discovery."""
    return [
        *promesses_intenables(s, tours),
        *objections_non_traitees(s, tours, statuts),
        *concessions_sans_contrepartie(s, tours),
        *themes_non_explores(tours),
    ]
