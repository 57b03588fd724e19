"""The seller's opening offer: the student's latest issued quote on the negotiated situation."""

from __future__ import annotations

from typing import Any

from simulator.models import Negotiation
from simulator.operations.negotiation_replay import setup_of
from simulator.operations.quotes import issued_quotes
from simulator.scenarios.negotiation_setup.quote_offer import opening_of_quote


def opening_quote(negotiation: Negotiation) -> dict[str, Any] | None:
    """The latest quote the student issued for this situation, as an opening offer (or None)."""
    version = negotiation.situation_version
    for quote in issued_quotes(negotiation.student):
        if quote.situation_id != version.situation_id or not quote.totals:
            continue
        return opening_of_quote(
            setup_of(version), version.snapshot, quote.number or "", quote.inputs, quote.totals
        )
    return None
