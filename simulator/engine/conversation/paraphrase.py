"""French one-liners: « J'ai compris : concession — remise 4 % si quantité 80 » and clarifications."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from simulator.engine.conversation.context import ConversationContext

THEMES = {
    "besoin": "le besoin",
    "criteres": "les critères de choix",
    "budget": "le budget",
    "delai": "le délai souhaité",
    "decideurs": "les décideurs",
    "concurrence": "la concurrence",
}
MOTIVATIONS = {
    "securite": "sécurité",
    "orgueil": "orgueil",
    "nouveaute": "nouveauté",
    "confort": "confort",
    "argent": "argent",
    "sympathie": "sympathie",
    "environnement": "environnement",
}
TECHNIQUES = {
    "reformulation": "reformulation",
    "oui_mais": "« oui, mais »",
    "boomerang": "boomerang",
    "compensation": "compensation",
    "appui": "appui",
    "temoignage": "témoignage",
    "report": "report",
}
CONCLUSIONS = {
    "directe": "directe",
    "alternative": "alternative",
    "implicite": "implicite",
    "resume": "par le résumé",
    "avantage_immediat": "avantage immédiat",
}
NOMS = {
    "remise_pct": "remise",
    "quantite": "quantité",
    "delai_livraison_semaines": "livraison",
    "delai_paiement_jours": "paiement",
    "acompte_pct": "acompte",
    "garantie_mois": "garantie",
    "services": "services",
}
QUESTIONS = {
    "remise_pct": "Quelle remise proposez-vous exactement, en pourcentage ?",
    "quantite": "Vous parlez de combien de {produit} exactement ?",
    "delai_livraison_semaines": "Vous livrez en combien de semaines exactement ?",
    "delai_paiement_jours": "Le paiement à combien de jours exactement ?",
    "acompte_pct": "Quel acompte demandez-vous, en pourcentage ?",
    "garantie_mois": "Quelle durée de garantie proposez-vous, en mois ?",
    "relatif": "Quelle valeur proposez-vous au final ?",
    "valeur": "Pouvez-vous préciser le chiffre et ce qu'il concerne ?",
}


def _nombre(v: Any) -> str:
    s = format(Decimal(str(v)).normalize(), "f") if not isinstance(v, int) else str(v)
    return s.replace(".", ",")


def _pluriel(n: Any, mot: str) -> str:
    return f"{_nombre(n)} {mot}{'s' if Decimal(str(n)) >= 2 else ''}"


def _services(v: str, ctx: ConversationContext) -> str:
    if v == "aucun":
        return "aucun service"
    noms = {s.ref: s.designation for s in ctx.services}
    return " + ".join(noms.get(r, r) for r in v.split(" + "))


def valeur(cle: str, v: Any, ctx: ConversationContext) -> str:
    """« remise 4 % », « livraison 3 semaines », « services : Étude d'éclairement… »."""
    if cle in ("remise_pct", "acompte_pct"):
        return f"{NOMS[cle]} {_nombre(v)} %"
    if cle == "delai_livraison_semaines":
        return f"livraison {_pluriel(v, 'semaine')}"
    if cle == "delai_paiement_jours":
        return "paiement comptant" if int(v) == 0 else f"paiement {_pluriel(v, 'jour')}"
    if cle == "garantie_mois":
        return f"garantie {_nombre(v)} mois"
    if cle == "services":
        return "services : " + _services(str(v), ctx)
    return f"{NOMS.get(cle, cle)} {_nombre(v)}"


def _montant(v: str) -> str:
    entier, _, dec = v.partition(".")
    groupes = f"{int(entier):,}".replace(",", "\u202f")
    return f"{groupes},{dec or '00'} € HT"


def paraphrase(coup: dict[str, Any], ctx: ConversationContext) -> str:
    t = coup["type"]
    if t == "question":
        corps = f"question sur {THEMES[coup['theme']]}"
    elif t == "argument":
        corps = f"argument (motivation : {MOTIVATIONS[coup['motivation']]})"
    elif t == "traitement_objection":
        corps = f"traitement de l'objection {coup.get('objection') or '?'} ({TECHNIQUES[coup['technique']]})"
    elif t == "offre":
        cp = set(coup.get("contrepartie") or [])
        vend = [valeur(k, v, ctx) for k, v in coup["termes"].items() if k not in cp]
        ach = [valeur(k, v, ctx) for k, v in coup["termes"].items() if k in cp]
        if "prix_ht" in coup:
            vend.insert(0, "prix " + _montant(coup["prix_ht"]))
        corps = "offre — " + ", ".join(vend) + (" si " + " et ".join(ach) if ach else "")
    elif t == "concession":
        corps = "concession — " + valeur(coup["enjeu"], coup["valeur"], ctx)
        if coup.get("contrepartie"):
            cp = coup["contrepartie"]
            corps += " si " + valeur(cp["enjeu"], cp["valeur"], ctx)
    elif t == "conclusion":
        corps = f"conclusion {CONCLUSIONS[coup['technique']]}"
    else:
        corps = {
            "reformulation": "reformulation",
            "recapitulatif": "récapitulatif",
            "rupture": "rupture de la négociation",
            "message": "message sans enjeu",
        }[t]
    return "J'ai compris : " + corps


def clarification(sujet: str | None, ctx: ConversationContext) -> str:
    """A natural question to ask back when the utterance is unclear."""
    if sujet is None:
        return "Pardon, pouvez-vous reformuler ce que vous proposez ?"
    produit = (ctx.product.split()[0].lower() + "s") if ctx.product else "unités"
    return QUESTIONS.get(sujet, QUESTIONS["valeur"]).format(produit=produit)
