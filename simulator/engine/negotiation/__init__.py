"""The simulated B2B buyer: multi-issue alternating offers with conversation moves (pure, seeded)."""

from simulator.engine.negotiation.coups import Coup, CoupInvalide
from simulator.engine.negotiation.espace import Espace
from simulator.engine.negotiation.etat import Etat
from simulator.engine.negotiation.moteur import play, replay, start
from simulator.engine.negotiation.public import public_reply, public_view
from simulator.engine.negotiation.reponse import Reponse, Transcription
from simulator.engine.negotiation.setup import (
    Enjeu,
    Fait,
    NegotiationSetup,
    ObjectifsVendeur,
    Objection,
    PreferencesAcheteur,
    SetupInvalide,
)

State = Etat
BuyerReply = Reponse
Move = Coup
Transcript = Transcription

__all__ = [
    "BuyerReply",
    "Coup",
    "CoupInvalide",
    "Enjeu",
    "Espace",
    "Etat",
    "Fait",
    "Move",
    "NegotiationSetup",
    "ObjectifsVendeur",
    "Objection",
    "PreferencesAcheteur",
    "Reponse",
    "SetupInvalide",
    "State",
    "Transcript",
    "Transcription",
    "play",
    "public_reply",
    "public_view",
    "replay",
    "start",
]
