"""Failed logins, kept in the database so throttling holds across workers."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from simulator.extensions import Model
from simulator.models._time import utcnow


class LoginAttempt(Model):
    """A failed login for an identifier (e-mail or class code) from an address."""

    __tablename__ = "login_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    identifier: Mapped[str] = mapped_column(sa.String(254), index=True)
    remote_addr: Mapped[str] = mapped_column(sa.String(64))
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, index=True)
