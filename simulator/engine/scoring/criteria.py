"""The ten E4 criteria: a level, the evidence (turn indexes) and one concrete piece of advice each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from simulator.engine.money import format_eur
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.vocabulary import THEMES

NIVEAUX = ("non maîtrisé", "insuffisant", "satisfaisant", "très satisfaisant")
CRITERES = (
    "Le contexte technico-commercial et les attentes du prospect sont identifiés",
    "Le risque client /affaire est pris en compte",
    "Une démarche collaborative est mise en œuvre",
    "Les objectifs de négociation sont définis et adaptés",
    "Des outils de négociation adaptés sont préparés",
    "Une démarche proactive de négociation est mise en œuvre",
    "Une solution technique et commerciale répondant aux besoins du client est proposée",
    "Des outils de communication et de négociation adaptés au contexte sont mobilisés",
    "La prestation définie est formalisée conformément à l'accord",
    "Des actions de suivi sont effectuées",
)


@dataclass
class Faits:
    """What the transcript shows, indexed by the rule the buyer fired."""

    s: NegotiationSetup
    mesures: dict[str, Any]
    coups: list[dict[str, Any]]
    preparation: dict[str, Any] | None
    suivi: dict[str, Any] | None
    regles: dict[str, list[int]] = field(default_factory=dict)
    themes: dict[str, list[int]] = field(default_factory=dict)
    types: dict[str, list[int]] = field(default_factory=dict)
    arguments: list[tuple[int, dict[str, Any]]] = field(default_factory=list)

    def tours(self, *regles: str) -> list[int]:
        """Return the turns where one of these rules fired."""
        return sorted(t for r in regles for t in self.regles.get(r, []))


def relever(
    s: NegotiationSetup,
    tours: list[dict[str, Any]],
    mesures: dict[str, Any],
    coups: list[dict[str, Any]],
    preparation: dict[str, Any] | None,
    suivi: dict[str, Any] | None,
) -> Faits:
    """Index the transcript once for the criteria."""
    f = Faits(s, mesures, coups, preparation, suivi)
    for t in tours:
        i, coup, raison = t["index"], t["coup"], t["reponse"]["raison"]
        for r in (raison.get("regle"), raison.get("mouvement")):
            if r:
                f.regles.setdefault(r, []).append(i)
        f.types.setdefault(coup["type"], []).append(i)
        if coup["type"] == "question":
            f.themes.setdefault(coup["theme"], []).append(i)
        if coup["type"] == "argument":
            f.arguments.append((i, coup))
    return f


#: level, evidence turns, advice, evidence in words (what set the level)
Resultat = tuple[int, list[int], str, list[str]]
#: a margin within this share of the target counts as the target reached (grid steps, rounding)
TOLERANCE_CIBLE = Decimal("0.95")


def c1_contexte(f: Faits) -> Resultat:
    """Discovery coverage and priorities learnt."""
    manquants = [THEMES[t] for t in THEMES if t not in f.themes]
    n = len(THEMES) - len(manquants)
    niveau = 3 if n >= 5 and f.tours("priorite_revelee") else 2 if n >= 3 else 1 if n >= 1 else 0
    conseil = (
        f"Questionnez aussi sur : {', '.join(manquants)}, puis reformulez."
        if manquants
        else "Découverte complète : gardez l'entonnoir (questions ouvertes puis fermées)."
    )
    constats = [f"{n} thème(s) de découverte explorés sur {len(THEMES)}"]
    if f.tours("priorite_revelee"):
        constats.append("l'acheteur a révélé ses priorités")
    return niveau, sorted(t for v in f.themes.values() for t in v), conseil, constats


def c2_risque(f: Faits) -> Resultat:
    """Budget and decision-makers checked, risk cover obtained, no untenable or illegal offer."""
    doutes = f.tours("hors_cadre_legal", "offre_intenable", "hors_budget")
    accord = f.mesures.get("accord") or {}
    ecarts = f.mesures.get("ecarts_risque") or []
    if f.mesures.get("couverture_comparee"):
        couvert = bool(accord) and not ecarts
    else:
        couvert = any(
            e.nature == "acompte" and Decimal(str(accord.get(e.cle, 0))) > 0 for e in f.s.enjeux
        )
    points = ("budget" in f.themes) + ("decideurs" in f.themes) + couvert - len(doutes)
    constats = [
        f"budget {'vérifié' if 'budget' in f.themes else 'non vérifié'}, "
        f"décideurs {'identifiés' if 'decideurs' in f.themes else 'non identifiés'}",
        "couverture du risque obtenue dans l'accord" if couvert else "risque client non couvert",
    ]
    constats += [f"{len(doutes)} offre(s) hors cadre (légal, délai, budget)"] if doutes else []
    constats += ecarts
    if ecarts:
        conseil = (
            "Tenez dans l'accord l'acompte et le délai de paiement que le risque client impose."
        )
    elif doutes:
        conseil = "Ne promettez jamais un délai intenable ni un paiement au-delà du plafond légal."
    elif not couvert:
        conseil = "Demandez un acompte ou une garantie de paiement pour couvrir le risque client."
    elif "budget" not in f.themes or "decideurs" not in f.themes:
        conseil = "Vérifiez qui décide et le budget avant de chiffrer."
    else:
        conseil = "Complétez par une vérification de solvabilité (score, incidents de paiement) avant l'offre."
    return (
        _borner(points),
        doutes + f.themes.get("budget", []) + f.themes.get("decideurs", []),
        conseil,
        constats,
    )


def c3_collaboratif(f: Faits) -> Resultat:
    """Reformulations, conditional trades, a deal close to the Pareto frontier."""
    reformulations = f.tours("reformulation_validee")
    echanges = f.tours("concession_conditionnelle")
    dist = f.mesures.get("distance_pareto")
    points = bool(reformulations) + bool(echanges) + (dist is not None and dist <= 0.05)
    conseil = (
        "Échangez vos concessions (« si vous…, alors je… ») sur des enjeux que l'acheteur valorise plus que vous."
        if not echanges
        else "Reformulez ce que vous avez appris pour valider les attentes du client."
        if not reformulations
        else "Cherchez des paquets équivalents qui créent de la valeur pour les deux."
    )
    constats = [
        f"{len(reformulations)} reformulation(s) validée(s), {len(echanges)} concession(s) "
        f"échangée(s), {f.mesures.get('nb_concessions_sans_contrepartie', 0)} sans contrepartie",
    ]
    if dist is not None:
        constats.append(f"distance à la frontière de Pareto : {dist}")
    return _borner(points), sorted(reformulations + echanges), conseil, constats


def c4_objectifs(f: Faits) -> Resultat:
    """Margin kept against the target and the floor, opening anchor at or above the target."""
    m, v = f.mesures, f.s.vendeur
    ancre = f.mesures.get("ancrage_marge")
    preuves = f.types.get("offre", [])[:1]
    if m.get("marge") is None:
        niveau = 1 if ancre is not None and ancre >= v.marge_cible else 0
        return (
            niveau,
            preuves,
            "Fixez un objectif réaliste et un seuil de rupture, et ajustez-les au fil de l'entretien.",
            [
                "pas d'accord"
                + (f" ; ancrage à {format_eur(ancre)} de marge" if ancre is not None else "")
            ],
        )
    marge = m["marge"]
    niveau = (
        3
        if marge >= v.marge_cible * TOLERANCE_CIBLE
        else 2
        if marge >= (v.marge_cible + v.marge_plancher) / 2
        else 1
        if marge >= v.marge_plancher
        else 0
    )
    conseil = (
        "Ouvrez plus haut que votre objectif et concédez par paliers décroissants."
        if niveau < 3
        else "Objectif atteint : vérifiez qu'il était assez ambitieux (part de la zone d'accord)."
    )
    part = m.get("marge_vs_cible")
    constats = [
        f"marge {format_eur(marge)}"
        + (f" = {str(part).replace('.', ',')} % de l'objectif" if part is not None else "")
        + f" ({format_eur(v.marge_cible)}) ; plancher {format_eur(v.marge_plancher)}",
        "seuils : très satisfaisant ≥ 95 % de l'objectif, satisfaisant ≥ mi-chemin "
        "plancher-objectif, insuffisant ≥ plancher",
    ]
    return (
        niveau,
        preuves + f.tours("accord_acceptee", "offre_acceptee", "conclusion_acceptee"),
        conseil,
        constats,
    )


def c5_outils_prepares(f: Faits) -> Resultat:
    """Proofs ready for the arguments, counterparts planned, preparation sheet filled."""
    preuves = [i for i, c in f.arguments if c.get("preuve")]
    prep = sum(1 for v in (f.preparation or {}).values() if v)
    points = bool(preuves) + bool(f.tours("concession_conditionnelle")) + (prep >= 3)
    conseil = (
        "Préparez une preuve (essai, référence, chiffre) pour chaque argument."
        if not preuves
        else "Préparez la liste de vos concessions avec leur contrepartie."
        if points < 3
        else "Bonne préparation : gardez la fiche sous les yeux pendant l'entretien."
    )
    constats = [f"{len(preuves)} argument(s) prouvé(s), fiche de préparation : {prep} rubrique(s)"]
    return _borner(points), preuves, conseil, constats


def c6_proactif(f: Faits) -> Resultat:
    """The seller anchors early, tries to close, reaches a deal; stalling counts against."""
    offres = f.types.get("offre", []) + f.types.get("concession", [])
    conclusions = f.types.get("conclusion", [])
    immobiles = f.tours("immobile")
    points = (
        bool(offres) + bool(conclusions) + bool(f.mesures.get("accord")) - (len(immobiles) >= 2)
    )
    conseil = (
        "Proposez la conclusion dès les signaux d'achat (alternative, résumé)."
        if not conclusions
        else "Ne répétez pas la même offre : changez un paramètre contre une contrepartie."
        if immobiles
        else "Gardez l'initiative : annoncez l'étape suivante à chaque échange."
    )
    constats = [
        f"{len(offres)} offre(s), {len(conclusions)} tentative(s) de conclusion, "
        f"accord {'obtenu' if f.mesures.get('accord') else 'non obtenu'}",
    ]
    constats += [f"{len(immobiles)} offre(s) répétée(s) sans mouvement"] if immobiles else []
    return _borner(points), sorted(offres[:1] + conclusions + immobiles), conseil, constats


def c7_solution(f: Faits) -> Resultat:
    """Arguments answering the real motivations and a deal worth it for the buyer."""
    bons, hors = f.tours("argument_pertinent"), f.tours("argument_hors_sujet")
    distincts = f.mesures.get("arguments_pertinents_distincts", bons)
    u_b = f.mesures.get("u_acheteur")
    accepte = u_b is not None and u_b >= f.s.acheteur.reservation
    points = min(2, len(distincts)) + accepte - (len(hors) >= 2)
    constats = [
        f"{len(distincts)} argument(s) pertinent(s) distinct(s) "
        f"({f.mesures.get('nb_arguments', len(f.arguments))} joué(s), les répétitions ne comptent pas)",
        f"{len(hors)} argument(s) hors sujet",
    ]
    if u_b is not None:
        constats.append(
            "solution acceptable pour le client" if accepte else "solution juste acceptée"
        )
    conseil = (
        "Reliez chaque argument (CAP) à une motivation SONCAS entendue pendant la découverte."
        if hors or not bons
        else "Ajoutez une preuve chiffrée à vos arguments les plus forts."
    )
    return _borner(points), sorted(bons + hors), conseil, constats


def c8_communication(f: Faits) -> Resultat:
    """Objection techniques that fit, a closing technique, style adapted to the persona."""
    ok, ko = f.tours("objection_traitee", "objection_anticipee"), f.tours("objection_mal_traitee")
    conclusions = f.types.get("conclusion", [])
    adapte = {
        "analytique": any(c.get("preuve") for _, c in f.arguments),
        "directif": not f.tours("argument_hors_sujet") and len(f.coups) <= 25,
        "aimable": len(f.tours("reformulation_validee")) >= 2,
        "expressif": any(c.get("motivation") in ("nouveaute", "orgueil") for _, c in f.arguments),
    }[f.s.persona]
    points = (bool(ok) and not ko) + bool(conclusions) + adapte
    conseil = (
        "Choisissez la technique selon l'objection : compensation pour le prix, témoignage pour le risque."
        if ko or not ok
        else f"Adaptez votre style à un interlocuteur {f.s.persona}."
        if not adapte
        else "Variez les techniques de conclusion (alternative, résumé)."
    )
    constats = [
        f"{len(ok)} objection(s) traitée(s), {len(ko)} mal traitée(s), "
        f"{len(conclusions)} conclusion(s) ; style {'adapté' if adapte else 'non adapté'} "
        f"à un interlocuteur {f.s.persona}",
    ]
    return _borner(points), sorted(ok + ko + conclusions), conseil, constats


def c9_formalisation(f: Faits) -> Resultat:
    """A summary that matches the agreement, then the signature."""
    faux = f.tours("recapitulatif_non_conforme")
    recaps = f.types.get("recapitulatif", [])
    if f.mesures.get("formalise"):
        niveau = 2 if faux else 3
    else:
        niveau = 1 if f.mesures.get("accord") else 0
    conseil = (
        "Faites un récapitulatif exact (prix, délai, paiement, services) avant la signature."
        if niveau < 3
        else "Reprenez ces termes à l'identique dans le bon de commande."
    )
    constats = [
        "accord signé" if f.mesures.get("formalise") else "pas de signature",
        f"{len(recaps)} récapitulatif(s), dont {len(faux)} non conforme(s)",
    ]
    return niveau, sorted(recaps + faux), conseil, constats


def c10_suivi(f: Faits) -> Resultat:
    """Follow-up actions (compte rendu, next steps), given by the web layer after the negotiation."""
    if f.suivi is None:
        niveau = 1 if f.mesures.get("formalise") else 0
        return (
            niveau,
            [],
            "Rédigez le compte rendu de visite et planifiez les actions de suivi (livraison, relance).",
            ["suivi pas encore saisi"],
        )
    points = (
        bool(f.suivi.get("compte_rendu"))
        + bool(f.suivi.get("actions"))
        + bool(f.mesures.get("formalise"))
    )
    constats = [
        f"compte rendu {'rédigé' if f.suivi.get('compte_rendu') else 'absent'}, "
        f"actions de suivi {'planifiées' if f.suivi.get('actions') else 'absentes'}"
    ]
    return (
        _borner(points),
        [],
        "Datez chaque action de suivi et nommez son responsable.",
        constats,
    )


REGLES: tuple[Callable[[Faits], Resultat], ...] = (
    c1_contexte,
    c2_risque,
    c3_collaboratif,
    c4_objectifs,
    c5_outils_prepares,
    c6_proactif,
    c7_solution,
    c8_communication,
    c9_formalisation,
    c10_suivi,
)


def _borner(points: int | bool) -> int:
    """Clamp points to a level 0..3."""
    return max(0, min(3, int(points)))


def evaluer(f: Faits) -> list[dict[str, Any]]:
    """Return the ten criteria with level, evidence and advice."""
    lignes = []
    for numero, (libelle, regle) in enumerate(zip(CRITERES, REGLES, strict=True), start=1):
        niveau, preuves, conseil, constats = regle(f)
        lignes.append(
            {
                "numero": numero,
                "critere": libelle,
                "niveau": niveau,
                "niveau_libelle": NIVEAUX[niveau],
                "preuves": sorted(set(preuves)),
                "conseil": conseil,
                "constats": constats,
                "a_completer": numero == 10 and f.suivi is None,
            }
        )
    return lignes
