"""The jury during the negotiation: events injected at the next turn, the human buyer's replies.

Everything is an event of the negotiation's stream at the next position: a candidate's move and
a jury write racing for the same position cannot both win (unique seq), so neither is lost: the
loser gets a French 409 and writes again on the fresh state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.attributes import flag_modified

from simulator.engine.negotiation.human_buyer import TYPES_HUMAINS, premier_controle
from simulator.extensions import db
from simulator.models import Event, Negotiation, Situation, SituationVersion, User
from simulator.operations import events, situation_versions
from simulator.operations.errors import ConflictError, OperationError
from simulator.operations.flushing import conflict_guard
from simulator.operations.negotiations import CONCURRENT, FIN, _finish, game_of
from simulator.operations.negotiations import STREAM as NEGOTIATION
from simulator.scenarios.registry.presets import (
    budget_reduit,
    changement_interlocuteur,
    conditions_paiement_imposees,
    offre_concurrente,
    retard_fournisseur,
)

Builder = Callable[[dict[str, Any]], dict[str, str]]


#: the usual events of an exam negotiation: announcement -> overrides built on the version in force
JURY_EVENTS: dict[str, tuple[str, Builder]] = {
    "retard_fournisseur": (
        _l(
            "Le fournisseur annonce un retard : plus de stock, réapprovisionnement "
            "allongé de 3 semaines"
        ),
        retard_fournisseur,
    ),
    "offre_concurrente": (
        _l("Le client reçoit une offre concurrente 5 % moins chère que l’actuelle"),
        offre_concurrente,
    ),
    "changement_interlocuteur": (_l("Changement d'interlocuteur"), changement_interlocuteur),
    "budget_reduit": (_l("Le client annonce un budget réduit de 15 %"), budget_reduit),
    "paiement_impose": (
        _l("Le client impose un paiement à 30 jours au plus"),
        lambda s: conditions_paiement_imposees(s, 30),
    ),
}
JURY_LATE = (
    "Le candidat a joué un coup au même moment : votre saisie n'est pas enregistrée "
    "(rien n'est perdu). Relisez l'échange à jour puis validez à nouveau."
)


class ReplyWarnings(OperationError):
    """A human buyer's reply beyond the hidden limits: shown to the juror, who may confirm it."""

    status_code = 422

    def __init__(self, warnings: list[str]) -> None:
        super().__init__(" ".join(warnings), 422)
        self.warnings = warnings


def _running(negotiation: Negotiation | None) -> Negotiation:
    if negotiation is None or negotiation.status != "running":
        raise OperationError(_("La négociation n’est pas en cours."), 409)
    return negotiation


def version_in_force(negotiation: Negotiation) -> SituationVersion:
    """The situation version the buyer plays on now (the last jury event's, else the first)."""
    game = game_of(negotiation)
    last = [e for e in game.events if e.kind == "evenement_jury"]
    if not last:
        return negotiation.situation_version
    return db.session.get_one(SituationVersion, last[-1].payload["version_id"])


def seen_seq(negotiation: Negotiation) -> int:
    """The last position this request sees in the negotiation's stream."""
    return events.next_seq(NEGOTIATION, negotiation.id) - 1


def _append(
    negotiation: Negotiation, kind: str, actor: str, payload: dict[str, Any], juror: User
) -> None:
    """Append at the next position and bump the negotiation's version (a concurrent write loses)."""
    seq = seen_seq(negotiation) + 1
    with conflict_guard(ConflictError(_(JURY_LATE))):
        db.session.add(
            Event(
                stream_type=NEGOTIATION,
                stream_id=negotiation.id,
                seq=seq,
                actor=actor,
                kind=kind,
                payload=payload,
                user_id=juror.id,
            )
        )
        flag_modified(negotiation, "preparation")


def inject(
    situation: Situation,
    negotiation: Negotiation | None,
    key: str,
    juror: User,
    free: dict[str, str] | None = None,
    announcement: str = "",
) -> SituationVersion:
    """A jury event: a new situation version that the buyer plays on from the next turn."""
    negotiation = _running(negotiation)
    base = version_in_force(negotiation)
    if key == "libre":
        changes = {k: v for k, v in (free or {}).items() if k and v}
        label = announcement.strip() or _("Modification annoncée par le jury")
    elif key in JURY_EVENTS:
        label, build = JURY_EVENTS[key]
        changes, label = build(base.snapshot), announcement.strip() or str(label)
    else:
        raise OperationError(_("Événement inconnu."), 404)
    latest = situation_versions.latest_version(situation)
    reason = situation_versions.described(label, latest.snapshot, changes)
    version = situation_versions.modify(situation, latest.n, changes, juror, reason)
    state = game_of(negotiation).state
    _append(
        negotiation,
        "evenement_jury",
        "jury",
        {
            "version_id": version.id,
            "n": version.n,
            "annonce": label[:300],
            "overrides": changes,
            "a_partir_du_tour": state.tour + 1,
        },
        juror,
    )
    return version


def _reply(fields: dict[str, Any]) -> dict[str, Any]:
    """The juror's reply in the engine's reply form, checked for completeness (French errors)."""
    kind = fields.get("type", "")
    if kind not in TYPES_HUMAINS:
        raise OperationError(_("Choisissez le type de réplique de l’acheteur."))
    if not fields.get("texte"):
        raise OperationError(_("Écrivez ce que dit l’acheteur (le candidat le lira)."))
    if kind == "contre_offre" and not fields.get("termes"):
        raise OperationError(_("Une contre-proposition précise au moins un terme."))
    if kind == "objection" and not fields.get("objection"):
        raise OperationError(_("Choisissez l’objection que l’acheteur soulève."))
    if kind == "accord_partiel" and not fields.get("enjeux_acceptes"):
        raise OperationError(_("Cochez les enjeux que l’acheteur accepte."))
    return {
        "tour": 0,
        "type": kind,
        "texte": fields["texte"][:1000],
        "emotion": fields.get("emotion") or "neutre",
        "termes": fields.get("termes") or None,
        "enjeux_acceptes": list(fields.get("enjeux_acceptes") or []),
        "objection": fields.get("objection") or None,
        "fait": None,
        "priorite": None,
        "raison": {"regle": "acheteur_humain"},
    }


def record_reply(
    negotiation: Negotiation | None,
    fields: dict[str, Any],
    juror: User,
    confirmed: bool,
    now: datetime,
) -> list[str]:
    """Record the human buyer's reply to the pending move; warn first when it breaks a limit."""
    negotiation = _running(negotiation)
    if negotiation.buyer_mode != "human":
        raise OperationError(_("Le simulateur joue l’acheteur dans cette négociation."), 409)
    game = game_of(negotiation)
    if game.pending is None:
        raise OperationError(_("Aucun coup du candidat n’attend de réponse."), 409)
    reply = _reply(fields)
    warnings = premier_controle(game.setup, game.state, game.pending, reply)
    if warnings and not confirmed:
        raise ReplyWarnings(warnings)
    reply["raison"] = {**reply["raison"], "controles": warnings, "jury_id": juror.id}
    _append(negotiation, "reponse", "buyer", reply, juror)
    state = game_of(negotiation).state
    if state.statut in FIN:
        with conflict_guard(ConflictError(CONCURRENT)):
            _finish(negotiation, FIN[state.statut], now)
    return warnings


def checklist(game: Any) -> list[dict[str, Any]]:
    """For each objection the jury wants tested: when it was raised, treated, and how it stands."""
    texts = {o.id: o.texte for o in game.setup.objections}
    rows = []
    for oid in game.guaranteed:
        raised = [t["index"] for t in game.transcript.tours if t["reponse"].get("objection") == oid]
        treated = [
            (t["index"], t["coup"].get("technique", ""))
            for t in game.transcript.tours
            if t["coup"]["type"] == "traitement_objection" and t["coup"].get("objection") == oid
        ]
        status = game.state.objections.get(oid, "latente")
        rows.append(
            {
                "id": oid,
                "texte": texts.get(oid, oid),
                "raised": raised,
                "treated": treated,
                "status": status,
                "ok": status in ("traitee", "levee"),
            }
        )
    return rows
