"""The buyer's hidden reasons in sentences: the trainer's replay and the jury's live page."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from simulator.engine.negotiation import NegotiationSetup
from simulator.engine.negotiation import vocabulary as voc

#: the rule the buyer's engine fired, as a trainer would say it
RULES = {
    "decouverte": _l("répond à une question de découverte"),
    "priorite_revelee": _l("révèle une de ses priorités (la confiance le permet)"),
    "priorite_reservee": _l("garde ses priorités pour lui (pas encore assez de confiance)"),
    "fait_epuise": _l("n'a plus rien à apprendre sur ce thème"),
    "reformulation_validee": _l("reformulation validée : la confiance monte"),
    "reformulation_vide": _l("reformulation sans contenu : hésite"),
    "argument_pertinent": _l("argument sur une motivation réelle : la valeur perçue monte"),
    "argument_hors_sujet": _l("argument hors de ses motivations : la patience baisse"),
    "objection_traitee": _l("objection levée par une technique adaptée"),
    "objection_anticipee": _l("objection désamorcée avant d'être formulée"),
    "objection_mal_traitee": _l("technique inadaptée : l'objection reste"),
    "objection_reportee": _l("objection pas encore exprimée : réponse prématurée"),
    "deja_traitee": _l("objection déjà levée : rien de neuf"),
    "objection_sur_offre": _l("l'offre réveille une objection de la situation"),
    "objection_bloquante": _l("une objection non traitée bloque la conclusion"),
    "offre": _l("compare l'offre à son objectif du moment"),
    "offre_acceptee": _l("l'offre atteint son objectif : il accepte"),
    "conclusion": _l("tentative de conclusion comparée à son objectif"),
    "conclusion_acceptee": _l("la conclusion atteint son objectif : il accepte"),
    "accord_partiel": _l("accord sur certains enjeux, les autres restent ouverts"),
    "pas_d_offre": _l("aucune offre sur la table : il demande une proposition"),
    "recapitulatif_requis": _l("attend un récapitulatif avant de signer"),
    "recapitulatif": _l("récapitulatif entendu"),
    "recapitulatif_conforme": _l("récapitulatif conforme à l'accord : il signe"),
    "recapitulatif_non_conforme": _l("le récapitulatif ne correspond pas à l'accord"),
    "signature_apres_recapitulatif": _l("signe après le récapitulatif"),
    "message_libre": _l("message libre : sans effet sur la négociation"),
    "patience_epuisee": _l("patience épuisée : il rompt"),
    "temps_ecoule": _l("temps écoulé"),
    "abandon_vendeur": _l("le vendeur met fin à l'entretien"),
    "negociation_terminee": _l("la négociation est déjà terminée"),
}
MOVEMENTS = {
    "ouverture": _l("offre d'ouverture"),
    "concession_conditionnelle": _l("concession avec contrepartie : ses exigences ne montent pas"),
    "concession_sans_contrepartie": _l("concession sans contrepartie : ses exigences montent"),
    "echange": _l("échange entre enjeux"),
    "recul": _l("recul sur l'offre précédente : la patience baisse"),
    "immobile": _l("offre répétée sans mouvement : la patience baisse"),
}


def _pct(value: Any) -> str:
    return f"{float(value) * 100:.0f} %"


def reasons(raison: dict[str, Any], setup: NegotiationSetup) -> list[str]:
    """The buyer's hidden reason for a reply, in French lines a trainer can read."""
    rule = raison.get("regle", "")
    lines = [str(RULES.get(rule, rule.replace("_", " ")))] if rule else []
    if raison.get("mouvement") in MOVEMENTS:
        lines.append(str(MOVEMENTS[raison["mouvement"]]))
    if "u_offre" in raison:
        target = f" ({_('son objectif')} {_pct(raison['cible'])})" if "cible" in raison else ""
        lines.append(
            _("Satisfaction de l'acheteur pour cette offre : %(u)s", u=_pct(raison["u_offre"]))
            + target
        )
    if "u_contre" in raison:
        lines.append(_("Sa contre-proposition lui vaut %(u)s", u=_pct(raison["u_contre"])))
    if raison.get("enjeu") in setup.index:
        lines.append(_("Enjeu : %(e)s", e=setup.enjeux[setup.index[raison["enjeu"]]].libelle))
    if raison.get("motivation"):
        lines.append(
            _(
                "Motivation visée : %(m)s",
                m=voc.MOTIVATIONS.get(raison["motivation"], raison["motivation"]),
            )
        )
    if raison.get("gain"):
        lines.append(
            _(
                "Valeur perçue : +%(g)s points",
                g=f"{float(raison['gain']) * 100:.1f}".replace(".", ","),
            )
        )
    if raison.get("attendues"):
        lines.append(
            _(
                "Techniques attendues : %(t)s",
                t=", ".join(voc.TECHNIQUES_OBJECTION.get(t, t) for t in raison["attendues"]),
            )
        )
    return lines
