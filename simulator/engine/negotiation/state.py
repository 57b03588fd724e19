"""State of a negotiation: a pure function of (setup, seed, moves), JSON-serialisable."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from simulator.engine.negotiation.values import ValeurJson

TermesJson = dict[str, ValeurJson]
STATUTS_FINAUX = frozenset({"conclue", "rompue", "abandon", "expiree"})


@dataclass
class Etat:
    """Everything the buyer remembers; hidden fields are stripped by public.public_view."""

    graine: int
    patience: float
    poids_vendeur: dict[str, float]  # the buyer's frequency model of the seller's priorities
    objections: dict[str, str]  # id -> latente | exprimee | reportee | traitee | levee
    tour: int = 0
    temps_s: float = 0.0
    statut: str = "en_cours"  # en_cours | accord | conclue | rompue | abandon | expiree
    rapport: int = 0
    valeur_percue: float = 0.0  # raised by arguments that answer the real motivations
    exigence: float = 0.0  # raised by concessions given without a counterpart
    faits: list[int] = field(default_factory=list)
    faits_non_reformules: int = 0
    priorites: list[str] = field(default_factory=list)
    arguments: dict[str, int] = field(default_factory=dict)
    arguments_entendus: dict[str, int] = field(
        default_factory=dict
    )  # identical CAP argument -> count
    offres_extremes: int = 0  # offers far outside the buyer's acceptable region
    offre_vendeur: TermesJson | None = None
    contre_offre: TermesJson | None = None
    accords_partiels: TermesJson = field(default_factory=dict)
    accord: TermesJson | None = None
    recap: TermesJson | None = None
    offres: list[dict[str, Any]] = field(default_factory=list)
    dits: list[str] = field(
        default_factory=list
    )  # fingerprints of the buyer's replies (no repeats)

    @property
    def termine(self) -> bool:
        """Tell whether the negotiation is over."""
        return self.statut in STATUTS_FINAUX

    def copie(self) -> Etat:
        """Return a copy whose containers can be changed without touching this state."""
        autre = Etat(**{nom: getattr(self, nom) for nom in _CHAMPS})
        for nom in (
            "poids_vendeur",
            "objections",
            "arguments",
            "arguments_entendus",
            "accords_partiels",
        ):
            setattr(autre, nom, dict(getattr(self, nom)))
        autre.faits, autre.priorites, autre.offres, autre.dits = (
            list(self.faits),
            list(self.priorites),
            list(self.offres),
            list(self.dits),
        )
        return autre

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Etat:
        """Rebuild a state from its JSON form."""
        return cls(**{"dits": [], **d})


_CHAMPS = tuple(f.name for f in fields(Etat))
