"""Pure adapters for the risk page: snapshot → engine inputs, and the student's French numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from simulator.engine.risk.models import DossierRisque, FinancialStatements, IncidentPaiement

#: engine field ← (snapshot section, snapshot key); the names differ between the two vocabularies
CHAMPS: dict[str, tuple[str, str]] = {
    "immobilisations": ("bilan", "actif_immobilise"),
    "stocks": ("bilan", "stocks"),
    "creances_clients": ("bilan", "creances_clients"),
    "disponibilites": ("bilan", "disponibilites"),
    "capitaux_propres": ("bilan", "capitaux_propres"),
    "dettes_financieres": ("bilan", "dettes_financieres"),
    "dettes_fournisseurs": ("bilan", "dettes_fournisseurs"),
    "autres_dettes": ("bilan", "autres_dettes"),
    "concours_bancaires_courants": ("bilan", "concours_bancaires_courants"),
    "dettes_financieres_moins_un_an": ("bilan", "dettes_financieres_moins_un_an"),
    "chiffre_affaires_ht": ("compte_de_resultat", "chiffre_affaires_ht"),
    "valeur_ajoutee": ("compte_de_resultat", "valeur_ajoutee"),
    "ebe": ("compte_de_resultat", "ebe"),
    "resultat_exploitation": ("compte_de_resultat", "resultat_exploitation"),
    "resultat_net": ("compte_de_resultat", "resultat_net"),
    "caf": ("compte_de_resultat", "caf"),
    "frais_financiers": ("compte_de_resultat", "charges_financieres"),
    "charges_personnel": ("compte_de_resultat", "charges_de_personnel"),
    "achats": ("compte_de_resultat", "achats_consommes"),
}

#: incident labels of the generator → engine natures; any other reported incident is an unpaid item
NATURES = {
    "retard de paiement": "retard",
    "contentieux": "contentieux",
    "procédure collective": "procedure_collective",
}


def _montant(section: dict[str, Any], key: str) -> Decimal:
    value = section.get(key, "0")
    return Decimal(str(value if value not in (None, "") else "0"))


def etats_exercice(exercice: dict[str, Any]) -> FinancialStatements:
    """Map one snapshot year (bilan + compte de résultat) to the engine's statements."""
    valeurs = {champ: _montant(exercice[section], key) for champ, (section, key) in CHAMPS.items()}
    return FinancialStatements(exercice=int(exercice.get("year_offset", 0)), **valeurs)


def incident(reported: dict[str, Any]) -> IncidentPaiement:
    """Map a reported payment incident to the engine's nature, days late and amount."""
    kind = str(reported.get("kind", "")).strip().lower()
    return IncidentPaiement(
        nature=NATURES.get(kind, "impaye"),
        jours_retard=int(reported.get("days_late", 0) or 0),
        montant_ttc=_montant(reported, "amount_ttc"),
    )


def dossier(snapshot: dict[str, Any], taux_tva: Decimal = Decimal(20)) -> DossierRisque:
    """Build the engine's risk file from a situation snapshot (no exposure: no order yet)."""
    client = snapshot["client"]
    history = client.get("payment_history") or {}
    return DossierRisque(
        etats=tuple(etats_exercice(e) for e in client["financials"]["exercices"]),
        incidents=tuple(incident(i) for i in history.get("incidents", [])),
        taux_tva=taux_tva,
    )


def libelle_dernier_exercice(snapshot: dict[str, Any]) -> str:
    """The label (« N ») of the latest year, the one the student analyses."""
    exercices = snapshot["client"]["financials"]["exercices"]
    return str(max(exercices, key=lambda e: int(e.get("year_offset", 0)))["exercice"])


class SaisieInvalide(ValueError):
    """A typed value that cannot be read; `code` says why (« vide », « nombre »...)."""

    def __init__(self, code: str, brut: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.brut = brut


NON_CALCULABLE = "NC"
_NC = {"nc", "n.c.", "n/c", "nonc", "noncalculable", "incalculable"}
_NOMBRE = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)", re.ASCII)


def lire_nombre(
    texte: str, pourcentage_si_plus_de_un: bool = False, unites: tuple[str, ...] = ()
) -> Decimal | None:
    """Read « 0,45 », « 45 % », « -3,2 », « 54,8 j »; « NC » gives None (ratio not computable).

    With pourcentage_si_plus_de_un, « 45 » is read as 45 % (a share of the total cannot exceed 1).
    """
    brut = (texte or "").strip()
    if not brut:
        raise SaisieInvalide("vide")
    propre = brut.lower().replace("\u2212", "-")
    for espace in ("\u202f", "\xa0", " "):
        propre = propre.replace(espace, "")
    if propre in _NC:
        return None
    pourcent = propre.endswith("%")
    propre = propre.rstrip("%")
    for unite in sorted(unites, key=len, reverse=True):
        if propre.endswith(unite):
            propre = propre[: -len(unite)]
            break
    if not _NOMBRE.fullmatch(propre) or len(propre) > 20:  # bounded: no 5,000-digit number
        raise SaisieInvalide("nombre", brut)
    valeur = Decimal(propre.replace(",", "."))
    if pourcent or (pourcentage_si_plus_de_un and abs(valeur) > 1):
        valeur = valeur / 100
    return valeur


#: the student's answers for the latest year, in the order of the form
RATIOS_SAISIS = (
    "autonomie_financiere",
    "solvabilite_generale",
    "liquidite_generale",
    "liquidite_reduite",
    "capacite_remboursement",
    "dso_jours",
    "frng",
    "bfr",
    "tresorerie_nette",
    "delai_fournisseurs_jours",
    "rotation_stocks_jours",
    "conan_holder",
)
#: answers in days and in euros (a unit may follow the number)
EN_JOURS = frozenset({"dso_jours", "delai_fournisseurs_jours", "rotation_stocks_jours"})
EN_EUROS = frozenset({"frng", "bfr", "tresorerie_nette"})
#: cover tools the student may tick (the acompte is a percentage of its own)
OUTILS = (
    "delai",
    "lcr",
    "caution",
    "assurance_credit",
    "reserve_de_propriete",
    "comptant",
    "refus",
)
JUSTIFICATION_MAX = 2000


@dataclass(frozen=True)
class Saisie:
    """The student's form: what was typed (to show it again), what it means, and the errors."""

    brut: dict[str, Any]
    valeurs: dict[str, Decimal | None] = field(default_factory=dict)
    classe: int | None = None
    acompte: Decimal = Decimal(0)
    outils: frozenset[str] = frozenset()
    justification: str = ""
    erreurs: dict[str, SaisieInvalide] = field(default_factory=dict)


def champs(form: Any) -> dict[str, Any]:
    """Copy the useful fields of a form (a MultiDict or a plain dict) into a JSON-ready dict."""
    getlist = getattr(form, "getlist", None)
    outils = getlist("outils") if getlist else form.get("outils", [])
    brut: dict[str, Any] = {
        k: str(form.get(k, "") or "")[:JUSTIFICATION_MAX]
        for k in (*RATIOS_SAISIS, "classe", "acompte", "justification")
    }
    brut["outils"] = [o for o in outils if o in OUTILS]
    return brut


def unites_de(code: str) -> tuple[str, ...]:
    """The units a student may type after the number of this answer."""
    if code in EN_JOURS:
        return ("jours", "jour", "j")
    if code in EN_EUROS:
        return ("€", "euros", "euro", "eur")
    return ()


def lire_saisie(form: Any) -> Saisie:
    """Parse the student's answers; every unreadable field gets an error, the rest is kept."""
    brut = champs(form)
    valeurs: dict[str, Decimal | None] = {}
    erreurs: dict[str, SaisieInvalide] = {}
    for code in RATIOS_SAISIS:
        try:
            valeurs[code] = lire_nombre(
                brut[code],
                code == "autonomie_financiere",
                unites_de(code),
            )
        except SaisieInvalide as exc:
            erreurs[code] = exc
    classe = int(brut["classe"]) if brut["classe"] in {"1", "2", "3", "4"} else None
    if classe is None:
        erreurs["classe"] = SaisieInvalide("classe")
    acompte = Decimal(0)
    try:
        lu = lire_nombre(brut["acompte"].replace("%", "") or "0")
        acompte = lu if lu is not None else Decimal(-1)
        if not 0 <= acompte <= 100:
            erreurs["acompte"] = SaisieInvalide("acompte", brut["acompte"])
    except SaisieInvalide as exc:
        erreurs["acompte"] = exc
    justification = brut["justification"].strip()
    if not justification:
        erreurs["justification"] = SaisieInvalide("vide")
    return Saisie(brut, valeurs, classe, acompte, frozenset(brut["outils"]), justification, erreurs)


def nombre(valeur: Decimal | None, decimales: int | None = None) -> str:
    """French number: 1 234,56 (narrow no-break spaces); whole numbers lose their « ,00 »."""
    if valeur is None:
        return NON_CALCULABLE
    if decimales is not None:
        valeur = valeur.quantize(Decimal(1).scaleb(-decimales), rounding=ROUND_HALF_UP)
    elif valeur == valeur.to_integral_value():
        valeur = valeur.quantize(Decimal(1))
    texte = f"{valeur:f}"
    entier, _sep, fraction = texte.lstrip("-").partition(".")
    groupes = "\u202f".join(entier[max(i - 3, 0) : i] for i in range(len(entier), 0, -3)[::-1])
    return ("-" if texte.startswith("-") else "") + groupes + ("," + fraction if fraction else "")


def franciser(calcul: str) -> str:
    """Rewrite the engine's figures « 5004272.00 / 9217410.00 » the French way."""
    return re.sub(r"-?\d+(\.\d+)?", lambda m: nombre(Decimal(m.group(0))), calcul)


def juste(saisi: Decimal | None, attendu: Decimal | None, tolerance: Decimal) -> bool:
    """Right when both are « NC », or within the tolerance."""
    if saisi is None or attendu is None:
        return saisi is None and attendu is None
    return abs(saisi - attendu) <= tolerance
