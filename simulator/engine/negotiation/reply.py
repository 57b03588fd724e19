"""The buyer's reply to a move, and the transcript of a whole negotiation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from simulator.engine.negotiation.state import Etat, TermesJson


@dataclass
class Reponse:
    """A buyer reply: kind, French utterance, emotion; `raison` is for the debrief only."""

    tour: int
    type: str  # reponse | accepte | contre_offre | objection | question | accord_partiel | signature | rupture
    texte: str
    emotion: str
    termes: TermesJson | None = None
    enjeux_acceptes: list[str] = field(default_factory=list)
    objection: str | None = None
    fait: dict[str, Any] | None = None
    priorite: str | None = None
    raison: dict[str, Any] = field(default_factory=dict)  # rule fired, utilities, target: hidden

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reponse:
        """Rebuild a reply from its JSON form."""
        return cls(**d)


@dataclass
class Transcription:
    """Every (move, reply) pair of a negotiation and the final state."""

    graine: int
    tours: list[dict[str, Any]]  # {"index", "temps_s", "coup", "reponse"}
    etat: Etat

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"graine": self.graine, "tours": self.tours, "etat": self.etat.to_dict()}
