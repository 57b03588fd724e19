"""French utterances of the buyer, per persona, with sane defaults a setup may override."""

from __future__ import annotations

import random

from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.wording import choisir

DEFAUTS: dict[str, tuple[str, ...]] = {
    "fait": ("{fait}",),
    "fait_epuise": (
        "Je crois vous avoir tout dit sur ce point.",
        "Nous en avons déjà parlé.",
        "Là-dessus, je n'ai rien à ajouter.",
        "Je vous ai dit l'essentiel sur ce sujet.",
    ),
    "priorite": (
        "Ce qui compte le plus pour nous : {enjeu}.",
        "Pour nous, le point clé, c'est ce critère : {enjeu}.",
        "Je serai très attentif à ce point : {enjeu}.",
        "Ce que je regarde en premier : {enjeu}.",
    ),
    "priorite_reservee": (
        "Disons que plusieurs critères comptent. Voyons déjà votre proposition.",
        "Je préfère d'abord voir ce que vous proposez.",
        "Plusieurs choses comptent ; faites-moi d'abord une proposition.",
    ),
    "reformulation_ok": (
        "Oui, c'est bien ça.",
        "Exactement, vous avez bien compris.",
        "C'est tout à fait ça.",
        "Oui, vous résumez bien notre situation.",
    ),
    "reformulation_vide": (
        "Hmm… nous n'avons pas encore beaucoup échangé.",
        "Vous allez un peu vite : je ne vous ai encore presque rien dit.",
    ),
    "reformulation_deja": (
        "Oui, vous me l'avez déjà résumé.",
        "C'est ça, nous sommes d'accord là-dessus.",
    ),
    "reformulation_fausse": (
        "Non, nous parlions de {attendu}, pas de {dit}.",
        "Pas du tout : il s'agit de {attendu}, pas de {dit}.",
    ),
    "argument_ok": (
        "Intéressant. Ça répond à une vraie préoccupation chez nous.",
        "Ça, c'est un point qui compte pour nous.",
        "Voilà qui m'intéresse davantage.",
        "D'accord, je retiens cet argument.",
    ),
    "argument_sans_preuve": (
        "Sur le papier, oui. Vous avez des éléments concrets ?",
        "Vous pouvez me le prouver ?",
        "J'aimerais voir des preuves.",
    ),
    "argument_hors_sujet": (
        "Ce n'est pas vraiment ce qui nous préoccupe.",
        "Ce point-là ne nous concerne pas beaucoup.",
        "Je ne vois pas bien le rapport avec notre besoin.",
    ),
    "objection_traitee": (
        "D'accord, vous me rassurez sur ce point.",
        "Bien, ça répond à ma réserve.",
        "Entendu, ce point est réglé pour moi.",
    ),
    "objection_reportee": (
        "Entendu, mais nous y reviendrons.",
        "Soit, mais je n'oublie pas ce point.",
    ),
    "objection_non_traitee": (
        "Je ne suis pas convaincu. {objection}",
        "Ça ne répond pas à ma question. {objection}",
        "Non, ma réserve tient toujours. {objection}",
    ),
    "argument_repete": (
        "Vous me l'avez déjà dit.",
        "Vous me l'avez déjà dit, et ça ne change rien à ma position.",
        "Oui, vous me l'avez déjà dit tout à l'heure.",
    ),
    "offre_extreme": (
        "Soyons sérieux : votre proposition est très loin de ce que nous pouvons envisager.",
        "Là, vous êtes très loin de la réalité du marché : revenez avec une offre crédible.",
    ),
    "objection_inconnue": ("Je n'ai pas soulevé ce point.",),
    "objection": ("{objection}",),
    "objection_liee": (
        "{reponse} Cela dit, j'ai une réserve. {objection}",
        "{reponse} Je vous le dis franchement : {objection_min}",
        "{reponse} Mais j'ai un doute. {objection}",
    ),
    "doute_legal": (
        "{valeur} de délai de paiement ? C'est au-delà de ce que la loi autorise, ça m'étonne de vous.",
        "{valeur} de délai de paiement ? La loi ne le permet pas, vous le savez.",
    ),
    "doute_delai": (
        "{valeur} ? Je doute fort que vous puissiez tenir ce délai.",
        "{valeur}, vraiment ? Je ne vous crois pas capable de livrer si vite.",
    ),
    "hors_budget": (
        "À ce montant, nous dépassons notre budget. Ce n'est pas possible.",
        "Ce montant dépasse notre enveloppe.",
    ),
    "option_inconnue": ("Je ne comprends pas votre proposition sur {enjeu}.",),
    "accepte": (
        "Très bien, c'est d'accord sur ces bases : {termes}.",
        "Entendu, j'accepte : {termes}.",
    ),
    "accepte_recap": (
        "C'est d'accord sur ces bases. Vous me faites un récapitulatif avant de signer ?",
        "Nous y sommes, je crois. Récapitulez-moi l'ensemble avant la signature.",
    ),
    "contre_offre": (
        "Je peux aller jusque-là : {termes}.",
        "Voici ce que je vous propose : {termes}.",
        "Ce que je peux accepter : {termes}.",
        "Faisons un pas chacun : {termes}.",
    ),
    "contre_offre_loin": (
        "Nous sommes encore loin, notamment sur {enjeu}. Je vous propose : {termes}.",
        "Sur {enjeu}, l'écart reste important. Ma proposition : {termes}.",
        "Je ne peux pas vous suivre sur {enjeu}. Voilà où j'en suis : {termes}.",
    ),
    "contre_offre_immobile": (
        "Vous ne bougez pas ? Je maintiens : {termes}.",
        "Si vous ne faites pas de pas, je reste sur ma position : {termes}.",
        "Sans geste de votre part, je garde ma proposition : {termes}.",
    ),
    "accord_partiel": (
        "Sur {enjeu}, c'est d'accord. Voyons le reste.",
        "Pour {enjeu}, ça me va. Passons à la suite.",
        "Va pour {enjeu}. Et pour le reste ?",
    ),
    "partiel_insuffisant": (
        "Sur {enjeu}, ça ne me va pas. Regardons l'ensemble : {termes}.",
        "{enjeu_maj} : ce n'est pas suffisant. Je propose plutôt : {termes}.",
    ),
    "question_offre": (
        "Que me proposez-vous exactement ?",
        "Quelle est votre offre, concrètement ?",
        "Faites-moi d'abord une proposition chiffrée.",
    ),
    "conclusion_prematuree": (
        "Pas si vite. Sur {enjeu}, nous n'y sommes pas.",
        "Attendez, sur {enjeu} nous ne sommes pas d'accord.",
        "Je ne signe pas encore : {enjeu} ne me convient pas.",
    ),
    "recap_demande": (
        "Avant de signer, récapitulez-moi ce que nous avons convenu.",
        "Pouvez-vous me résumer notre accord avant de signer ?",
    ),
    "recap_ok": ("C'est bien ça.", "Oui, c'est ce que nous avons dit.", "Je confirme."),
    "recap_faux": (
        "Ce n'est pas ce que nous avons convenu, sur {enjeu}.",
        "Non, sur {enjeu}, ce n'est pas ce que nous avons dit.",
    ),
    "signature": ("Parfait, je signe le bon de commande.", "Très bien, je signe."),
    "rupture_patience": (
        "Je crois que nous perdons notre temps. Nous en resterons là.",
        "Je préfère arrêter ici, nous n'avançons pas.",
    ),
    "rupture_temps": (
        "Je dois vous laisser, nous n'avons pas abouti.",
        "Je n'ai plus de temps, nous en resterons là pour aujourd'hui.",
    ),
    "abandon_vendeur": ("Dommage. Au revoir.", "Tant pis. Au revoir."),
    "message": ("Je vous écoute.", "Oui ?", "Allez-y, je vous écoute.", "Continuez."),
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


def replique(
    s: NegotiationSetup,
    cle: str,
    rng: random.Random,
    deja: set[str] | frozenset[str] = frozenset(),
    **champs: str,
) -> str:
    """Pick the utterance: the setup's override, else the persona's and the default ones; a new one.

    The starting formulation is drawn from the turn's generator (deterministic); the next ones are
    tried in order while the filled text was already said in this negotiation (`deja`).
    """
    modeles = s.repliques.get(cle) or (PAR_PERSONA[s.persona].get(cle, ()) + DEFAUTS[cle])
    if "enjeu" in champs:
        champs.setdefault("enjeu_maj", champs["enjeu"][:1].upper() + champs["enjeu"][1:])
    return choisir(modeles, rng.randrange(len(modeles)), set(deja), champs)
