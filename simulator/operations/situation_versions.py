"""The jury's versions of a situation: overrides applied to the original, append-only, revertible."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import Situation, SituationVersion, User
from simulator.operations.errors import ConflictError, OperationError
from simulator.operations.flushing import conflict_guard
from simulator.scenarios.registry.core import OverrideError, apply
from simulator.scenarios.registry.readable import ReadableChange, readable_changes


class OverridesRefused(OperationError):
    """Values the registry refuses; each problem is a French sentence."""

    status_code = 422

    def __init__(self, problems: list[str]) -> None:
        super().__init__(_("Modifications refusées : %(p)s", p=" ; ".join(problems)), 422)
        self.problems = problems


def versions(situation: Situation) -> list[SituationVersion]:
    """Every version, oldest first."""
    return list(
        db.session.scalars(
            sa.select(SituationVersion)
            .where(SituationVersion.situation_id == situation.id)
            .order_by(SituationVersion.n)
        )
    )


def latest_version(situation: Situation) -> SituationVersion:
    """The newest version (what the jury works on)."""
    return versions(situation)[-1]


def version_n(situation: Situation, n: int) -> SituationVersion:
    """One version by number, or a 404-style error."""
    found = db.session.scalar(
        sa.select(SituationVersion).where(
            SituationVersion.situation_id == situation.id, SituationVersion.n == n
        )
    )
    if found is None:
        raise OperationError(_("La version %(n)d n'existe pas.", n=n), 404)
    return found


def _append(
    situation: Situation, base_n: int, overrides: dict[str, str], author: User, reason: str
) -> SituationVersion:
    """Store a new version after base_n, refusing it if someone else added one first."""
    latest = latest_version(situation)
    if latest.n != base_n:
        raise ConflictError(
            _(
                "La situation a changé pendant votre saisie (version %(n)d créée par un autre membre du "
                "jury). Rien n'a été écrasé : vérifiez la nouvelle version puis réappliquez vos "
                "modifications.",
                n=latest.n,
            )
        )
    try:
        snapshot = apply(situation.snapshot, overrides)
    except OverrideError as refused:
        raise OverridesRefused(refused.problems) from None
    version = SituationVersion(
        situation_id=situation.id,
        n=base_n + 1,
        overrides=overrides,
        snapshot=snapshot,
        author_id=author.id,
        reason=reason.strip()[:500],
    )
    with conflict_guard(
        ConflictError(
            _(
                "Un autre membre du jury vient de créer la version %(n)d. "
                "Rechargez la page : rien n'a été écrasé.",
                n=base_n + 1,
            )
        ),
        (sa.exc.IntegrityError,),
    ):
        db.session.add(version)
    return version


def modify(
    situation: Situation, base_n: int, changes: dict[str, str], author: User, reason: str
) -> SituationVersion:
    """Apply new parameter values on top of the current ones, as a new version."""
    changes = {k: v.strip() for k, v in changes.items() if v is not None and v.strip() != ""}
    if not changes:
        raise OperationError(_("Aucune valeur modifiée."))
    current = dict(latest_version(situation).overrides)
    return _append(situation, base_n, {**current, **changes}, author, reason)


def revert(situation: Situation, base_n: int, to_n: int, author: User) -> SituationVersion:
    """Go back to an earlier version's parameters; the revert is itself a new version."""
    target = version_n(situation, to_n)
    return _append(
        situation, base_n, dict(target.overrides), author, _("Retour à la version %(n)d", n=to_n)
    )


def compare(old: SituationVersion, new: SituationVersion) -> list[ReadableChange]:
    """What changed between two versions in readable terms, hidden ones included (jury only)."""
    return readable_changes(old.snapshot, new.snapshot)


def described(label: str, before: dict[str, Any], overrides: dict[str, str]) -> str:
    """A version's reason in readable terms: the label, then each change before -> after."""
    try:
        after = apply(before, overrides)
    except OverrideError:
        return label
    details = "; ".join(c.sentence for c in readable_changes(before, after))
    return f"{label} — {details}" if details else label


def announced_changes(situation: Situation, up_to: int) -> list[str]:
    """The jury's reasons for each version up to `up_to`: for the jury's documents ONLY.

    The candidate never sees them (see web/student/views.py: visible facts and the jury's message).
    """
    return [v.reason for v in versions(situation) if 0 < v.n <= up_to and v.reason]
