"""Domain errors of prospection, with French messages the web layer shows as they are."""

from __future__ import annotations


class ErreurProspection(ValueError):
    """Invalid prospection input; `messages` lists every problem found, in French."""

    def __init__(self, messages: list[str] | str) -> None:
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__(" ; ".join(self.messages))


class ErreurCampagne(ErreurProspection):
    """A campaign plan that cannot be run."""


class ErreurPipeline(ErreurProspection):
    """A pipeline move that is not allowed."""


class ErreurCiblage(ErreurProspection):
    """Scoring criteria or weights that cannot be applied."""
