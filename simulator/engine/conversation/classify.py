"""Curated French patterns (on normalised text) for the move type and its sub-label."""

from __future__ import annotations

import re

from simulator.engine.conversation.context import ConversationContext


def _r(*motifs: str) -> re.Pattern[str]:
    return re.compile("|".join(motifs))


RUPTURE = _r(
    r"\bs'arret",
    r"mettre fin",
    r"je vous laisse(?: ,| au revoir|$|,)",
    r"au revoir",
    r"je me retire",
    r"on en reste la",
    r"je quitte",
    r"prefere partir",
    r"pas y arriver",
    r"c'est mort",
    r"on arretera",
    r"pas d'accord possible",
)
AVANTAGE = _r(
    r"\bsi (?:vous|on) (?:signez|signe|validez|valide|commandez|passez commande|"
    r"confirmez)\w* (?:aujourd|maintenant|avant|cette semaine|ce soir|tout de suite|des )",
    r"commande passee (?:cette semaine|aujourd)",
    r"valable (?:seulement|uniquement) " r"aujourd",
    r"\boffre valable\b",
)
DEMANDE = _r(
    r"on signe",
    r"\bsigner\b",
    r"signe la dessus",
    r"on valide",
    r"passe commande",
    r"passer commande",
    r"conclu",
    r"fais signer",
    r"on y va \?",
    r"on part la dessus",
)
RESUME = _r(
    r"pour resumer",
    r"en resume",
    r"recapitule",
    r"donc on a dit",
    r"pour recapituler",
    r"si on resume",
)
ALTERNATIVE = _r(r"\bou\b.*\?|\bou\b.*(?:prefere|arrange)|(?:prefere|arrange)\w*.*\bou\b")
ALTERNATIVE_OBJET = _r(
    r"prefere", r"arrange", r"version", r"livr", r"install", r"\bpayez\b", r"virement", r"cheque"
)
IMPLICITE = _r(
    r"je note (?:l'adresse|votre|la date)",
    r"bon de commande",
    r"je lance la commande",
    r"je bloque",
    r"confirmation de commande",
    r"je vous envoie le contrat",
    r"je prepare le contrat",
)
DIRECTE = _r(
    r"on signe",
    r"on valide",
    r"valider la commande",
    r"passer commande",
    r"fait affaire",
    r"on conclut",
    r"conclure",
    r"voulez signer",
    r"signer maintenant",
    r"on part sur ces bases",
    r"on y va \?",
    r"marche conclu",
)
RECAP = _r(
    r"\brecapitule",
    r"faisons le point",
    r"je fais le point",
    r"recapitulons",
    r"si je resume ce qu'on",
    r"pour recapituler",
)
REFORMULATION = _r(
    r"si je (?:te |vous )?comprends? bien",
    r"si j'ai bien compris",
    r"\ben gros\b",
    r"autrement dit",
    r"si je vous suis",
    r"si je reformule",
    r"vous me dites",
    r"en resume vous",
    r"c'est bien ca",
    r"c'est ca",
    r"si je resume",
    r"\bdonc (?:vous|c'est|un|une|il|en|votre|ce)\b",
    r"vous voulez dire",
    r"si je comprends",
    r"je reformule",
)
TECHNIQUES = (
    (
        "report",
        _r(
            r"on y revien",
            r"j'y revien",
            r"je reviens sur",
            r"on en (?:re)?parle\w* " r"(?:plus tard|apres|a la fin|ensuite)",
            r"plus tard",
            r"dans un instant",
            r"on en reparle",
        ),
    ),
    (
        "appui",
        _r(
            r"vous m'avez dit",
            r"comme vous (?:me )?l'avez dit",
            r"vous disiez",
            r"d'apres ce que vous",
            r"vous l'avez dit",
            r"comme vous me l'avez dit",
            r"vous m'avez explique",
            r"comme vous le disiez",
        ),
    ),
    (
        "boomerang",
        _r(r"justement", r"precisement la raison", r"c'est parce que .* que", r"c'est pour ca qu"),
    ),
    (
        "temoignage",
        _r(
            r"\bclients?\b",
            r"societe [a-z]+",
            r"entreprise",
            r"industriels",
            r"reference",
            r"son contact",
            r"en relation",
            r"temoign",
        ),
    ),
    ("compensation", _r(r"compens", r"en contrepartie", r"par contre", r"en revanche", r"certes")),
    (
        "oui_mais",
        _r(
            r"(?:\boui\b|je comprends|c'est vrai|effectivement|tout a fait|je vous "
            r"l'accorde|vous avez raison).*\bmais\b"
        ),
    ),
    (
        "reformulation",
        _r(
            r"si je (?:vous )?comprends",
            r"si je vous suis",
            r"vous trouvez",
            r"c'est ca",
            r"c'est bien ca",
            r"vous voulez dire",
            r"quand vous dites",
            r"que faudra",
            r"qu'est-ce qu'il faudrait",
            r"vous semble",
            r"vous parait",
        ),
    ),
)
SUJETS_OBJECTION = {
    "prix": _r(r"\bprix\b", r"\bcher", r"tarif", r"trop haut", r"plus eleve", r"\bcout"),
    "concurrent": _r(r"fournisseur", r"concurren"),
    "delai": _r(
        r"(?:\ble|\bnotre|\bvotre|\bdu|sur le) delai\b(?! max| de paiement)",
        r"planning",
        r"trop long",
        r"delai (?:est|trop|serre|ne)",
    ),
    "decision": _r(
        r"associe", r"en parler a", r"(?:pour qu'il|doit|faudra\w*).*valid", r"votre direction doit"
    ),
    "fiabilite": _r(r"fiabilite", r"jamais installe"),
    "risque": _r(r"compatib", r"installation existante"),
    "budget": _r(r"pas de budget", r"hors budget", r"depasse"),
}
QUESTION = _r(
    r"\?",
    r"^(?:quel|quelle|quels|quelles|combien|qui|quand|comment|pourquoi|est-ce|"
    r"est ce|qu'est|ou |vous avez|avez-vous|pouvez|c'est quoi|c'est qui|c'est pour|"
    r"expliquez|dites)",
    r"\bc'est quoi\b",
    r"\bc'est qui\b",
    r"^vous (?:etes|voulez|" r"pensiez|preferez|attendez|auriez)",
    r"\bdecrire\b",
)
THEMES = (
    (
        "concurrence",
        _r(
            r"rexalec",
            r"elec-?pro",
            r"concurren",
            r"fournisseur",
            r"travaillez avec qui",
            r"une proposition",
            r"une offre d",
        ),
    ),
    (
        "budget",
        _r(
            r"budget",
            r"enveloppe",
            r"investir",
            r"montant",
            r"mettre combien",
            r"combien .* (?:mettre|depenser)",
        ),
    ),
    (
        "decideurs",
        _r(
            r"\bqui\b.*(?:decid|valid|sign|intervien|accord|prend)",
            r"decision",
            r"decideur",
            r"decisionnaire",
            r"\bsigner\b",
            r"directeur",
            r"decidez",
            r"qui d'autre",
        ),
    ),
    (
        "criteres",
        _r(
            r"critere",
            r"important",
            r"compte le plus",
            r"priorite",
            r"exigeant",
            r"preferez",
            r"preference",
            r"conditions de paiement",
            r"paiement",
            r"\bremise\b",
            r"garantie",
            r"attendez",
            r"choisir",
            r"attachez",
            r"importance",
            r"payer a combien",
        ),
    ),
    (
        "delai",
        _r(
            r"\bquand\b",
            r"\bdate\b",
            r"planning",
            r"\bdelai\b",
            r"semaines",
            r"\blivre",
            r"livraison",
            r"mise en service",
            r"echeance",
        ),
    ),
    (
        "besoin",
        _r(
            r"besoin",
            r"projet",
            r"atelier",
            r"combien de",
            r"surface",
            r"probleme",
            r"postes",
            r"eclairage",
            r"plaignent",
            r"decrire",
            r"expliquez",
        ),
    ),
)
MOTIVATIONS = (
    (
        "argent",
        _r(
            r"econom",
            r"factur",
            r"rentab",
            r"rembours",
            r"prime",
            r"\bcout",
            r"frais",
            r"moins cher",
            r"€",
            r"retour sur investissement",
            r"investissement",
            r"milliers",
        ),
    ),
    (
        "securite",
        _r(
            r"fiab",
            r"garanti",
            r"certifi",
            r"risque",
            r"norme",
            r"securit",
            r"tranquill",
            r"panne",
            r"protege",
            r"robuste",
            r"teste",
            r"\bip6",
            r"heures",
            r"remplacement",
            r"sans changer",
        ),
    ),
    (
        "orgueil",
        _r(
            r"vitrine",
            r"image",
            r"prestige",
            r"haut de gamme",
            r"leader",
            r"premier",
            r"fier",
            r"valoris",
            r"impression",
            r"grands industriels",
        ),
    ),
    (
        "nouveaute",
        _r(
            r"nouveau",
            r"nouvelle",
            r"nouveaute",
            r"derniere generation",
            r"innov",
            r"recent",
            r"techno",
            r"connect",
            r"pilotable",
            r"intelligent",
            r"vient d'etre lance",
            r"futur",
            r"communiquent",
        ),
    ),
    (
        "confort",
        _r(
            r"simple",
            r"facile",
            r"pratique",
            r"rien a faire",
            r"cle en main",
            r"gagn\w* du temps",
            r"confort",
            r"fatigue",
            r"on s'occupe",
            r"on gere",
            r"en stock",
            r"seul interlocuteur",
            r"entretenir",
            r"occuper de rien",
        ),
    ),
    (
        "sympathie",
        _r(
            r"relation",
            r"confiance",
            r"proche",
            r"local",
            r"votre interlocuteur",
            r"m'appeler",
            r"plaisir",
            r"partenariat",
            r"connai",
            r"disponible",
            r"compter sur moi",
        ),
    ),
    (
        "environnement",
        _r(
            r"co2",
            r"carbone",
            r"recycl",
            r"ecolog",
            r"planete",
            r"\brse\b",
            r"environnemental",
            r"pour l'environnement",
            r"durable",
            r"mercure",
            r"dechets",
            r"eco-?con",
        ),
    ),
)
MESSAGE = _r(
    r"^(?:bonjour|bonsoir|salut|merci|ok|d'accord|tres bien|enchante|ravi|excusez|"
    r"desole|pardon|super|parfait|entendu)\b",
    r"il fait beau",
    r"carte de visite",
    r"regarde ensemble",
    r"\bcafe\b",
    r"je vois\b",
    r"pas compris",
)
PROPOSITION = _r(
    r"je (?:vous )?propose",
    r"\bon (?:vous )?propose",
    r"nous (?:vous )?proposons",
    r"je vous (?:le |la )?fais",
    r"je peux vous faire",
    r"on peut (?:vous )?(?:faire|" r"partir|livrer)",
    r"notre offre",
    r"ma proposition",
    r"\bl'offre\b",
    r"on part sur",
    r"je vous mets",
    r"je vous inclus",
    r"ok pour nous",
    r"c'est notre offre",
    r"je peux",
    r"je vous livre",
)
MOUVEMENT = _r(
    r"descend",
    r"au lieu de",
    r"je vous accorde",
    r"je vous offre",
    r"un geste",
    r"jusqu'a",
    r"je baisse",
    r"je monte",
    r"\bbaisser\b",
    r"\bmonter\b",
    r"fais un effort",
    r"passe a",
    r"de plus",
    r"\bsoit\b",
    r"j'accorde",
    r"je vous enleve",
    r"j'enleve",
    r"je supprime",
    r"allez",
    r"je passe",
)
CONDITION = re.compile(
    r"\b(?:si vous|si tu|en echange d(?:e |'|u )|a condition (?:que|de|d')|"
    r"en contrepartie d(?:e |'|u )|moyennant)"
)
DESCRIPTIF = _r(
    r"\best de \d",
    r"constructeur",
    r"\bcontre \d",
    r"chez nous c'est",
    r"de serie",
    r"tiennent",
    r"vous propose \d.*chez",
)


def sujet_objection(t: str, ctx: ConversationContext) -> str | None:
    """The objection id the sentence is about (its kind's words), or None."""
    for obj in ctx.objections:
        motif = SUJETS_OBJECTION.get(obj.kind)
        if motif is not None and motif.search(t):
            return obj.id
    return None


def technique_objection(t: str) -> str | None:
    for nom, motif in TECHNIQUES:
        if motif.search(t):
            return nom
    return None


def theme_question(t: str) -> str | None:
    scores = {nom: len(motif.findall(t)) for nom, motif in THEMES}
    if "budget" in t:
        scores["budget"] += 2
    if "critere" in t:
        scores["criteres"] += 2
    meilleur = max(scores.values())
    if meilleur == 0:
        return None
    return next(nom for nom, _ in THEMES if scores[nom] == meilleur)


def motivation(t: str) -> str | None:
    scores = {nom: len(motif.findall(t)) for nom, motif in MOTIVATIONS}
    meilleur = max(scores.values())
    if meilleur == 0:
        return None
    return next(nom for nom, _ in MOTIVATIONS if scores[nom] == meilleur)


def conclusion(t: str) -> str | None:
    if re.search(r"\bqui (?:signe|valide|decide|prend)|c'est vous qui|^qui\b", t):
        return None
    if AVANTAGE.search(t):
        return "avantage_immediat"
    if RESUME.search(t) and DEMANDE.search(t):
        return "resume"
    if (
        ALTERNATIVE.search(t)
        and ALTERNATIVE_OBJET.search(t)
        and not re.search(r"\bquoi\b|important|importance|combien|plutot", t)
    ):
        return "alternative"
    if IMPLICITE.search(t):
        return "implicite"
    if DIRECTE.search(t):
        return "directe"
    return None


def condition_span(t: str) -> tuple[int, int] | None:
    """Where the buyer's side of a « si vous…, je… » exchange lies in the sentence."""
    m = CONDITION.search(t)
    if not m:
        return None
    fin = re.compile(r",|\b(?:alors |je |j'|on |nous )").search(t, m.end())
    return m.start(), (fin.start() if fin else len(t))
