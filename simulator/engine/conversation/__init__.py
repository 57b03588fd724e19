"""Free French in: a seller's utterance understood as a move of the documented moves format.

Pure and deterministic (curated patterns + text2num + rapidfuzz; no model to load, no globals but
small ``lru_cache`` memos). The room calls ``understand(text, context)`` and shows
``Understanding.paraphrase`` (or asks ``Understanding.clarification``) before playing the move.
"""

from simulator.engine.conversation.context import (
    ConversationContext,
    IssueSpec,
    ObjectionSpec,
    ServiceSpec,
)
from simulator.engine.conversation.understand import Understanding, understand

__all__ = [
    "ConversationContext",
    "IssueSpec",
    "ObjectionSpec",
    "ServiceSpec",
    "Understanding",
    "understand",
]
