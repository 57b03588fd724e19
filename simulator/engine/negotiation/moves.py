"""The seller's moves (coups): structure, JSON form and validation against a setup."""

from __future__ import annotations

import re

from dataclasses import asdict, dataclass, field
from typing import Any

from simulator.engine.negotiation import vocabulary as voc
from simulator.engine.negotiation.issues import Enjeu
from simulator.engine.negotiation.setup import NegotiationSetup
from simulator.engine.negotiation.values import (
    Valeur,
    ValeurInvalide,
    ValeurJson,
    afficher,
    est_numerique,
)

#: when a move carries no clock, it is taken to last this long (scripted play)
DUREE_COUP_DEFAUT_S = 40.0


class CoupInvalide(ValueError):
    """A move that cannot be played (French message for the student or the trainer)."""


class HorsPlage(CoupInvalide):
    """A term outside the situation's declared range or grid (the web answers 422)."""


@dataclass(frozen=True)
class Coup:
    """One seller move; only the fields of its type are meaningful."""

    type: str
    temps_s: float | None = None  # elapsed seconds since the start, from the caller's clock
    texte: str = ""
    theme: str | None = None
    motivation: str | None = None
    caracteristique: str = ""
    avantage: str = ""
    preuve: str = ""
    objection: str | None = None
    technique: str | None = None
    termes: dict[str, ValeurJson] | None = None
    enjeu: str | None = None
    valeur: ValeurJson | None = None
    contrepartie: dict[str, ValeurJson | None] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Coup:
        """Read a move from its JSON form (a counterpart may be a list of keys or a dict)."""
        if d.get("type") not in voc.TYPES_COUPS:
            raise CoupInvalide(f"type de coup inconnu : {d.get('type')!r}")
        inconnus = set(d) - set(cls.__dataclass_fields__)
        if inconnus:
            raise CoupInvalide(f"champs inconnus : {', '.join(sorted(inconnus))}")
        contre = d.get("contrepartie") or {}
        if isinstance(contre, list):
            contre = {k: None for k in contre}
        elif isinstance(contre, dict) and "enjeu" in contre:
            contre = {contre["enjeu"]: contre.get("valeur")}
        temps = d.get("temps_s")
        if temps is not None and (isinstance(temps, bool) or not isinstance(temps, (int, float))):
            raise CoupInvalide("temps_s : nombre de secondes attendu")
        return cls(**{**d, "contrepartie": dict(contre), "temps_s": temps})

    def to_dict(self) -> dict[str, Any]:
        """Return the compact JSON form (empty fields left out)."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "", {}, [])}


def valider(s: NegotiationSetup, c: Coup) -> None:
    """Raise CoupInvalide when the move names things the setup does not know."""
    exige = {
        "question": ("theme", voc.THEMES),
        "argument": ("motivation", voc.MOTIVATIONS),
        "traitement_objection": ("technique", voc.TECHNIQUES_OBJECTION),
        "conclusion": ("technique", voc.TECHNIQUES_CONCLUSION),
    }
    if c.type in exige:
        champ, connus = exige[c.type]
        if getattr(c, champ) not in connus:
            raise CoupInvalide(f"{champ} inconnu : {getattr(c, champ)!r}")
    if c.type == "traitement_objection" and c.objection not in {o.id for o in s.objections}:
        raise CoupInvalide(f"objection inconnue : {c.objection!r}")
    if c.type == "offre" and not c.termes:
        raise CoupInvalide("une offre doit préciser au moins un terme")
    if c.type == "concession" and (c.enjeu is None or c.valeur is None):
        raise CoupInvalide("une concession précise l'enjeu et la nouvelle valeur")
    cles = set((c.termes or {}).keys()) | set(c.contrepartie) | ({c.enjeu} if c.enjeu else set())
    inconnues = cles - set(s.index)
    if inconnues:
        raise CoupInvalide(f"enjeu inconnu : {', '.join(sorted(inconnues))}")
    valeurs = list((c.termes or {}).items()) + list(c.contrepartie.items())
    if c.enjeu is not None:
        valeurs.append((c.enjeu, c.valeur))
    for k, v in valeurs:
        if v is not None:
            verifier_terme(s, k, v)


def verifier_terme(s: NegotiationSetup, cle: str, brut: object) -> Valeur:
    """Read one term and check it against its issue's declared range and grid: the one place
    every caller (room, CLI, jury panel, scripted play) goes through.

    A numeric value must lie between the issue's first and last declared values (values between
    two grid points are read by interpolation); an option must be one of the declared options.
    Selling below cost stays possible: that is a margin the student chooses, not a range.
    """
    e = s.enjeux[s.index[cle]]
    try:
        v = e.lire(brut)
    except ValeurInvalide as exc:
        raise CoupInvalide(str(exc)) from None
    if not est_numerique(e.nature):
        if v not in e.valeurs:
            options = ", ".join(f"« {o} »" for o in e.valeurs)
            raise HorsPlage(f"{e.libelle} : option « {v} » inconnue (choix : {options})")
        return v
    bas, haut = e.valeurs[0], e.valeurs[-1]
    if not bas <= v <= haut:  # type: ignore[operator]
        raise HorsPlage(message_hors_plage(e, v))
    return v


def message_hors_plage(e: Enjeu, v: Valeur) -> str:
    """« Remise : −80 % hors de la plage 0 à 25 % »."""
    bas, haut = e.valeurs[0], e.valeurs[-1]
    valeur = afficher(e.nature, v).replace("-", "\u2212", 1)
    borne = afficher(e.nature, bas).split()[0] if e.nature != "prix" else afficher(e.nature, bas)
    libelle = re.sub(r"\s*\([^)]*\)$", "", e.libelle)  # « Remise (%) » -> « Remise »
    return f"{libelle} : {valeur} hors de la plage {borne} à {afficher(e.nature, haut)}"
