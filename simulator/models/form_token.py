"""One-time tokens of non-repeatable forms: a replayed submission is answered, not recorded."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from simulator.extensions import Model
from simulator.models._time import utcnow


class FormToken(Model):
    """A form submission already handled: the token the form carried and where its result is."""

    __tablename__ = "form_token"

    token: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    #: the page showing the first result (a redirect's target), when there is one
    result_url: Mapped[str | None] = mapped_column(sa.String(512))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
