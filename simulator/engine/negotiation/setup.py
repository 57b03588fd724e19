"""NegotiationSetup: issues, the buyer's hidden preferences, the seller's objectives; JSON codec."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from simulator.engine.errors import SetupError
from simulator.engine.money import to_decimal
from simulator.engine.negotiation import vocabulary as voc
from simulator.engine.negotiation.issues import Enjeu
from simulator.engine.negotiation.outcome_space import (
    Espace,
    frontiere,
    plafonner,
    point_nash,
    utilites_unitaires,
)
from simulator.engine.negotiation.values import (
    Valeur,
    ValeurInvalide,
    en_json,
    est_numerique,
    lire_valeur,
)


@dataclass(frozen=True)
class Objection:
    """An objection the buyer holds, the techniques that treat it and when it is voiced."""

    id: str
    theme: str
    texte: str
    techniques: tuple[str, ...]
    declencheur: str = "offre"
    enjeu: str | None = None
    levee_si: Valeur | None = (
        None  # an offer at least this good for the buyer on `enjeu` dissolves it
    )


@dataclass(frozen=True)
class Fait:
    """A fact the buyer reveals when asked about its theme."""

    theme: str
    texte: str
    motivation: str | None = None


@dataclass(frozen=True)
class PreferencesAcheteur:
    """The buyer's hidden side: weights, reservation utility, tactic, patience, real motivations."""

    poids: dict[str, float]
    reservation: float
    motivations: tuple[str, ...]
    exposant: float | None = None  # GENIUS convention, see tactique.py; None = persona default
    patience: float | None = None  # 1.0 ≈ ten poor moves; None = persona default
    utilites: dict[str, tuple[float, ...]] = field(default_factory=dict)  # optional value tables
    batna: str = ""
    budget_ht: Decimal | None = None


@dataclass(frozen=True)
class ObjectifsVendeur:
    """The seller's margin objectives in euros (the student's own figures, not hidden)."""

    marge_plancher: Decimal
    marge_cible: Decimal
    marge_fixe: Decimal = Decimal(0)


@dataclass(frozen=True)
class NegotiationSetup:
    """Everything the buyer engine needs for one negotiation."""

    enjeux: tuple[Enjeu, ...]
    acheteur: PreferencesAcheteur
    vendeur: ObjectifsVendeur
    persona: str
    objections: tuple[Objection, ...] = ()
    faits: tuple[Fait, ...] = ()
    repliques: dict[str, tuple[str, ...]] = field(default_factory=dict)
    designations: dict[str, str] = field(default_factory=dict)  # catalogue ref -> designation
    produit: str = ""  # the counted product, plural (« bornes »), to check reformulations
    duree_s: int = 1200
    paiement_max_jours: int = 60
    delai_min_semaines: int | None = None
    quantite_ref: int = 1
    prix_catalogue: Decimal | None = None
    interlocuteur: str = "l'acheteur"
    max_issues: int = 200_000

    def __post_init__(self) -> None:
        """Check the setup once, so play never meets an inconsistent one."""
        verifier(self)

    @cached_property
    def espace(self) -> Espace:
        """Return the outcome space, computed once per setup object."""
        return construire(self)

    @cached_property
    def natures(self) -> dict[str, str]:
        """Map each issue key to its kind (reading terms)."""
        return {e.cle: e.nature for e in self.enjeux}

    @cached_property
    def memo_termes(self) -> dict[tuple[Any, ...], dict[str, Valeur]]:
        """Memo of read terms (context.lire_termes); not part of the setup's value."""
        return {}

    @cached_property
    def index(self) -> dict[str, int]:
        """Map each issue key to its position."""
        return {e.cle: i for i, e in enumerate(self.enjeux)}

    @property
    def exposant(self) -> float:
        """Return the concession exponent (GENIUS convention), persona default if unset."""
        return self.acheteur.exposant or voc.PERSONAS[self.persona]["exposant"]

    @property
    def patience(self) -> float:
        """Return the initial patience, persona default if unset."""
        p = self.acheteur.patience
        return voc.PERSONAS[self.persona]["patience"] if p is None else p

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> NegotiationSetup:
        """Build a setup from its JSON form."""
        return setup_depuis_dict(d)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the setup."""
        return setup_en_dict(self)


def verifier(s: NegotiationSetup) -> None:
    """Raise SetupError with a French message at the first inconsistency."""
    cles = [e.cle for e in s.enjeux]
    if not cles or len(set(cles)) != len(cles):
        raise SetupError("enjeux : liste vide ou clés en double")
    for e in s.enjeux:
        _verifier_enjeu(e)
    if s.persona not in voc.PERSONAS:
        raise SetupError(f"persona inconnu : {s.persona}")
    if set(s.acheteur.poids) != set(cles) or any(w < 0 for w in s.acheteur.poids.values()):
        raise SetupError("poids : un poids positif par enjeu est attendu")
    if sum(s.acheteur.poids.values()) <= 0:
        raise SetupError("poids : la somme doit être positive")
    if not 0 <= s.acheteur.reservation < 1:
        raise SetupError("réservation : utilité entre 0 et 1 attendue")
    for m in s.acheteur.motivations:
        if m not in voc.MOTIVATIONS:
            raise SetupError(f"motivation inconnue : {m}")
    for o in s.objections:
        if o.declencheur not in voc.DECLENCHEURS or not set(o.techniques) <= set(
            voc.TECHNIQUES_OBJECTION
        ):
            raise SetupError(f"objection {o.id} : déclencheur ou technique inconnus")
    for f in s.faits:
        if f.theme not in voc.THEMES:
            raise SetupError(f"fait : thème inconnu {f.theme}")
    if s.duree_s <= 0:
        raise SetupError("durée : positive attendue")


def _verifier_enjeu(e: Enjeu) -> None:
    """Check one issue: kind, direction, aligned margin impacts, sorted numeric domain."""
    if e.nature not in voc.NATURES or e.sens_acheteur not in ("hausse", "baisse"):
        raise SetupError(f"enjeu {e.cle} : nature ou sens inconnus")
    if not e.valeurs or len(e.impact_marge) != len(e.valeurs):
        raise SetupError(f"enjeu {e.cle} : une valeur d'impact sur la marge par valeur")
    if est_numerique(e.nature) and list(e.valeurs) != sorted(e.valeurs):
        raise SetupError(f"enjeu {e.cle} : valeurs numériques à ranger par ordre croissant")


def niveaux_faisables(s: NegotiationSetup, e: Enjeu) -> list[int]:
    """Keep the values the supplier can honour and the law allows."""
    garde = list(range(len(e.valeurs)))
    if e.nature == "paiement":
        garde = [k for k in garde if e.valeurs[k] <= s.paiement_max_jours]  # type: ignore[operator]
    if e.nature == "delai" and s.delai_min_semaines is not None:
        garde = [k for k in garde if e.valeurs[k] >= s.delai_min_semaines]  # type: ignore[operator]
    if not garde:
        raise SetupError(f"enjeu {e.cle} : aucune valeur tenable ou légale")
    return garde


def construire(s: NegotiationSetup) -> Espace:
    """Enumerate the outcome space once and derive every table the buyer and the debrief use."""
    total = sum(s.acheteur.poids[e.cle] for e in s.enjeux)
    poids = [s.acheteur.poids[e.cle] / total for e in s.enjeux]
    vb = [utilites_unitaires(e, s.acheteur.utilites.get(e.cle)) for e in s.enjeux]
    niveaux = plafonner([niveaux_faisables(s, e) for e in s.enjeux], s.max_issues)
    cb = [[poids[i] * vb[i][k] for k in niv] for i, niv in enumerate(niveaux)]
    cm = [[float(s.enjeux[i].impact_marge[k]) for k in niv] for i, niv in enumerate(niveaux)]
    ub, mg = [0.0], [float(s.vendeur.marge_fixe)]
    for i in range(len(niveaux)):
        ub = [a + c for a in ub for c in cb[i]]
        mg = [a + c for a in mg for c in cm[i]]
    m_min, m_max = min(mg), max(mg)
    etendue = (m_max - m_min) or 1.0
    us = [(m - m_min) / etendue for m in mg]
    ordre_b = sorted(range(len(ub)), key=ub.__getitem__)
    ordre_s = sorted(range(len(us)), key=us.__getitem__)
    pareto = frontiere(ub, us)
    res_s = (float(s.vendeur.marge_plancher) - m_min) / etendue
    chemin = [sorted(range(len(c)), key=lambda k, c=c: -c[k]) for c in cb]  # type: ignore[misc]
    pertes = [[c[ch[0]] - c[k] for k in ch] for c, ch in zip(cb, chemin, strict=True)]
    return Espace(
        enjeux=s.enjeux, niveaux=niveaux, cb=cb, cm=cm, ub=ub, us=us,
        marge_min=m_min, marge_max=m_max, marge_fixe=s.vendeur.marge_fixe,
        res_b=s.acheteur.reservation, res_s=res_s,
        ordre_b=ordre_b, ub_tries=[ub[o] for o in ordre_b],
        ordre_s=ordre_s, us_tries=[us[o] for o in ordre_s],
        pareto=pareto, nash=point_nash(pareto, ub, us, s.acheteur.reservation, res_s),
        chemin=chemin, pertes=pertes, valeurs_b=vb, poids=poids,
    )  # fmt: skip


def _dec(v: object) -> Decimal | None:
    """Read an optional Decimal."""
    return None if v is None else to_decimal(v)


def enjeu_depuis_dict(d: dict[str, Any]) -> Enjeu:
    """Build an issue; numeric domains are sorted together with their margin impacts."""
    nature = d["nature"]
    try:
        valeurs = [lire_valeur(nature, v, d["cle"]) for v in d["valeurs"]]
    except ValeurInvalide as exc:
        raise SetupError(str(exc)) from None
    impacts = [to_decimal(x, "impact_marge") for x in d["impact_marge"]]
    if nature != "service" and len(impacts) == len(valeurs):
        paires = sorted(zip(valeurs, impacts, strict=True))
        valeurs, impacts = [p[0] for p in paires], [p[1] for p in paires]
    return Enjeu(
        cle=d["cle"],
        libelle=d.get("libelle", d["cle"]),
        nature=nature,
        valeurs=tuple(valeurs),
        sens_acheteur=d["sens_acheteur"],
        impact_marge=tuple(impacts),
    )


def setup_depuis_dict(d: dict[str, Any]) -> NegotiationSetup:
    """Build a NegotiationSetup from its JSON form (KeyError/SetupError on bad input)."""
    enjeux = tuple(enjeu_depuis_dict(e) for e in d["enjeux"])
    natures = {e.cle: e.nature for e in enjeux}
    a, v = d["acheteur"], d["vendeur"]
    acheteur = PreferencesAcheteur(
        poids={k: float(w) for k, w in a["poids"].items()},
        reservation=float(a["reservation"]),
        motivations=tuple(a.get("motivations", ())),
        exposant=None if a.get("exposant") is None else float(a["exposant"]),
        patience=None if a.get("patience") is None else float(a["patience"]),
        utilites={k: tuple(float(x) for x in t) for k, t in a.get("utilites", {}).items()},
        batna=a.get("batna", ""),
        budget_ht=_dec(a.get("budget_ht")),
    )
    vendeur = ObjectifsVendeur(
        marge_plancher=to_decimal(v["marge_plancher"]),
        marge_cible=to_decimal(v["marge_cible"]),
        marge_fixe=to_decimal(v.get("marge_fixe", 0)),
    )
    objections = tuple(
        Objection(
            id=o["id"],
            theme=o.get("theme", ""),
            texte=o["texte"],
            techniques=tuple(o["techniques"]),
            declencheur=o.get("declencheur", "offre"),
            enjeu=o.get("enjeu"),
            levee_si=None
            if o.get("levee_si") is None
            else lire_valeur(natures[o["enjeu"]], o["levee_si"]),
        )
        for o in d.get("objections", ())
    )
    faits = tuple(Fait(f["theme"], f["texte"], f.get("motivation")) for f in d.get("faits", ()))
    return NegotiationSetup(
        enjeux=enjeux,
        acheteur=acheteur,
        vendeur=vendeur,
        persona=d["persona"],
        objections=objections,
        faits=faits,
        repliques={k: tuple(t) for k, t in d.get("repliques", {}).items()},
        designations=dict(d.get("designations", {})),
        produit=str(d.get("produit", "")),
        duree_s=int(d.get("duree_s", 1200)),
        paiement_max_jours=int(d.get("paiement_max_jours", 60)),
        delai_min_semaines=d.get("delai_min_semaines"),
        quantite_ref=int(d.get("quantite_ref", 1)),
        prix_catalogue=_dec(d.get("prix_catalogue")),
        interlocuteur=d.get("interlocuteur", "l'acheteur"),
        max_issues=int(d.get("max_issues", 200_000)),
    )


def setup_en_dict(s: NegotiationSetup) -> dict[str, Any]:
    """Return the JSON form of a setup (Decimals as strings)."""
    a = s.acheteur
    return {
        "enjeux": [
            {
                "cle": e.cle,
                "libelle": e.libelle,
                "nature": e.nature,
                "valeurs": [en_json(x) for x in e.valeurs],
                "sens_acheteur": e.sens_acheteur,
                "impact_marge": [str(x) for x in e.impact_marge],
            }
            for e in s.enjeux
        ],
        "acheteur": {
            "poids": dict(a.poids),
            "reservation": a.reservation,
            "motivations": list(a.motivations),
            "exposant": a.exposant,
            "patience": a.patience,
            "utilites": {k: list(t) for k, t in a.utilites.items()},
            "batna": a.batna,
            "budget_ht": None if a.budget_ht is None else str(a.budget_ht),
        },
        "vendeur": {
            "marge_plancher": str(s.vendeur.marge_plancher),
            "marge_cible": str(s.vendeur.marge_cible),
            "marge_fixe": str(s.vendeur.marge_fixe),
        },
        "persona": s.persona,
        "objections": [
            {
                "id": o.id,
                "theme": o.theme,
                "texte": o.texte,
                "techniques": list(o.techniques),
                "declencheur": o.declencheur,
                "enjeu": o.enjeu,
                "levee_si": None if o.levee_si is None else en_json(o.levee_si),
            }
            for o in s.objections
        ],
        "faits": [
            {"theme": f.theme, "texte": f.texte, "motivation": f.motivation} for f in s.faits
        ],
        "repliques": {k: list(t) for k, t in s.repliques.items()},
        "designations": dict(s.designations),
        "produit": s.produit,
        "duree_s": s.duree_s,
        "paiement_max_jours": s.paiement_max_jours,
        "delai_min_semaines": s.delai_min_semaines,
        "quantite_ref": s.quantite_ref,
        "prix_catalogue": None if s.prix_catalogue is None else str(s.prix_catalogue),
        "interlocuteur": s.interlocuteur,
        "max_issues": s.max_issues,
    }
