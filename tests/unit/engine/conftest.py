"""Fixtures of the negotiation tests: setup factories that return callables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from simulator.engine.negotiation import NegotiationSetup
from tests.unit.engine.negotiation.setup_factory import fabriquer


@pytest.fixture
def make_setup() -> Callable[..., NegotiationSetup]:
    """Return the hand-built setup factory (persona, reservation, graine, poids, overrides)."""

    def _make(**kw: Any) -> NegotiationSetup:
        return fabriquer(**kw)

    return _make
