"""Domain errors of the engine, in one place: each speaks French and says what is wrong."""

from __future__ import annotations


class EngineError(ValueError):
    """An input the engine refuses, with the faulty field's path (``lignes[1].quantite``)."""

    def __init__(self, champ: str, message: str) -> None:
        super().__init__(f"{champ} : {message}")
        self.champ = champ
        self.message = message


class QuoteError(EngineError):
    """A quote (devis) input that cannot be computed."""


class RiskError(EngineError):
    """Financial statements or a payment history that cannot be analysed."""


class SupplyError(EngineError):
    """A supply (approvisionnement) input that cannot be analysed."""


class ProspectionError(ValueError):
    """Invalid prospection input; `messages` lists every problem found, in French."""

    def __init__(self, messages: list[str] | str) -> None:
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__(" ; ".join(self.messages))


class CampaignError(ProspectionError):
    """A campaign plan that cannot be run."""


class PipelineError(ProspectionError):
    """A pipeline move that is not allowed."""


class TargetingError(ProspectionError):
    """Scoring criteria or weights that cannot be applied."""


class SetupError(ValueError):
    """A negotiation setup that cannot be played."""
