"""Conversation moves: discovery, reformulation, CAP arguments, summary, walk-away, free text."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from simulator.engine.negotiation import vocabulary as voc
from simulator.engine.negotiation.context import Contexte, en_termes_json, lire_termes
from simulator.engine.negotiation.objections import declencher
from simulator.engine.negotiation.offers import signer
from simulator.engine.negotiation.reply import Reponse

PRIORITES_REVELABLES = 3
VALEUR_PERCUE_MAX = 0.12


def jouer_question(ctx: Contexte) -> Reponse:
    """Answer a discovery question: a priority (criteres, with rapport), else the next fact."""
    etat, theme = ctx.etat, ctx.coup.theme or ""
    raison = {"regle": "decouverte", "theme": theme}
    if theme == "criteres":
        ordre = sorted(ctx.s.enjeux, key=lambda e: -ctx.s.acheteur.poids[e.cle])[
            :PRIORITES_REVELABLES
        ]
        suivante = next((e for e in ordre if e.cle not in etat.priorites), None)
        if suivante is not None and (not etat.priorites or etat.rapport >= 1):
            etat.priorites.append(suivante.cle)
            etat.faits_non_reformules += 1
            return ctx.repondre(
                "reponse",
                "priorite",
                "neutre",
                {**raison, "regle": "priorite_revelee"},
                {"enjeu": ctx.libelle(suivante.cle)},
                priorite=suivante.cle,
            )
        if suivante is not None:
            return _fait_ou(ctx, theme, raison, "priorite_reservee")
    return _fait_ou(ctx, theme, raison, "fait_epuise")


def _fait_ou(ctx: Contexte, theme: str, raison: dict[str, Any], sinon: str) -> Reponse:
    """Reveal the next fact of the theme, or reply `sinon` (repeating costs patience)."""
    etat = ctx.etat
    for k, f in enumerate(ctx.s.faits):
        if f.theme == theme and k not in etat.faits:
            etat.faits.append(k)
            etat.faits_non_reformules += 1
            fait = {"theme": f.theme, "texte": f.texte, "motivation": f.motivation}
            return ctx.repondre(
                "reponse", "fait", "neutre", {**raison, "fait": k}, {"fait": f.texte}, fait=fait
            )
    if sinon == "fait_epuise":
        ctx.user(0.05)
    return ctx.repondre("reponse", sinon, "hésitant", {**raison, "regle": sinon})


#: words after a number that are units, not products (« 4 semaines », « 30 jours »)
UNITES_NON_PRODUIT = frozenset(
    "semaine semaines sem jour jours j mois an ans annee annees euro euros eur k ke heure heures"
    " h minute minutes fois pourcent".split()
)


def contredit(ctx: Contexte) -> tuple[str, str] | None:
    """(what we discussed, what the seller said) when a reformulation misstates the need's count.

    Reads the student's own words (`texte`): « 40 projecteurs » against 61 bornes is corrected,
    « 61 bornes » or a reformulation without a counted product is not.
    """
    s = ctx.s
    if not ctx.coup.texte or not s.produit:
        return None
    texte = ctx.coup.texte.lower()
    cible = _racine(s.produit)
    for m in re.finditer(r"\b(\d+)\s+([a-zàâçéèêëîïôûùüÿœ-]{3,})", texte):
        nombre, mot = int(m.group(1)), m.group(2)
        if _racine(mot) in UNITES_NON_PRODUIT or mot in UNITES_NON_PRODUIT:
            continue
        if _racine(mot) != cible or nombre != s.quantite_ref:
            return f"{s.quantite_ref} {s.produit}", f"{nombre} {mot}"
        return None
    return None


def _racine(mot: str) -> str:
    """A crude comparison key for a French noun: unaccented, first five letters."""
    plat = unicodedata.normalize("NFKD", mot).encode("ascii", "ignore").decode().lower()
    return plat[:5]


def jouer_reformulation(ctx: Contexte) -> Reponse:
    """A reformulation of what was learnt builds rapport and restores a little patience.

    A reformulation whose figures contradict the facts is corrected (and builds no rapport); one
    with nothing new to confirm is acknowledged without any gain.
    """
    etat = ctx.etat
    erreur = contredit(ctx)
    if erreur is not None:
        ctx.user(0.05)
        attendu, dit = erreur
        return ctx.repondre(
            "reponse",
            "reformulation_fausse",
            "méfiant",
            {"regle": "reformulation_fausse"},
            {"attendu": attendu, "dit": dit},
        )
    if etat.faits_non_reformules == 0 and etat.rapport > 0:
        ctx.user(0.02)
        return ctx.repondre(
            "reponse", "reformulation_deja", "neutre", {"regle": "reformulation_redite"}
        )
    if etat.faits_non_reformules == 0:
        ctx.user(0.02)
        return ctx.repondre(
            "reponse", "reformulation_vide", "hésitant", {"regle": "reformulation_vide"}
        )
    etat.rapport += 1
    etat.faits_non_reformules = 0
    etat.patience = min(
        ctx.s.patience, etat.patience + 0.05 * voc.PERSONAS[ctx.s.persona]["rapport"]
    )
    return ctx.repondre(
        "reponse", "reformulation_ok", "satisfait", {"regle": "reformulation_validee"}
    )


#: a new argument on an already argued motivation keeps this share of the gain, per earlier one
RENDEMENT_MEME_MOTIVATION = 0.25
#: patience spent by the n-th hearing of an identical argument: n × this (2nd: 1×, 3rd: 2×, …)
COUT_REPETITION = 0.05


def signature_argument(motivation: str, caracteristique: str, avantage: str) -> str:
    """What makes two arguments identical: same motivation, same characteristic and advantage."""
    texte = " ".join(f"{caracteristique} | {avantage}".lower().split())
    return f"{motivation}|{texte}"


def jouer_argument(ctx: Contexte) -> Reponse:
    """A CAP argument on a real motivation raises perceived value; an irrelevant one costs patience.

    Repetition has sharply diminishing returns: a new argument on an already argued motivation
    keeps RENDEMENT_MEME_MOTIVATION of the gain per earlier one; an identical argument brings
    nothing, costs patience from its 2nd hearing on and the buyer says so.
    """
    etat, c = ctx.etat, ctx.coup
    motivation = c.motivation or ""
    deja = etat.arguments.get(motivation, 0)
    etat.arguments[motivation] = deja + 1
    cle_arg = signature_argument(motivation, c.caracteristique, c.avantage)
    entendu = etat.arguments_entendus.get(cle_arg, 0)
    etat.arguments_entendus[cle_arg] = entendu + 1
    raison: dict[str, object] = {"motivation": motivation, "deja": deja}
    if entendu:
        return _argument_repete(ctx, raison, entendu)
    motivations = ctx.s.acheteur.motivations
    if motivation not in motivations:
        ctx.user(0.08)
        emotion = "irrité" if ctx.s.persona == "directif" else "hésitant"
        rep = ctx.repondre(
            "reponse", "argument_hors_sujet", emotion, {**raison, "regle": "argument_hors_sujet"}
        )
        return declencher(ctx, "argument", rep)
    gain = (0.04 if motivation == motivations[0] else 0.025) * RENDEMENT_MEME_MOTIVATION**deja
    if not (c.caracteristique and c.avantage):
        gain *= 0.5
    if c.preuve:
        gain += 0.015 * voc.PERSONAS[ctx.s.persona]["preuve"]
    elif ctx.s.persona == "analytique":
        gain *= 0.5
    avant = etat.valeur_percue
    etat.valeur_percue = min(VALEUR_PERCUE_MAX, avant + gain)
    raison.update(regle="argument_pertinent", gain=etat.valeur_percue - avant)
    cle = "argument_ok" if c.preuve or ctx.s.persona != "analytique" else "argument_sans_preuve"
    return declencher(ctx, "argument", ctx.repondre("reponse", cle, "intéressé", raison))


def _argument_repete(ctx: Contexte, raison: dict[str, object], entendu: int) -> Reponse:
    """An argument the buyer already heard: no value, patience spent, the buyer notices."""
    ctx.user(COUT_REPETITION * entendu)
    raison.update(regle="argument_repete", repetitions=entendu, gain=0.0)
    emotion = "irrité" if entendu >= 2 else "hésitant"
    return ctx.repondre("reponse", "argument_repete", emotion, raison)


def jouer_recapitulatif(ctx: Contexte) -> Reponse:
    """A summary: signs an agreement it matches, sets up the close otherwise."""
    etat, s = ctx.etat, ctx.s
    base = etat.accord if etat.statut == "accord" else etat.offre_vendeur
    if base is None and not ctx.coup.termes:
        return ctx.repondre("question", "question_offre", "hésitant", {"regle": "pas_d_offre"})
    recap = {**(base or {}), **etat.accords_partiels, **(ctx.coup.termes or {})}
    recap = {e.cle: recap[e.cle] for e in s.enjeux if e.cle in recap}
    etat.recap = en_termes_json(lire_termes(s, recap))
    if etat.statut != "accord":
        return ctx.repondre("reponse", "recap_ok", "neutre", {"regle": "recapitulatif"})
    ecarts = [k for k in etat.accord or {} if etat.recap.get(k) != (etat.accord or {})[k]]
    if not ecarts:
        return signer(ctx, {"regle": "recapitulatif_conforme"})
    ctx.user(0.1)
    return ctx.repondre(
        "reponse",
        "recap_faux",
        "méfiant",
        {"regle": "recapitulatif_non_conforme", "enjeu": ecarts[0]},
        {"enjeu": ctx.libelle(ecarts[0])},
    )


def jouer_rupture(ctx: Contexte) -> Reponse:
    """The seller walks away."""
    ctx.etat.statut = "abandon"
    return ctx.repondre("rupture", "abandon_vendeur", "neutre", {"regle": "abandon_vendeur"})


def jouer_message(ctx: Contexte) -> Reponse:
    """Free text without a structured move: the buyer listens."""
    return ctx.repondre("reponse", "message", "neutre", {"regle": "message_libre"})
