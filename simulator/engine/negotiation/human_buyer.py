"""A jury member plays the buyer: the state follows the recorded reply; the engine only checks it.

The seller's move acts on the state as in the simulated mode (standing offer, treated objection,
clock); the buyer's reply is the juror's (counter-offer, acceptance, objection…). `controler`
warns when that reply goes beyond the buyer's hidden limits or accepts what cannot be honoured.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from simulator.engine.negotiation.context import lire_termes
from simulator.engine.negotiation.history import enregistrer_offre
from simulator.engine.negotiation.issues import Enjeu
from simulator.engine.negotiation.moves import DUREE_COUP_DEFAUT_S, Coup, valider, verifier_terme
from simulator.engine.negotiation.reply import Reponse
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.state import Etat, TermesJson
from simulator.engine.negotiation.values import ValeurInvalide

#: reply kinds a human buyer may give (the same as the simulated buyer's)
TYPES_HUMAINS = (
    "reponse",
    "question",
    "objection",
    "contre_offre",
    "accord_partiel",
    "accepte",
    "signature",
    "rupture",
)


def _complet(setup: NegotiationSetup, termes: TermesJson | None) -> bool:
    return termes is not None and all(e.cle in termes for e in setup.enjeux)


def _historiser(
    setup: NegotiationSetup, etat: Etat, camp: str, termes: TermesJson, cond: bool
) -> None:
    """Record a complete package in the offer history (curves and debrief), as the engine does."""
    if not _complet(setup, termes):
        return
    esp = setup.espace
    lus = lire_termes(setup, termes)
    enregistrer_offre(esp, etat, camp, lus, esp.u_acheteur(lus), esp.marge(lus), cond)


def _effet_vendeur(setup: NegotiationSetup, etat: Etat, coup: Coup) -> None:
    """What the seller's move changes whoever answers: offers on the table, objections, end."""
    contre = {k: v for k, v in coup.contrepartie.items() if v is not None}
    if coup.type == "offre":
        etat.offre_vendeur = {**etat.accords_partiels, **(coup.termes or {}), **contre}
    elif coup.type == "concession":
        etat.offre_vendeur = {
            **etat.accords_partiels,
            **(etat.offre_vendeur or {}),
            # a concession always carries its value (the move schema requires it)
            str(coup.enjeu): coup.valeur,  # type: ignore[dict-item]
            **contre,
        }
    if coup.type in ("offre", "concession"):
        _historiser(setup, etat, "vendeur", etat.offre_vendeur or {}, bool(coup.contrepartie))
    elif coup.type == "traitement_objection" and coup.objection in etat.objections:
        etat.objections[coup.objection] = "reportee" if coup.technique == "report" else "traitee"
    elif coup.type == "recapitulatif":
        etat.recap = coup.termes or etat.accord or etat.offre_vendeur
    elif coup.type == "rupture":
        etat.statut = "abandon"


def _effet_acheteur(setup: NegotiationSetup, etat: Etat, rep: Reponse) -> None:
    """What the juror's reply changes: counter-offer, partial or full agreement, objection, end."""
    if rep.type == "contre_offre" and rep.termes:
        etat.contre_offre = {**(etat.offre_vendeur or {}), **rep.termes}
        _historiser(setup, etat, "acheteur", etat.contre_offre, False)
    elif rep.type == "accord_partiel":
        offre = etat.offre_vendeur or {}
        etat.accords_partiels.update({k: offre[k] for k in rep.enjeux_acceptes if k in offre})
    elif rep.type in ("accepte", "signature"):
        etat.accord = etat.accord or etat.offre_vendeur or etat.contre_offre
        etat.statut = "conclue" if rep.type == "signature" else "accord"
    elif rep.type == "rupture":
        etat.statut = "rompue"
    if rep.objection in etat.objections:
        etat.objections[rep.objection] = "exprimee"


def jouer_humain(
    setup: NegotiationSetup, etat: Etat, coup: Coup | dict[str, Any], reponse: dict[str, Any]
) -> tuple[Etat, Reponse]:
    """One turn with a human buyer: the seller's move, then the recorded reply (state untouched)."""
    coup = coup if isinstance(coup, Coup) else Coup.from_dict(coup)
    valider(setup, coup)
    if etat.termine:
        return etat, Reponse.from_dict({**reponse, "tour": etat.tour})
    suite = etat.copie()
    suite.tour += 1
    horloge = suite.temps_s + DUREE_COUP_DEFAUT_S if coup.temps_s is None else float(coup.temps_s)
    suite.temps_s = max(suite.temps_s, horloge)
    _effet_vendeur(setup, suite, coup)
    rep = Reponse.from_dict({**reponse, "tour": suite.tour})
    for cle, valeur in (rep.termes or {}).items():
        if cle in setup.index:
            verifier_terme(setup, cle, valeur)  # the juror's counter-offer obeys the same ranges
    if suite.statut == "abandon":
        return suite, rep
    _effet_acheteur(setup, suite, rep)
    return suite, rep


def _termes_donnes(etat: Etat, rep: Reponse) -> TermesJson | None:
    """The package the buyer commits to with this reply, if any."""
    if rep.type == "contre_offre":
        return etat.contre_offre
    if rep.type in ("accepte", "signature"):
        return etat.accord
    if rep.type == "accord_partiel":
        return {k: v for k, v in etat.accords_partiels.items() if k in rep.enjeux_acceptes}
    return None


def controler(setup: NegotiationSetup, etat: Etat, rep: Reponse) -> list[str]:
    """French warnings when the human buyer gives more than its limits or accepts the impossible."""
    termes = _termes_donnes(etat, rep)
    if not termes:
        return []
    alertes = []
    try:
        lus = lire_termes(setup, {k: v for k, v in termes.items() if k in setup.index})
    except ValeurInvalide:
        return []
    if _complet(setup, termes):
        u = setup.espace.u_acheteur(lus)
        if u < setup.acheteur.reservation - 1e-9:
            alertes.append(
                f"Au-delà de la limite de l'acheteur : cet accord lui vaut {u:.0%} de satisfaction, "
                f"sous son seuil de {setup.acheteur.reservation:.0%} ; son alternative "
                f"({setup.acheteur.batna or 'BATNA'}) serait préférable pour lui."
            )
    for e in setup.enjeux:
        if e.cle not in lus:
            continue
        v = lus[e.cle]
        # delai and paiement values are int (vocabulary.NATURES_ENTIERES)
        if e.nature == "delai" and setup.delai_min_semaines and v < setup.delai_min_semaines:  # type: ignore[operator]
            alertes.append(
                f"Promesse intenable : livraison en {v} semaine(s) alors que le "
                f"fournisseur demande au moins {setup.delai_min_semaines} semaine(s)."
            )
        if e.nature == "paiement" and v > setup.paiement_max_jours:  # type: ignore[operator]
            alertes.append(
                f"Délai de paiement de {v} jours au-delà du plafond de "
                f"{setup.paiement_max_jours} jours (C. com. L441-10)."
            )
    return alertes


def _rang(enjeu: Enjeu, brut: object) -> Decimal | None:
    """Position of a value on the buyer's scale (higher = better for the buyer), if comparable."""
    try:
        valeur = enjeu.lire(brut)
    except ValeurInvalide:
        return None
    if valeur in enjeu.valeurs:
        rang = Decimal(enjeu.valeurs.index(valeur))
    elif isinstance(valeur, (int, Decimal)) and not isinstance(valeur, bool):
        rang = Decimal(valeur)
    else:
        return None
    return rang if enjeu.sens_acheteur == "hausse" else -rang


def moins_que_offert(setup: NegotiationSetup, etat: Etat, rep: Reponse) -> list[str]:
    """French warnings when a counter-offer asks LESS than the seller already gives on an issue."""
    if rep.type != "contre_offre" or not rep.termes or not etat.offre_vendeur:
        return []
    alertes = []
    for cle, demande in rep.termes.items():
        offert = etat.offre_vendeur.get(cle)
        if cle not in setup.index or offert is None or demande is None:
            continue
        enjeu = setup.enjeux[setup.index[cle]]
        r_demande, r_offert = _rang(enjeu, demande), _rang(enjeu, offert)
        if r_demande is not None and r_offert is not None and r_demande < r_offert:
            alertes.append(
                f"« {enjeu.libelle} » : la contre-proposition demande {demande} alors que le "
                f"vendeur offre déjà {offert}, plus favorable à l'acheteur ; demander moins que "
                "ce qui est offert n'a pas de sens."
            )
    return alertes


def premier_controle(
    setup: NegotiationSetup, etat: Etat, coup: Coup | dict[str, Any], reponse: dict[str, Any]
) -> list[str]:
    """Check a reply before it is recorded: play it on a copy, then control the result."""
    suite, rep = jouer_humain(setup, etat, coup, reponse)
    return moins_que_offert(setup, suite, rep) + controler(setup, suite, rep)


__all__ = ["TYPES_HUMAINS", "controler", "jouer_humain", "moins_que_offert", "premier_controle"]
