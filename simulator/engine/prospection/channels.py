"""Prospecting channels: cost, time and response-model parameters (defaults, pack overrides)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from enum import Enum
from typing import Any

from simulator.engine.errors import CampaignError
from simulator.engine.money import MoneyError, to_decimal


class Canal(str, Enum):
    """A prospecting channel."""

    phoning = "phoning"
    emailing = "emailing"
    message_linkedin = "message_linkedin"
    visite = "visite"
    salon = "salon"

    @property
    def libelle(self) -> str:
        """French label."""
        return LIBELLES_CANAUX[self]


LIBELLES_CANAUX: dict[Canal, str] = {
    Canal.phoning: "Phoning",
    Canal.emailing: "E-mailing",
    Canal.message_linkedin: "Message sur réseau social professionnel",
    Canal.visite: "Visite à froid",
    Canal.salon: "Salon professionnel (invitation sur le stand)",
}

#: Order in which a prospect's actions happen during the campaign: cheapest touch first.
ORDRE_CANAUX: tuple[Canal, ...] = (
    Canal.emailing,
    Canal.message_linkedin,
    Canal.salon,
    Canal.phoning,
    Canal.visite,
)


@dataclass(frozen=True, slots=True)
class ParametresCanal:
    """Cost, time and response model of one channel; probabilities are Decimal in 0..1."""

    cout_par_action: Decimal  #: € HT per action (salesperson time at full cost + tools)
    minutes_par_action: int
    frais_fixes: Decimal = Decimal(
        "0.00"
    )  #: € HT once if the channel is used (stand, routing tool)
    cout_par_km: Decimal = Decimal("0.00")  #: € HT per km, counted on the round trip
    minutes_par_km: Decimal = Decimal(0)  #: driving time per km, round trip
    joignabilite: Decimal = Decimal("0.30")  #: base probability of a useful contact
    taux_rdv: Decimal = Decimal("0.15")  #: base probability contact → rendez-vous
    taux_opportunite: Decimal = Decimal("0.35")  #: base probability rendez-vous → opportunité
    #: fit of the channel with company size, index = size note 1..5 (0 to 9 … 250 and more)
    affinite_taille: tuple[Decimal, ...] = (Decimal(1),) * 5
    touche_telephone: bool = False  #: a wrong phone number makes the action fail
    touche_contact: bool = False  #: an outdated named contact makes the action fail


def _d(*values: str) -> tuple[Decimal, ...]:
    """Tuple of Decimals from strings."""
    return tuple(Decimal(v) for v in values)


#: Default channel table (textbook orders of magnitude, 2025; a pack may override any field).
CANAUX_DEFAUT: dict[Canal, ParametresCanal] = {
    Canal.phoning: ParametresCanal(
        Decimal("4.50"),
        10,
        joignabilite=Decimal("0.35"),
        taux_rdv=Decimal("0.15"),
        taux_opportunite=Decimal("0.35"),
        affinite_taille=_d("1", "1", "1", "1", "0.9"),
        touche_telephone=True,
        touche_contact=True,
    ),
    Canal.emailing: ParametresCanal(
        Decimal("0.40"),
        2,
        frais_fixes=Decimal("150.00"),
        joignabilite=Decimal("0.12"),
        taux_rdv=Decimal("0.18"),
        taux_opportunite=Decimal("0.30"),
        affinite_taille=_d("1.2", "1.1", "1", "0.8", "0.6"),
        touche_contact=True,
    ),
    Canal.message_linkedin: ParametresCanal(
        Decimal("1.50"),
        5,
        joignabilite=Decimal("0.20"),
        taux_rdv=Decimal("0.15"),
        taux_opportunite=Decimal("0.30"),
        affinite_taille=_d("0.7", "1", "1.2", "1.1", "1"),
        touche_contact=True,
    ),
    Canal.visite: ParametresCanal(
        Decimal("60.00"),
        60,
        cout_par_km=Decimal("0.45"),
        minutes_par_km=Decimal(1),
        joignabilite=Decimal("0.60"),
        taux_rdv=Decimal("0.30"),
        taux_opportunite=Decimal("0.45"),
        affinite_taille=_d("0.6", "0.8", "1", "1.2", "1.3"),
    ),
    Canal.salon: ParametresCanal(
        Decimal("25.00"),
        15,
        frais_fixes=Decimal("2500.00"),
        joignabilite=Decimal("0.30"),
        taux_rdv=Decimal("0.35"),
        taux_opportunite=Decimal("0.40"),
        affinite_taille=_d("0.8", "0.9", "1", "1.1", "1.2"),
    ),
}

_ARGENT = {"cout_par_action", "frais_fixes", "cout_par_km"}


def lire_canal(nom: str) -> Canal:
    """Parse a channel name or raise CampaignError with the list of known channels."""
    try:
        return Canal(nom)
    except ValueError:
        connus = ", ".join(c.value for c in Canal)
        raise CampaignError(f"Canal inconnu : « {nom} ». Canaux possibles : {connus}.") from None


def _valeur(champ: str, brut: object) -> Any:
    """Convert one override value (YAML floats are accepted for rates only, via their text)."""
    if champ == "minutes_par_action":
        return int(str(brut))
    if champ in ("touche_telephone", "touche_contact"):
        return bool(brut)
    if champ == "affinite_taille":
        return tuple(Decimal(str(v)) for v in brut)  # type: ignore[attr-defined]
    if champ in _ARGENT:
        return to_decimal(brut, champ)
    return Decimal(str(brut))


def parametres_canaux(
    section: Mapping[str, Mapping[str, object]] | None = None,
) -> dict[Canal, ParametresCanal]:
    """Default channel table with a pack section's overrides applied ({canal: {champ: valeur}})."""
    table = dict(CANAUX_DEFAUT)
    noms = {f.name for f in fields(ParametresCanal)}
    for nom, valeurs in (section or {}).items():
        canal = lire_canal(nom)
        inconnus = sorted(set(valeurs) - noms)
        if inconnus:
            raise CampaignError(f"Paramètre inconnu pour le canal {nom} : {', '.join(inconnus)}.")
        try:
            table[canal] = replace(table[canal], **{k: _valeur(k, v) for k, v in valeurs.items()})
        except (MoneyError, ArithmeticError, ValueError, TypeError) as exc:
            raise CampaignError(f"Valeur invalide pour le canal {nom} : {exc}.") from None
        _verifier(canal, table[canal])
    return table


def _verifier(canal: Canal, p: ParametresCanal) -> None:
    """Refuse negative costs or times and probabilities outside 0..1."""
    if (
        min(p.cout_par_action, p.frais_fixes, p.cout_par_km, p.minutes_par_km) < 0
        or p.minutes_par_action < 0
    ):
        raise CampaignError(f"Canal {canal.value} : coûts et durées doivent être positifs.")
    if not all(0 <= t <= 1 for t in (p.joignabilite, p.taux_rdv, p.taux_opportunite)):
        raise CampaignError(f"Canal {canal.value} : les taux doivent être compris entre 0 et 1.")
    if len(p.affinite_taille) != 5 or min(p.affinite_taille) < 0:
        raise CampaignError(f"Canal {canal.value} : affinite_taille attend 5 valeurs positives.")
