"""The offer history kept in the state: concession curves and the debrief read it."""

from __future__ import annotations

from decimal import Decimal

from simulator.engine.negotiation.context import en_termes_json
from simulator.engine.negotiation.outcome_space import Espace, Termes
from simulator.engine.negotiation.state import Etat

CENTIME = Decimal("0.01")


def enregistrer_offre(
    esp: Espace, etat: Etat, camp: str, termes: Termes, u_b: float, marge: Decimal, cond: bool
) -> None:
    """Append a complete package with both sides' utilities and the seller's margin."""
    etat.offres.append({
        "tour": etat.tour, "camp": camp, "temps_s": etat.temps_s,
        "termes": en_termes_json(termes), "u_acheteur": round(u_b, 6),
        "u_vendeur": round(esp.utilite_marge(marge), 6),
        "marge": str(marge.quantize(CENTIME)), "conditionnelle": cond,
    })  # fmt: skip
