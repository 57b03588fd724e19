"""French utterances of the buyer, per persona, with sane defaults a setup may override."""

from __future__ import annotations

import random

from simulator.engine.negotiation.setup import NegotiationSetup

DEFAUTS: dict[str, tuple[str, ...]] = {
    "fait": ("{fait}",),
    "fait_epuise": ("Je crois vous avoir tout dit sur ce point.", "Nous en avons déjà parlé."),
    "priorite": (
        "Ce qui compte le plus pour nous : {enjeu}.",
        "Pour nous, le point clé, c'est : {enjeu}.",
    ),
    "priorite_reservee": (
        "Disons que plusieurs critères comptent. Voyons déjà votre proposition.",
    ),
    "reformulation_ok": ("Oui, c'est bien ça.", "Exactement, vous avez bien compris."),
    "reformulation_vide": ("Hmm… nous n'avons pas encore beaucoup échangé.",),
    "argument_ok": ("Intéressant. Ça répond à une vraie préoccupation chez nous.",),
    "argument_sans_preuve": ("Sur le papier, oui. Vous avez des éléments concrets ?",),
    "argument_hors_sujet": ("Ce n'est pas vraiment ce qui nous préoccupe.",),
    "argument_repete": (
        "Vous me l'avez déjà dit.",
        "Vous me l'avez déjà dit, et ça ne change rien à ma position.",
    ),
    "offre_extreme": (
        "Soyons sérieux : votre proposition est très loin de ce que nous pouvons envisager.",
    ),
    "objection_traitee": ("D'accord, vous me rassurez sur ce point.",),
    "objection_reportee": ("Entendu, mais nous y reviendrons.",),
    "objection_non_traitee": ("Je ne suis pas convaincu. {objection}",),
    "objection_inconnue": ("Je n'ai pas soulevé ce point.",),
    "objection": ("{objection}",),
    "doute_legal": (
        "{valeur} de délai de paiement ? C'est au-delà de ce que la loi autorise, ça m'étonne de vous.",
    ),
    "doute_delai": ("{valeur} ? Je doute fort que vous puissiez tenir ce délai.",),
    "hors_budget": ("À ce montant, nous dépassons notre budget. Ce n'est pas possible.",),
    "option_inconnue": ("Je ne comprends pas votre proposition sur {enjeu}.",),
    "accepte": ("Très bien, c'est d'accord sur ces bases : {termes}.",),
    "accepte_recap": (
        "C'est d'accord sur ces bases. Vous me faites un récapitulatif avant de signer ?",
    ),
    "contre_offre": (
        "Je peux aller jusque-là : {termes}.",
        "Voici ce que je vous propose : {termes}.",
    ),
    "contre_offre_loin": (
        "Nous sommes encore loin, notamment sur {enjeu}. Je vous propose : {termes}.",
    ),
    "contre_offre_immobile": ("Vous ne bougez pas ? Je maintiens : {termes}.",),
    "accord_partiel": ("Sur {enjeu}, c'est d'accord. Voyons le reste.",),
    "partiel_insuffisant": ("Sur {enjeu}, ça ne me va pas. Regardons l'ensemble : {termes}.",),
    "question_offre": ("Que me proposez-vous exactement ?",),
    "conclusion_prematuree": ("Pas si vite. Sur {enjeu}, nous n'y sommes pas.",),
    "recap_demande": ("Avant de signer, récapitulez-moi ce que nous avons convenu.",),
    "recap_ok": ("C'est bien ça.",),
    "recap_faux": ("Ce n'est pas ce que nous avons convenu, sur {enjeu}.",),
    "signature": ("Parfait, je signe le bon de commande.",),
    "rupture_patience": ("Je crois que nous perdons notre temps. Nous en resterons là.",),
    "rupture_temps": ("Je dois vous laisser, nous n'avons pas abouti.",),
    "abandon_vendeur": ("Dommage. Au revoir.",),
    "message": ("Je vous écoute.",),
    "termine": ("L'entretien est terminé.",),
}

PAR_PERSONA: dict[str, dict[str, tuple[str, ...]]] = {
    "directif": {
        "contre_offre": ("Soyons efficaces : {termes}. C'est à prendre ou à laisser… presque.",),
        "contre_offre_loin": ("Non. Sur {enjeu} vous êtes hors course. Ma position : {termes}.",),
        "argument_hors_sujet": ("Allez à l'essentiel, s'il vous plaît.",),
        "message": ("Et concrètement ?",),
        "accepte": ("Bien. Marché conclu : {termes}.",),
    },
    "analytique": {
        "argument_sans_preuve": ("Avez-vous des chiffres, un essai, une fiche technique ?",),
        "contre_offre": ("J'ai fait mes calculs : {termes}.",),
        "contre_offre_loin": (
            "Les chiffres ne collent pas, surtout sur {enjeu}. Je propose : {termes}.",
        ),
        "accepte": ("Les chiffres tiennent. D'accord : {termes}.",),
    },
    "aimable": {
        "reformulation_ok": ("Oui, c'est tout à fait ça, merci de m'avoir écouté.",),
        "contre_offre": ("J'aimerais qu'on trouve un terrain d'entente : {termes} ?",),
        "contre_offre_loin": (
            "Ça me met un peu mal à l'aise, surtout sur {enjeu}. Pourriez-vous : {termes} ?",
        ),
        "accepte": ("Avec plaisir, je suis content qu'on y arrive : {termes}.",),
    },
    "expressif": {
        "argument_ok": ("Ah, ça me plaît ! C'est exactement l'image que nous voulons donner.",),
        "contre_offre": ("Allez, faisons simple : {termes} !",),
        "accepte": ("Génial, on y va : {termes} !",),
    },
}


class _Defaut(dict):  # type: ignore[type-arg]
    """format_map helper that leaves unknown placeholders empty."""

    def __missing__(self, cle: str) -> str:
        return ""


def replique(s: NegotiationSetup, cle: str, rng: random.Random, **champs: str) -> str:
    """Pick the utterance for a situation: setup override, then persona, then default."""
    modeles = s.repliques.get(cle) or PAR_PERSONA[s.persona].get(cle) or DEFAUTS[cle]
    return rng.choice(modeles).format_map(_Defaut(champs))
