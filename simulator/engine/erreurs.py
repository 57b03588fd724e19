"""Domain errors of the engine: each names the faulty field and speaks French."""

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
