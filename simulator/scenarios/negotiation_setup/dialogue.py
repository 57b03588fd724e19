"""The conversation side of the setup: objections, discoverable facts and the buyer's utterances."""

from __future__ import annotations

import random
import re
from decimal import ROUND_DOWN, Decimal
from typing import Any

from simulator.engine.negotiation.setup import Fait, Objection
from simulator.engine.negotiation.utterances import DEFAUTS, PAR_PERSONA
from simulator.engine.negotiation.wording import compte

#: objection kind -> (engine theme, accepted techniques, trigger, issue it bears on)
OBJECTIONS: dict[str, tuple[str, tuple[str, ...], str, str | None]] = {
    "prix": ("prix", ("compensation", "boomerang", "oui_mais"), "offre", "remise_pct"),
    "concurrent": ("concurrence", ("compensation", "temoignage", "appui"), "offre", None),
    "delai": (
        "delai",
        ("compensation", "oui_mais", "reformulation"),
        "offre",
        "delai_livraison_semaines",
    ),
    "fiabilite": ("risque", ("temoignage", "appui"), "argument", None),
    "risque": ("risque", ("temoignage", "appui", "reformulation"), "argument", None),
    "sav": ("risque", ("temoignage", "compensation"), "cloture", None),
    "decision": ("decision", ("reformulation", "appui"), "cloture", None),
    "besoin": ("besoin", ("reformulation", "appui"), "debut", None),
}
AUTRES_ROLES = ("decideur", "prescripteur", "utilisateur")  # buying-centre voices the buyer relays
MAX_OBJECTIONS = 4
ROLES = {"decideur": "décideur", "prescripteur": "prescripteur"}
#: snapshot utterance keys (per persona) -> engine reply keys; suffixes keep the engine's fields
REPLIQUES: dict[str, tuple[str, str]] = {
    "acceptance": ("accepte", "Sur ces bases : {termes}."),
    "counter_offer": ("contre_offre", "Ma proposition : {termes}."),
    "refusal": ("contre_offre_loin", "Sur {enjeu}, nous sommes loin. Je propose : {termes}."),
    "walk_away": ("rupture_patience", ""),
}


def produit_pluriel(designation: str) -> str:
    """The counted product as a buyer says it: « Borne de recharge 22 kW » -> « bornes »."""
    mots = designation.split()
    if not mots:
        return ""
    mot = mots[0].lower()
    if mot.endswith(("s", "x", "z")):
        return mot
    if mot.endswith(("eau", "eu")):
        return mot + "x"
    return mot + "s"


#: third-person subjects of the packs' need contexts, said by the buyer in the first person
PREMIERE_PERSONNE: tuple[tuple[str, str], ...] = (
    (r"^Un client (\w+) de l'installateur", r"Un de nos clients du \1"),
    (r"^L'acheteur renégocie chaque année ses", "Je renégocie chaque année nos"),
    (r"^L'entreprise\b", "Notre entreprise"),
    (r"^Le transporteur\b", "Notre entreprise"),
    (r"^La plateforme\b", "Notre plateforme"),
    (r"^L'entrepôt\b", "Notre entrepôt"),
    (r"^Le poste\b", "Notre poste"),
    (r"^Le TGBT\b", "Notre TGBT"),
    (r"^Le CSE\b", "Notre CSE"),
    (r"^Les équipes\b", "Nos équipes"),
    (r"^L'éclairage\b", "Notre éclairage"),
    (r"^Les volumes\b", "Nos volumes"),
    (r"^Les démarreurs\b", "Nos démarreurs"),
    (r"\bl'entreprise\b", "notre entreprise"),
    (r"\bla direction\b", "notre direction"),
    (r"\bla maintenance\b", "notre maintenance"),
    (r"\bde l'atelier\b", "de notre atelier"),
    (r"\bde l'entrepôt\b", "de notre entrepôt"),
    (r"\bses compagnons\b", "nos compagnons"),
    (r"\bses chauffeurs\b", "nos chauffeurs"),
    (r"\bpour son image\b", "pour notre image"),
    (r"^(Notre plateforme \w+) ses\b", r"\1 nos"),
)


def premiere_personne(texte: str) -> str:
    """A need context as the buyer tells it (« Notre entreprise… », « notre direction… »)."""
    for motif, remplacement in PREMIERE_PERSONNE:
        texte = re.sub(motif, remplacement, texte)
    return texte


def _contacts(snapshot: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The buyer contact and the others of the buying centre."""
    cid = snapshot["buyer"]["contact_id"]
    contacts = snapshot["client"]["contacts"]
    acheteur = next(c for c in contacts if c["id"] == cid)
    return acheteur, [c for c in contacts if c["id"] != cid]


def objections(
    snapshot: dict[str, Any], reservation: dict[str, Any], issues: set[str]
) -> tuple[Objection, ...]:
    """The buyer's own objections, then the buying centre's (relayed) on other kinds, at most 4."""
    acheteur, autres = _contacts(snapshot)
    choisies: list[tuple[dict[str, Any], dict[str, Any]]] = [
        (acheteur, o) for o in acheteur["objections"]
    ]
    vues = {o["kind"] for _, o in choisies}
    for role in AUTRES_ROLES:
        for c in autres:
            if c["role"] != role:
                continue
            for o in c["objections"]:
                if (
                    o["kind"] not in vues
                    and OBJECTIONS.get(o["kind"], ("",) * 3 + (None,))[2] != "debut"
                ):
                    choisies.append((c, o))
                    vues.add(o["kind"])
    resultat = []
    for n, (c, o) in enumerate(choisies[:MAX_OBJECTIONS], start=1):
        theme, techniques, declencheur, enjeu = OBJECTIONS.get(
            o["kind"], (o["kind"], ("reformulation", "appui"), "offre", None)
        )
        if enjeu not in issues:
            enjeu = None
        texte = (
            o["text"]
            if c is acheteur
            else (f"{c['first_name']} {c['last_name']} ({c['job_title']}) me dit : « {o['text']} »")
        )
        levee: Decimal | int | None = None if enjeu is None else Decimal(str(reservation[enjeu]))
        if enjeu == "delai_livraison_semaines" and levee is not None:
            levee = int(levee)
        resultat.append(
            Objection(
                id=f"{o['kind']}-{n}",
                theme=theme,
                texte=texte,
                techniques=techniques,
                declencheur=declencheur,
                enjeu=enjeu,
                levee_si=levee,
            )
        )
    return tuple(resultat)


def _remplir(modele: str, champs: dict[str, str]) -> str:
    """Fill a snapshot utterance's placeholders."""
    for k, v in champs.items():
        modele = modele.replace("{" + k + "}", v)
    return modele


def _euros(montant: Decimal) -> str:
    """A rounded French amount for what a buyer would say (« environ 5 800 € HT »)."""
    arrondi = (montant / 100).to_integral_value(rounding=ROUND_DOWN) * 100
    return f"{int(arrondi):,}".replace(",", " ") + " € HT"


#: how the buyer answers a budget question: refuses, stays vague, or states a figure (a bluff)
PART_REFUS, PART_FLOU = 0.15, 0.2
#: a stated budget is the hidden ceiling lowered by a share drawn in this range, then rounded down
DECOTE_BUDGET = (0.06, 0.2)


def budget_annonce(
    graine: int, plafond: Decimal, budget: Decimal
) -> tuple[str, Decimal | None, str]:
    """The buyer's answer to « quel est votre budget ? »: (mode, stated amount, French sentence).

    A negotiating statement, never a reliable read of the walk-away price: seeded from the
    situation's seed, it is refused (PART_REFUS), vague (PART_FLOU) or a figure drawn below the
    hidden price ceiling (itself ≤ the client's budget) by DECOTE_BUDGET, rounded down to the
    hundred — so it never equals the ceiling.
    """
    rng = random.Random(f"budget-annonce:{graine}")
    tirage, decote = rng.random(), rng.uniform(*DECOTE_BUDGET)
    if tirage < PART_REFUS:
        return (
            "refus",
            None,
            (
                "Je préfère ne pas vous donner de chiffre : faites-moi d'abord votre meilleure offre."
            ),
        )
    if tirage < PART_REFUS + PART_FLOU:
        return (
            "flou",
            None,
            ("Nous avons une enveloppe, mais elle dépendra de ce que vous nous proposez."),
        )
    limite = min(plafond, budget)
    annonce = (limite * (1 - Decimal(str(round(decote, 4)))) / 100).to_integral_value(
        rounding=ROUND_DOWN
    ) * 100
    if annonce >= limite:  # tiny amounts: stay strictly below the real limit
        annonce = max(Decimal(0), limite - 100)
    return (
        "chiffre",
        annonce,
        (f"Notre enveloppe pour ce projet tourne autour de {_euros(annonce)}, pas plus."),
    )


def faits(snapshot: dict[str, Any], champs: dict[str, str]) -> tuple[Fait, ...]:
    """Facts by theme, built from the need, its constraints, budget, deadline, roles, competitors."""
    need, buyer = snapshot["need"], snapshot["buyer"]
    motivations = list(buyer["motivations"]) + [None, None]
    reponses = snapshot["utterances"].get(buyer["persona"], {}).get("answers", {})
    _, autres = _contacts(snapshot)
    f: list[Fait] = [
        Fait("besoin", premiere_personne(need["context"]), motivations[0]),
        Fait(
            "besoin", f"Le projet : {need['label'][:1].lower()}{need['label'][1:]}.", motivations[1]
        ),
    ]
    f += [Fait("besoin", _remplir(t, champs)) for t in reponses.get("besoin", [])[:1]]
    f += [
        Fait("criteres", f"Nous sommes exigeants sur ce point : {c}.") for c in need["constraints"]
    ]
    hidden = snapshot["negotiation"]["hidden"]
    budget = Decimal(snapshot["client"]["budget_ht"])
    plafond = Decimal(str(hidden.get("price_ceiling_ht", budget)))
    _, _, phrase = budget_annonce(int(snapshot.get("seed", 0)), plafond, budget)
    f.append(Fait("budget", phrase, "argent" if "argent" in buyer["motivations"] else None))
    f += [Fait("budget", _remplir(t, champs)) for t in reponses.get("budget", [])[:1]]
    semaines = compte(int(need["deadline_weeks"]), "semaine", "semaines")
    f.append(Fait("delai", f"Nous devons être livrés sous {semaines}."))
    f += [Fait("delai", _remplir(t, champs)) for t in reponses.get("delai", [])[:1]]
    decideurs = [c for c in autres if c["role"] in ("decideur", "prescripteur")]
    if decideurs:
        noms = " et ".join(
            f"{c['first_name']} {c['last_name']} ({c['job_title'].lower()}, "
            f"{ROLES.get(c['role'], c['role'])})"
            for c in decideurs
        )
        f.append(Fait("decideurs", f"Je négocie, mais la décision se prend avec {noms}."))
    f += [Fait("decideurs", _remplir(t, champs)) for t in reponses.get("decision", [])[:1]]
    noms = ", ".join(c["name"] for c in snapshot["competitors"])
    if noms:
        f.append(Fait("concurrence", f"Nous avons aussi consulté {noms}."))
    f += [Fait("concurrence", _remplir(t, champs)) for t in reponses.get("concurrent", [])[:1]]
    return tuple(f)


def repliques(snapshot: dict[str, Any], champs: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """The persona's utterances mapped to the engine's reply keys (placeholders kept or filled).

    The pack's `formulations` are added in front of the engine's own for the same situation.
    """
    propres = snapshot["utterances"].get(snapshot["buyer"]["persona"], {})
    resultat: dict[str, tuple[str, ...]] = {}
    for source, (cible, suffixe) in REPLIQUES.items():
        textes = [f"{_remplir(t, champs)} {suffixe}".strip() for t in propres.get(source, [])]
        if textes:
            resultat[cible] = tuple(textes)
    if "rupture_patience" in resultat:
        resultat["rupture_temps"] = resultat["rupture_patience"]
    persona = snapshot["buyer"]["persona"]
    for cle, ajout in propres.get("formulations", {}).items():
        moteur = resultat.get(cle) or (PAR_PERSONA[persona].get(cle, ()) + DEFAUTS[cle])
        resultat[cle] = tuple(_remplir(t, champs) for t in ajout) + tuple(moteur)
    return resultat
