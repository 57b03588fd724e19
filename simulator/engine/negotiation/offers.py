"""Offers, concessions and closing: the buyer checks, models, accepts, objects or counters."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from simulator.engine.negotiation import buyer as ach
from simulator.engine.negotiation.context import Contexte, decrire, en_termes_json, lire_termes
from simulator.engine.negotiation.frame import verifier_cadre
from simulator.engine.negotiation.history import enregistrer_offre
from simulator.engine.negotiation.objections import objection_bloquante, objections_sur_offre
from simulator.engine.negotiation.outcome_space import Termes
from simulator.engine.negotiation.reply import Reponse

SEUIL = 0.005  # utility changes below this are "silent"
PART_EXIGENCE = 0.5  # share of an unconditional concession the buyer adds to its expectations


#: a margin change under half a euro is no move at all
DEMI_EURO = Decimal("0.5")


def jouer_offre(ctx: Contexte) -> Reponse:
    """Handle an offer: full package (after provisional agreements) or an issue-by-issue proposal."""
    brut = {**ctx.etat.accords_partiels, **(ctx.coup.termes or {})}
    brut.update({k: v for k, v in ctx.coup.contrepartie.items() if v is not None})
    return _evaluer(ctx, brut, list(ctx.coup.contrepartie))


def jouer_concession(ctx: Contexte) -> Reponse:
    """Handle a concession: the standing offer with one issue moved, maybe against a counterpart."""
    base = ctx.etat.offre_vendeur or {}
    brut: dict[str, Any] = {
        **ctx.etat.accords_partiels,
        **base,
        str(ctx.coup.enjeu): ctx.coup.valeur,
    }
    brut.update({k: v for k, v in ctx.coup.contrepartie.items() if v is not None})
    return _evaluer(ctx, brut, list(ctx.coup.contrepartie))


def jouer_conclusion(ctx: Contexte) -> Reponse:
    """Handle a closing attempt on the standing offer (or the agreement already reached)."""
    etat = ctx.etat
    if etat.statut == "accord":
        if etat.recap == etat.accord or ctx.coup.technique == "resume":
            return signer(ctx, {"regle": "signature_apres_recapitulatif"})
        return ctx.repondre(
            "question", "recap_demande", "neutre", {"regle": "recapitulatif_requis"}
        )
    if etat.offre_vendeur is None:
        return ctx.repondre("question", "question_offre", "hésitant", {"regle": "pas_d_offre"})
    termes = lire_termes(ctx.s, etat.offre_vendeur)
    u_b, objectif = ctx.esp.u_acheteur(termes), ach.cible_effective(ctx.s, ctx.esp, etat, ctx.t)
    raison = {"regle": "conclusion", "u_offre": u_b, "cible": objectif, "t": ctx.t}
    if u_b + ach.EPS >= objectif or etat.offre_vendeur == etat.contre_offre:
        return _accepter(ctx, termes, raison)
    ctx.user(0.05)
    rep = _contrer(ctx, termes, objectif, raison)
    if (
        rep.type != "contre_offre"
    ):  # the counter fell back on acceptance, maybe blocked by an objection
        return rep
    prefixe = ctx.repondre(
        "contre_offre",
        "conclusion_prematuree",
        "hésitant",
        {},
        {"enjeu": ctx.libelle(rep.raison["enjeu"])},
    )
    rep.texte = prefixe.texte + " " + rep.texte
    return rep


def _evaluer(ctx: Contexte, brut: dict[str, Any], contrepartie: list[str]) -> Reponse:
    """Evaluate a proposal: frame check, partial or full, model update, then accept/object/counter."""
    s, esp, etat = ctx.s, ctx.esp, ctx.etat
    termes = lire_termes(s, brut)
    doute = verifier_cadre(ctx, termes)
    if doute is not None:
        return doute
    if len(termes) < len(s.enjeux):
        return _partielle(ctx, termes)
    avant = None if etat.offre_vendeur is None else lire_termes(s, etat.offre_vendeur)
    u_b, marge = esp.u_acheteur(termes), esp.marge(termes)
    raison: dict[str, Any] = {"regle": "offre", "u_offre": u_b, "t": ctx.t}
    _reagir_au_mouvement(ctx, avant, termes, contrepartie, raison)
    etat.poids_vendeur = ach.maj_modele(etat.poids_vendeur, avant, termes, contrepartie)
    etat.offre_vendeur = en_termes_json(termes)
    _historiser(ctx, "vendeur", termes, u_b, marge, bool(raison.get("conditionnelle")))
    extreme = _offre_extreme(ctx, u_b, raison)
    objection = objections_sur_offre(ctx, termes)
    if objection is not None:
        return _signaler_extreme(ctx, objection) if extreme else objection
    objectif = ach.cible_effective(s, esp, etat, ctx.t)
    raison["cible"] = objectif
    if u_b + ach.EPS >= objectif or etat.offre_vendeur == etat.contre_offre:
        return _accepter(ctx, termes, raison)
    rep = _contrer(ctx, termes, objectif, raison)
    return _signaler_extreme(ctx, rep) if extreme else rep


#: an offer worth less than this share of the buyer's walk-away utility is far outside its region
PART_EXTREME = 0.5
#: patience spent by the n-th extreme offer: n × this (a first anchor is cheap, repeating it is not)
COUT_EXTREME = 0.04


def _offre_extreme(ctx: Contexte, u_b: float, raison: dict[str, Any]) -> bool:
    """Spend patience on an offer far outside the buyer's acceptable region; tell the debrief."""
    seuil = PART_EXTREME * ctx.esp.res_b
    if u_b + ach.EPS >= seuil:
        return False
    ctx.etat.offres_extremes += 1
    ctx.user(COUT_EXTREME * ctx.etat.offres_extremes)
    raison.update(offre_extreme=True, seuil_extreme=seuil, offres_extremes=ctx.etat.offres_extremes)
    return True


def _signaler_extreme(ctx: Contexte, rep: Reponse) -> Reponse:
    """The buyer says the offer is far from anything it can consider, then replies as planned."""
    phrase = ctx.repondre("reponse", "offre_extreme", "méfiant", {}).texte
    rep.texte = f"{phrase} {rep.texte}"
    rep.raison = {**rep.raison, "offre_extreme": True}
    if rep.emotion in ("neutre", "hésitant", "intéressé"):
        rep.emotion = "méfiant"
    return rep


def _reagir_au_mouvement(
    ctx: Contexte,
    avant: Termes | None,
    apres: Termes,
    contrepartie: list[str],
    raison: dict[str, Any],
) -> None:
    """Raise expectations after a free concession, lose patience after a retreat or no move."""
    if avant is None:
        raison["mouvement"] = "ouverture"
        return
    esp, etat = ctx.esp, ctx.etat
    gain = esp.u_acheteur(apres) - esp.u_acheteur(avant)
    reference = lire_termes(ctx.s, etat.contre_offre) if etat.contre_offre else None
    demande = [k for k in contrepartie if _demande_reelle(ctx, k, apres, reference)]
    raison["conditionnelle"] = bool(demande)
    if gain > SEUIL and not demande:
        etat.exigence = min(0.25, etat.exigence + PART_EXIGENCE * gain)
        raison["mouvement"] = "concession_sans_contrepartie"
    elif gain > SEUIL:
        raison["mouvement"] = "concession_conditionnelle"
    elif gain < -SEUIL:
        ctx.user(0.15)
        raison["mouvement"] = "recul"
    elif abs(esp.marge(apres) - esp.marge(avant)) < DEMI_EURO:
        ctx.user(0.08)
        raison["mouvement"] = "immobile"
    else:
        raison["mouvement"] = "echange"


def _demande_reelle(ctx: Contexte, cle: str, apres: Termes, reference: Termes | None) -> bool:
    """Tell whether a counterpart asks the buyer for more than it had granted so far."""
    i = ctx.s.index[cle]
    repere = (
        ctx.esp.cb[i][ctx.esp.chemin[i][0]]
        if reference is None
        else ctx.esp.contribution(i, reference[cle])
    )
    return ctx.esp.contribution(i, apres[cle]) < repere - ach.EPS


def _partielle(ctx: Contexte, termes: Termes) -> Reponse:
    """Agree issue by issue when the rest can still reach the target, else counter on the whole."""
    s, esp, etat = ctx.s, ctx.esp, ctx.etat
    objectif = ach.cible_effective(s, esp, etat, ctx.t)
    fixes = {s.index[k]: v for k, v in termes.items()}
    atteignable = sum(
        esp.contribution(i, fixes[i]) if i in fixes else esp.cb[i][esp.chemin[i][0]]
        for i in range(len(s.enjeux))
    )
    raison = {"regle": "accord_partiel", "atteignable": atteignable, "cible": objectif}
    nouveaux = [k for k in termes if k not in etat.accords_partiels]
    if atteignable + ach.EPS >= objectif:
        etat.accords_partiels.update(en_termes_json(termes))
        libelles = ", ".join(ctx.libelle(k) for k in nouveaux) or "ces points"
        return ctx.repondre(
            "accord_partiel",
            "accord_partiel",
            "intéressé",
            raison,
            {"enjeu": libelles},
            enjeux_acceptes=nouveaux,
        )
    ideal = esp.termes([esp.chemin[i][0] for i in range(len(s.enjeux))])
    enjeu = ach.ecart_principal(esp, termes, ideal)
    raison["enjeu"] = enjeu
    rep = _contrer(ctx, None, objectif, raison)
    if rep.type == "contre_offre":
        gabarit = {
            "enjeu": ctx.libelle(enjeu),
            "termes": decrire(s, lire_termes(s, rep.termes or {})),
        }
        rep.texte = ctx.repondre(
            "contre_offre", "partiel_insuffisant", "hésitant", {}, gabarit
        ).texte
    return rep


def _accepter(ctx: Contexte, termes: Termes, raison: dict[str, Any]) -> Reponse:
    """Accept unless an objection still blocks; sign at once if the recap already matches."""
    bloque = objection_bloquante(ctx, raison)
    if bloque is not None:
        return bloque
    etat = ctx.etat
    etat.statut, etat.accord = "accord", en_termes_json(termes)
    raison["regle"] = raison["regle"] + "_acceptee"
    if etat.recap == etat.accord:
        return signer(ctx, raison)
    return ctx.repondre(
        "accepte",
        "accepte",
        "satisfait",
        raison,
        {"termes": decrire(ctx.s, termes)},
        termes=etat.accord,
    )


def signer(ctx: Contexte, raison: dict[str, Any]) -> Reponse:
    """Conclude: the agreement is formalised."""
    ctx.etat.statut = "conclue"
    return ctx.repondre("signature", "signature", "satisfait", raison, termes=ctx.etat.accord)


def _contrer(
    ctx: Contexte, offre: Termes | None, objectif: float, raison: dict[str, Any]
) -> Reponse:
    """Counter at the target (never above its own last counter), best for the seller as inferred."""
    s, esp, etat = ctx.s, ctx.esp, ctx.etat
    if etat.contre_offre is not None:
        objectif = min(objectif, esp.u_acheteur(lire_termes(s, etat.contre_offre)))
    fixes = {
        s.index[k]: _niveau(ctx, s.index[k], v)
        for k, v in lire_termes(s, etat.accords_partiels).items()
    }
    poids = [etat.poids_vendeur[e.cle] for e in s.enjeux]
    pos = ach.contre_proposition(esp, objectif, poids, ach.plafonds_depuis(esp, offre), fixes)
    contre = esp.termes(pos)
    u_c = esp.u_acheteur(contre)
    if offre is not None and u_c <= esp.u_acheteur(offre) + ach.EPS:
        return _accepter(ctx, offre, raison)
    raison.update(u_contre=u_c, cible=objectif)
    raison.setdefault(
        "enjeu", ach.ecart_principal(esp, offre, contre) if offre else s.enjeux[0].cle
    )
    _historiser(ctx, "acheteur", contre, u_c, esp.marge(contre), False)
    ecart = objectif - (esp.u_acheteur(offre) if offre else 0.0)
    immobile = raison.get("mouvement") == "immobile"
    cle = (
        "contre_offre_immobile"
        if immobile
        else "contre_offre_loin"
        if ecart > 0.25
        else "contre_offre"
    )
    emotion = (
        "irrité"
        if immobile or raison.get("mouvement") == "recul" or ecart > 0.35
        else "hésitant"
        if ecart < 0.1
        else "neutre"
    )
    etat.contre_offre = en_termes_json(contre)
    gabarit = {"termes": decrire(s, contre), "enjeu": ctx.libelle(raison["enjeu"])}
    return ctx.repondre("contre_offre", cle, emotion, raison, gabarit, termes=etat.contre_offre)


def _niveau(ctx: Contexte, i: int, v: Any) -> int:
    """Return the kept level position nearest to value v on issue i."""
    esp = ctx.esp
    valeurs = [esp.enjeux[i].valeurs[k] for k in esp.niveaux[i]]
    if v in valeurs:
        return valeurs.index(v)
    cible = Decimal(str(v))
    return min(range(len(valeurs)), key=lambda p: abs(Decimal(str(valeurs[p])) - cible))


def _historiser(
    ctx: Contexte, camp: str, termes: Termes, u_b: float, marge: Decimal, cond: bool
) -> None:
    """Append an offer to the history used by the concession curves and the debrief."""
    enregistrer_offre(ctx.esp, ctx.etat, camp, termes, u_b, marge, cond)
