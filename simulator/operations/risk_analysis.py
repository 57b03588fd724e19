"""The student's credit-risk analysis: correct it line by line against the engine, log attempts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from simulator.engine.errors import RiskError
from simulator.engine.risk.cover import PAR_CLASSE
from simulator.engine.risk.credit import analyser_risque
from simulator.engine.risk.data import ACOMPTE_PAR_CLASSE, CONAN_HOLDER
from simulator.engine.risk.models import AnalyseRisque, Recommandation
from simulator.extensions import db
from simulator.models import Event, Situation, User
from simulator.operations import events
from simulator.operations.errors import ConflictError, OperationError
from simulator.operations.risk_inputs import (
    EN_EUROS,
    EN_JOURS,
    RATIOS_SAISIS,
    Saisie,
    SaisieInvalide,
    champs,
    dossier,
    franciser,
    juste,
    lire_saisie,
    nombre,
)
from simulator.operations.situations import current_version

STREAM = "risk_analysis"
D = Decimal

#: code → (label, tolerance, tolerance as shown, hint in the empty field)
QUESTIONS: dict[str, tuple[Any, Decimal, Any, Any]] = {
    "autonomie_financiere": (
        _l("Autonomie financière"),
        D("0.01"),
        _l("±0,01 (soit ±1 point)"),
        _l("0,00 ou 0 %"),
    ),
    "solvabilite_generale": (_l("Solvabilité générale"), D("0.01"), _l("±0,01"), _l("0,00")),
    "liquidite_generale": (_l("Liquidité générale"), D("0.01"), _l("±0,01"), _l("0,00")),
    "liquidite_reduite": (_l("Liquidité réduite"), D("0.01"), _l("±0,01"), _l("0,00")),
    "capacite_remboursement": (
        _l("Capacité de remboursement (années)"),
        D("0.01"),
        _l("±0,01"),
        _l("0,00 ou NC"),
    ),
    "dso_jours": (
        _l("DSO — délai moyen de paiement clients (jours)"),
        D("1"),
        _l("±1 jour"),
        _l("nombre de jours"),
    ),
    "frng": (_l("Fonds de roulement net global (FRNG, €)"), D("1"), _l("±1 €"), _l("montant en €")),
    "bfr": (_l("Besoin en fonds de roulement (BFR, €)"), D("1"), _l("±1 €"), _l("montant en €")),
    "tresorerie_nette": (
        _l("Trésorerie nette (€)"),
        D("1"),
        _l("±1 €"),
        _l("montant en €, négatif si découvert"),
    ),
    "delai_fournisseurs_jours": (
        _l("Délai moyen de paiement fournisseurs (jours)"),
        D("1"),
        _l("±1 jour"),
        _l("nombre de jours ou NC"),
    ),
    "rotation_stocks_jours": (
        _l("Rotation des stocks (jours)"),
        D("1"),
        _l("±1 jour"),
        _l("nombre de jours ou NC"),
    ),
    "conan_holder": (_l("Score de Conan et Holder"), D("0.5"), _l("±0,5"), _l("0,00")),
}
OUTIL_LIBELLES = {
    "acompte": _l("Acompte à la commande"),
    "delai": _l("Délais de paiement raccourcis"),
    "lcr": _l("LCR acceptée"),
    "caution": _l("Caution bancaire / garantie à première demande"),
    "assurance_credit": _l("Assurance-crédit"),
    "reserve_de_propriete": _l("Réserve de propriété"),
    "comptant": _l("Paiement comptant"),
    "refus": _l("Refus de la commande"),
}
#: the riskiest class for which the engine still recommends each tool
CLASSE_MAX_OUTIL = {r.outil: n for n, recos in sorted(PAR_CLASSE.items()) for r in recos}
CLASSES = {
    1: _l("1 — risque faible"),
    2: _l("2 — risque modéré"),
    3: _l("3 — risque élevé"),
    4: _l("4 — risque critique"),
}


@dataclass(frozen=True)
class Ligne:
    """One corrected answer: what the student typed, what was expected and how to get it."""

    code: str
    libelle: str
    saisi: str
    attendu: str
    juste: bool
    formule: str
    calcul: str
    tolerance: str
    repere: str = ""


@dataclass(frozen=True)
class Outil:
    """A cover tool: « ok », « manque » (recommended, not chosen), « superflu », « insuffisant »."""

    outil: str
    libelle: str
    verdict: str
    detail: str
    raison: str


@dataclass(frozen=True)
class Correction:
    """The whole correction shown after a submission."""

    lignes: tuple[Ligne, ...]
    classe_saisie: int | None
    analyse: AnalyseRisque
    outils: tuple[Outil, ...]

    @property
    def justes(self) -> int:
        return sum(ligne.juste for ligne in self.lignes)

    @property
    def classe_juste(self) -> bool:
        return self.classe_saisie == self.analyse.classe.niveau

    @property
    def decision_juste(self) -> bool:
        return all(o.verdict != "manque" for o in self.outils)


def analyser(snapshot: dict[str, Any]) -> AnalyseRisque:
    """The engine's analysis of the situation's client; absurd statements give a French 422."""
    try:
        return analyser_risque(dossier(snapshot))
    except RiskError as exc:
        raise OperationError(
            _(
                "Les états financiers de ce client ne permettent pas l'analyse : "
                "%(m)s. Prévenez votre formateur.",
                m=str(exc),
            ),
            422,
        ) from None


def afficher(code: str, valeur: Decimal | None, tel_quel: bool = False) -> str:
    """Show an expected value at the engine's precision, or the student's as typed (tel_quel)."""
    if valeur is None:
        return _("NC")
    places = {"conan_holder": 2}.get(code, 1 if code in EN_JOURS else 2 if code in EN_EUROS else 4)

    def f(v: Decimal, n: int) -> str:
        return nombre(v.normalize(), None) if tel_quel else nombre(v, n)

    if code in EN_EUROS:
        return str(_("%(v)s €", v=f(valeur, places)))
    if code in EN_JOURS:
        return _("%(v)s j", v=f(valeur, places))
    if code == "autonomie_financiere":
        return f"{f(valeur, 4)} ({f(valeur * 100, 2)} %)"
    return f(valeur, places)


def corriger(analyse: AnalyseRisque, saisie: Saisie) -> Correction:
    """Compare every answer with the engine's latest year, score and recommended cover."""
    dernier = analyse.ratios[-1]
    lignes = []
    for code in RATIOS_SAISIS:
        libelle, tolerance, tol_texte, _aide = QUESTIONS[code]
        if code == "conan_holder":
            attendu: Decimal | None = analyse.conan_holder.valeur
            formule, calcul, repere = formule_conan_holder(analyse)
        else:
            r = next(r for r in dernier.ratios if r.code == code)
            attendu, formule, calcul = r.valeur, r.formule, franciser(r.calcul)
            if r.valeur is not None:
                calcul += " = " + afficher(code, r.valeur)
            lecture = {True: _("favorable"), False: _("défavorable"), None: ""}[r.favorable]
            repere = f"{r.repere} — {lecture}" if lecture else r.repere
        saisi = saisie.valeurs.get(code)
        lignes.append(
            Ligne(
                code,
                str(libelle),
                afficher(code, saisi, True),
                afficher(code, attendu),
                juste(saisi, attendu, tolerance),
                formule,
                calcul,
                str(tol_texte),
                repere,
            )
        )
    return Correction(tuple(lignes), saisie.classe, analyse, comparer_couverture(analyse, saisie))


def formule_conan_holder(analyse: AnalyseRisque) -> tuple[str, str, str]:
    """The score's formula, the figures plugged in and its reading."""
    s = analyse.conan_holder
    termes = " ".join(
        f"{'−' if c < 0 else '+'} {abs(c)} × {nombre(r, 4)}"
        for c, r in zip(CONAN_HOLDER, s.ratios, strict=True)
    ).lstrip("+ ")
    formule = _(
        "Z = 24 R1 + 22 R2 + 16 R3 − 87 R4 − 10 R5 ; R1 = EBE / dettes totales, "
        "R2 = capitaux permanents / total actif, "
        "R3 = (créances + disponibilités) / total actif, "
        "R4 = frais financiers / CA HT, R5 = charges de personnel / valeur ajoutée"
    )
    return formule, f"{termes} = {nombre(s.valeur, 2)}", f"{s.zone} : {s.lecture}"


def comparer_couverture(analyse: AnalyseRisque, saisie: Saisie) -> tuple[Outil, ...]:
    """Each recommended tool chosen or missing, then the student's extra tools."""
    niveau = analyse.classe.niveau
    choisis = set(saisie.outils) | ({"acompte"} if saisie.acompte > 0 else set())
    if saisie.acompte >= 100:
        choisis.add("comptant")
    extremes = {"comptant", "refus"}  # class 4: cash payment or, failing that, refusal
    if extremes <= {r.outil for r in analyse.recommandations} and choisis & extremes:
        choisis |= extremes
    resultat = [verdict(r, niveau, choisis, saisie.acompte) for r in analyse.recommandations]
    en_trop = sorted(choisis - {r.outil for r in analyse.recommandations})
    return tuple(resultat + [en_plus(outil, niveau) for outil in en_trop])


def en_plus(outil: str, niveau: int) -> Outil:
    """A tool the engine did not recommend: too weak for this class, or needlessly strict."""
    etat = "insuffisant" if niveau > CLASSE_MAX_OUTIL.get(outil, 4) else "superflu"
    return Outil(outil, str(OUTIL_LIBELLES.get(outil, outil)), etat, "", "")


def verdict(r: Recommandation, niveau: int, choisis: set[str], acompte: Decimal) -> Outil:
    """The verdict on one recommended tool."""
    libelle = str(OUTIL_LIBELLES.get(r.outil, r.outil))
    if r.outil == "delai" and niveau == 1:  # standard terms: shortening them is not needed
        etat = "superflu" if "delai" in choisis else "ok"
        choisis.discard("delai")
        return Outil(r.outil, str(_("Délais de paiement standard")), etat, r.detail, r.raison)
    trop_faible = r.outil == "acompte" and acompte < ACOMPTE_PAR_CLASSE.get(niveau, D(0))
    ok = r.outil in choisis and not trop_faible
    return Outil(r.outil, libelle, "ok" if ok else "manque", r.detail, r.raison)


def message_erreur(erreur: SaisieInvalide) -> str:
    """The French message shown next to a field."""
    return {
        "vide": _(
            "Champ obligatoire : saisissez une valeur "
            "(ou « NC » si le ratio n'est pas calculable)."
        ),
        "nombre": _("« %(v)s » n'est pas un nombre (exemples : 0,45 ou 45 %%).", v=erreur.brut),
        "classe": _("Choisissez une classe de risque."),
        "acompte": _("L'acompte est un pourcentage entre 0 et 100 (« %(v)s »).", v=erreur.brut),
    }.get(erreur.code, _("Valeur invalide."))


def resume(correction: Correction) -> dict[str, Any]:
    """What the log keeps of a correction, for the list of attempts and the trainer."""
    return {
        "justes": correction.justes,
        "total": len(correction.lignes),
        "lignes": {ligne.code: ligne.juste for ligne in correction.lignes},
        "attendus": {ligne.code: ligne.attendu for ligne in correction.lignes},
        "classe_saisie": correction.classe_saisie,
        "classe_attendue": correction.analyse.classe.niveau,
        "decision_juste": correction.decision_juste,
    }


def enregistrer(
    situation: Situation, version: int, user: User, saisie: Saisie, correction: Correction
) -> Event:
    """Append the attempt to the log; a concurrent attempt at the same seq is a ConflictError."""
    return events.append(
        STREAM,
        situation.id,
        "seller",
        "analyse_soumise",
        {"version": version, "saisie": saisie.brut, "resultat": resume(correction)},
        user,
    )


def tentatives(situation: Situation, user: User) -> list[Event]:
    """This student's attempts on this situation, newest first."""
    return list(
        db.session.scalars(
            sa.select(Event)
            .where(
                Event.stream_type == STREAM,
                Event.stream_id == situation.id,
                Event.user_id == user.id,
            )
            .order_by(Event.seq.desc())
        )
    )


@dataclass
class Travail:
    """Everything the form, the correction and the attempts need."""

    saisie: Saisie
    correction: Correction | None = None
    tentatives: tuple[Event, ...] = ()
    message: str | None = None
    version_changee: bool = False


def travail(situation: Situation, user: User) -> Travail:
    """The page as the student left it: their last attempt and its correction, if any."""
    passees = tentatives(situation, user)
    if not passees:
        return Travail(Saisie(brut=champs({})))
    derniere = passees[0]
    saisie = lire_saisie(derniere.payload.get("saisie", {}))
    version = current_version(situation)
    correction = None if saisie.erreurs else corriger(analyser(version.snapshot), saisie)
    return Travail(
        saisie,
        correction,
        tuple(passees),
        version_changee=derniere.payload.get("version") != version.n,
    )


def soumettre(situation: Situation, user: User, saisie: Saisie) -> Travail:
    """Correct and log a submitted analysis (read by `lire_saisie`); input errors or a conflict
    keep what was typed."""
    if saisie.erreurs:
        return Travail(saisie, tentatives=tuple(tentatives(situation, user)))
    version = current_version(situation)
    correction = corriger(analyser(version.snapshot), saisie)
    try:
        enregistrer(situation, version.n, user, saisie, correction)
    except ConflictError as exc:
        return Travail(saisie, tentatives=tuple(tentatives(situation, user)), message=exc.message)
    return Travail(saisie, correction, tuple(tentatives(situation, user)))
