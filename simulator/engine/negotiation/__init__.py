"""The simulated B2B buyer: multi-issue alternating offers with conversation moves (pure, seeded)."""

from simulator.engine.errors import SetupError
from simulator.engine.negotiation.issues import Enjeu
from simulator.engine.negotiation.moves import Coup, CoupInvalide
from simulator.engine.negotiation.outcome_space import Espace
from simulator.engine.negotiation.public import public_reply, public_view
from simulator.engine.negotiation.reply import Reponse, Transcription
from simulator.engine.negotiation.setup import (
    Fait,
    NegotiationSetup,
    ObjectifsVendeur,
    Objection,
    PreferencesAcheteur,
)
from simulator.engine.negotiation.state import Etat
from simulator.engine.negotiation.turns import play, replay, start

__all__ = [
    "Coup",
    "CoupInvalide",
    "Enjeu",
    "Espace",
    "Etat",
    "Fait",
    "NegotiationSetup",
    "ObjectifsVendeur",
    "Objection",
    "PreferencesAcheteur",
    "Reponse",
    "SetupError",
    "Transcription",
    "play",
    "public_reply",
    "public_view",
    "replay",
    "start",
]
