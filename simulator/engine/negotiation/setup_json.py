"""JSON codec of NegotiationSetup (the scenarios layer emits this form)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from simulator.engine.money import to_decimal
from simulator.engine.negotiation.setup import (
    Enjeu,
    Fait,
    NegotiationSetup,
    ObjectifsVendeur,
    Objection,
    PreferencesAcheteur,
    SetupInvalide,
)
from simulator.engine.negotiation.valeurs import ValeurInvalide, en_json, lire_valeur


def _dec(v: object) -> Decimal | None:
    """Read an optional Decimal."""
    return None if v is None else to_decimal(v)


def enjeu_depuis_dict(d: dict[str, Any]) -> Enjeu:
    """Build an issue; numeric domains are sorted together with their margin impacts."""
    nature = d["nature"]
    try:
        valeurs = [lire_valeur(nature, v, d["cle"]) for v in d["valeurs"]]
    except ValeurInvalide as exc:
        raise SetupInvalide(str(exc)) from None
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
    """Build a NegotiationSetup from its JSON form (KeyError/SetupInvalide on bad input)."""
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
        "duree_s": s.duree_s,
        "paiement_max_jours": s.paiement_max_jours,
        "delai_min_semaines": s.delai_min_semaines,
        "quantite_ref": s.quantite_ref,
        "prix_catalogue": None if s.prix_catalogue is None else str(s.prix_catalogue),
        "interlocuteur": s.interlocuteur,
        "max_issues": s.max_issues,
    }
