"""How hard a candidate's situation is, so a jury keeps the variants of one session equivalent."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cachetools import LRUCache

from simulator.engine.negotiation import NegotiationSetup
from simulator.engine.negotiation.outcome_space import Espace
from simulator.engine.negotiation.setup import construire
from simulator.engine.risk.credit import analyser_risque
from simulator.engine.scoring.metrics import zopa
from simulator.models import SituationVersion
from simulator.operations.negotiation_replay import setup_of
from simulator.operations.risk_inputs import dossier
from simulator.scenarios.negotiation_setup.adapter import setup_from_snapshot

#: Boulware buyers (exponent < 1) concede late: the lower, the tougher
_TOUGHNESS = ((Decimal("0.4"), "très dur"), (Decimal("1"), "dur"), (Decimal("1.6"), "souple"))


@dataclass(frozen=True)
class Difficulty:
    """Zone of agreement, buyer toughness and client risk of one situation version."""

    zopa_exists: bool
    zopa_width: Decimal
    persona: str
    exponent: Decimal
    toughness: str
    patience: int
    risk_level: int
    risk_label: str


def assess(snapshot: dict[str, Any]) -> Difficulty:
    """Measure a snapshot's difficulty (jury only: it reads the buyer's hidden side)."""
    setup = setup_from_snapshot(snapshot)
    return _assess(snapshot, setup, construire(setup))


def _assess(snapshot: dict[str, Any], setup: NegotiationSetup, space: Espace) -> Difficulty:
    area = zopa(setup, space)
    hidden = snapshot["negotiation"]["hidden"]
    exponent = Decimal(hidden["concession_exponent"])
    toughness = next((label for limit, label in _TOUGHNESS if exponent < limit), "très souple")
    risk = analyser_risque(dossier(snapshot)).classe
    return Difficulty(
        area["zopa_existe"],
        area["zopa_largeur"],
        hidden["persona"],
        exponent,
        toughness,
        int(hidden["patience"]),
        risk.niveau,
        risk.libelle,
    )


#: version identity (id, n, snapshot sha256) -> its difficulty; a stored version never changes
_ASSESSED: LRUCache[tuple[int, int, str], Difficulty] = LRUCache(512)
_LOCK = threading.Lock()


def assess_version(version: SituationVersion) -> Difficulty:
    """`assess` of a stored version, computed once per process (the dashboard's cells, the
    console and its polls all ask again for the same immutable version)."""
    key = version.identity
    with _LOCK:
        known = _ASSESSED.get(key)
    if known is None:
        setup = setup_of(version)  # shared with the negotiation's replays: one outcome space
        known = _assess(version.snapshot, setup, setup.espace)
        with _LOCK:
            _ASSESSED[key] = known
    return known
