"""The frame every offer must respect: legal payment cap, supplier lead time, the buyer's budget."""

from __future__ import annotations

from decimal import Decimal

from simulator.engine.negotiation.context import Contexte
from simulator.engine.negotiation.outcome_space import Termes
from simulator.engine.negotiation.reply import Reponse
from simulator.engine.negotiation.values import ValeurInvalide, afficher


def verifier_cadre(ctx: Contexte, termes: Termes) -> Reponse | None:
    """Doubt offers beyond the legal payment cap, below the supplier lead time or over budget."""
    s = ctx.s
    for e in s.enjeux:
        v = termes.get(e.cle)
        if v is None:
            continue
        if e.nature == "paiement" and int(v) > s.paiement_max_jours:
            return _douter(ctx, "hors_cadre_legal", "doute_legal", e.cle, afficher(e.nature, v))
        if (
            e.nature == "delai"
            and s.delai_min_semaines is not None
            and int(v) < s.delai_min_semaines
        ):
            return _douter(ctx, "offre_intenable", "doute_delai", e.cle, afficher(e.nature, v))
        try:
            ctx.esp.contribution(s.index[e.cle], v)
        except ValeurInvalide:
            return _douter(ctx, "option_inconnue", "option_inconnue", e.cle, str(v))
    montant = montant_ht(ctx, termes)
    if s.acheteur.budget_ht is not None and montant is not None and montant > s.acheteur.budget_ht:
        return _douter(ctx, "hors_budget", "hors_budget", "prix", "")
    return None


def montant_ht(ctx: Contexte, termes: Termes) -> Decimal | None:
    """Return price × quantity of the terms when the setup makes it computable."""
    s, prix = ctx.s, None
    quantite = Decimal(s.quantite_ref)
    for e in s.enjeux:
        v = termes.get(e.cle)
        if v is None:
            continue
        if e.nature == "prix":
            prix = Decimal(v)
        elif e.nature == "remise" and s.prix_catalogue is not None:
            prix = s.prix_catalogue * (1 - Decimal(v) / 100)
        elif e.nature == "quantite":
            quantite = Decimal(v)
    return None if prix is None else prix * quantite


def _douter(ctx: Contexte, regle: str, cle: str, enjeu: str, valeur: str) -> Reponse:
    """The buyer doubts the seller's credibility: méfiant, patience spent, nothing accepted."""
    ctx.user(0.1)
    libelle = ctx.libelle(enjeu) if enjeu in ctx.s.index else enjeu
    return ctx.repondre(
        "objection",
        cle,
        "méfiant",
        {"regle": regle, "enjeu": enjeu},
        {"valeur": valeur, "enjeu": libelle},
    )
