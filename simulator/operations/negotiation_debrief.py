"""The debrief, recomputed from the event log; who may see it; the concession-curve chart."""

from __future__ import annotations

from typing import Any

from simulator.engine.errors import RiskError
from simulator.engine.risk.credit import analyser_risque
from simulator.engine.scoring import Couverture, debrief
from simulator.extensions import db
from simulator.models import ClassSession, Negotiation, SessionMode, User
from simulator.operations.errors import OperationError
from simulator.operations.negotiation_opening import opening_quote
from simulator.operations.negotiations import Game
from simulator.operations.risk_analysis import tentatives
from simulator.operations.risk_inputs import dossier, lire_saisie

W, H, LEFT, RIGHT, TOP, BOTTOM = 640, 300, 56, 16, 16, 44


def session_of(negotiation: Negotiation) -> ClassSession | None:
    """The class session the negotiation's situation belongs to."""
    situation = negotiation.situation_version.situation
    return (
        db.session.get(ClassSession, situation.class_session_id)
        if situation.class_session_id
        else None
    )


def is_exam(negotiation: Negotiation) -> bool:
    """Exam mode holds the debrief until a trainer releases it."""
    session = session_of(negotiation)
    return session is not None and session.mode == SessionMode.EXAM


def debrief_visible(negotiation: Negotiation) -> bool:
    """The student sees the debrief once it is over, and in exam mode once released."""
    return negotiation.finished and (negotiation.debrief_released or not is_exam(negotiation))


def risk_covers(negotiation: Negotiation) -> tuple[Couverture, ...]:
    """The payment cover the client's risk class calls for, and the student's own (last attempt
    on the risk page), to compare with the agreed terms (criterion 2)."""
    version = negotiation.situation_version
    covers = []
    try:
        analyse = analyser_risque(dossier(version.snapshot))
    except (RiskError, KeyError, TypeError, ValueError):
        analyse = None
    if analyse is not None:
        expo = analyse.exposition
        minimum = expo.acompte_minimum_pourcentage if expo and expo.depassement else None
        covers.append(Couverture.de_classe(analyse.classe.niveau, minimum, "couverture attendue"))
    attempts = tentatives(version.situation, negotiation.student)
    if attempts:
        saisie = lire_saisie(attempts[0].payload.get("saisie", {}))
        if saisie.classe is not None and not saisie.erreurs:
            own = Couverture.de_classe(saisie.classe, saisie.acompte, "votre analyse de risque")
            covers.append(own)
    return tuple(covers)


def debrief_of(game: Game) -> dict[str, Any]:
    """The E4 debrief, computed deterministically from the transcript (stored nowhere)."""
    n = game.negotiation
    opening = opening_quote(n)
    d = debrief(
        game.setup,
        game.transcript,
        n.preparation or None,
        n.follow_up,
        risk_covers(n),
        None if opening is None else opening["marge"],
    )
    d["ouverture_devis"] = opening
    return d


def release(trainer: User, negotiation_id: int) -> Negotiation:
    """Publish a debrief to the student (only the trainer of the class session may)."""
    negotiation = db.session.get(Negotiation, negotiation_id)
    session = session_of(negotiation) if negotiation else None
    if negotiation is None or session is None or session.trainer_id != trainer.id:
        raise OperationError("Cette négociation n'existe pas.", 404)
    negotiation.debrief_released = True
    db.session.flush()
    return negotiation


def chart(
    courbes: dict[str, list[dict[str, Any]]], duree_s: int, reservation: float | None = None
) -> dict[str, Any]:
    """SVG geometry of the offers over time: the buyer's utility of each side's offers."""
    used = max([120.0] + [p["temps_s"] for side in courbes.values() for p in side])
    end = min(float(duree_s), 60 * (used // 60 + 1)) if used < duree_s else used

    def x(t: float) -> float:
        return round(LEFT + (W - LEFT - RIGHT) * t / end, 1)

    def y(u: float) -> float:
        return round(TOP + (H - TOP - BOTTOM) * (1 - max(0.0, min(1.0, u))), 1)

    series = {}
    for side in ("vendeur", "acheteur"):
        points = [
            (x(p["temps_s"]), y(p["u_acheteur"]), p["tour"], p["marge"])
            for p in courbes.get(side, [])
        ]
        series[side] = {"points": points, "path": " ".join(f"{px},{py}" for px, py, _, _ in points)}
    minutes = range(0, int(end // 60) + 1, max(1, int(end // 60) // 10 or 1))
    return {
        "w": W,
        "h": H,
        "left": LEFT,
        "right": W - RIGHT,
        "top": TOP,
        "bottom": H - BOTTOM,
        "series": series,
        "xticks": [(x(m * 60), m) for m in minutes],
        "yticks": [(y(v / 100), v) for v in range(0, 101, 25)],
        "reservation": None if reservation is None else y(reservation),
    }
