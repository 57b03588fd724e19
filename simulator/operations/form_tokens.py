"""One-time form tokens: the first submission of a form is recorded, a replay is recognised.

The token row is written in the same transaction as what the form does: if that is refused or
rolled back, the token is free again; once committed, a replay (a double click, a resubmission
after a dropped connection, the same POST sent twice in parallel) finds it. Two parallel
submissions race on the primary key: the second waits for the first to commit, then fails its
insert and is answered as a replay.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError

from simulator.extensions import db
from simulator.models import FormToken, User
from simulator.models._time import utcnow

#: tokens older than this are forgotten (a form left open longer is simply handled again)
KEEP = timedelta(days=2)


def claim(user: User, token: str) -> FormToken | None:
    """Record the token for this user; return None the first time, the earlier row on a replay."""
    try:
        with db.session.begin_nested():
            db.session.add(FormToken(token=token, user_id=user.id))
    except (IntegrityError, OperationalError):
        pass
    else:
        return None
    previous: FormToken | None = db.session.scalar(
        sa.select(FormToken).where(FormToken.token == token)
    )
    if previous is None or previous.user_id != user.id:
        return FormToken(token=token, user_id=user.id)  # someone else's token: still a replay
    return previous


def remember_result(token: str, result_url: str) -> None:
    """Note where the first result is shown, for a replay to be sent there."""
    row = db.session.get(FormToken, token)
    if row is not None:
        row.result_url = result_url[:512]
        db.session.flush()


def forget_old(user: User) -> None:
    """Delete this user's tokens past their keeping time."""
    db.session.execute(
        sa.delete(FormToken).where(
            FormToken.user_id == user.id, FormToken.created_at < utcnow() - KEEP
        )
    )
