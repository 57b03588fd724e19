"""People who use NegoLab: trainers, jury members and students."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from simulator.extensions import Model
from simulator.models._time import utcnow


class Role(str, enum.Enum):
    """What a user may do."""

    TRAINER = "trainer"
    JURY = "jury"
    STUDENT = "student"


class User(UserMixin, Model):
    """A trainer or jury member (login + password) or a student (class code + name)."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[Role] = mapped_column(sa.Enum(Role, native_enum=False, length=16))
    display_name: Mapped[str] = mapped_column(sa.String(80))
    #: login for trainers and jury members; None for students, who join with a class code
    email: Mapped[str | None] = mapped_column(sa.String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    #: the class session a student joined; None for staff
    class_session_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("class_session.id", ondelete="CASCADE", use_alter=True), index=True
    )
    #: short code a student types to come back to their own work from another browser
    resume_code: Mapped[str | None] = mapped_column(sa.String(16))
    #: bumped on logout and password change: a session cookie carrying an older version is refused
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    #: a deactivated account can no longer log in; its work is kept
    active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    #: created by `simulator demo`; removable in one action
    is_demo: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    class_session = relationship("ClassSession", foreign_keys=[class_session_id])

    __table_args__ = (
        sa.UniqueConstraint("class_session_id", "display_name", name="uq_user_class_name"),
    )

    def set_password(self, password: str) -> None:
        """Store a salted hash of the password (scrypt unless PASSWORD_HASH_METHOD says otherwise)."""
        method = current_app.config["PASSWORD_HASH_METHOD"] if has_app_context() else "scrypt"
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        """Tell whether the password matches the stored hash."""
        if not self.password_hash:
            return False
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:
        """Flask-Login refuses inactive users."""
        return bool(self.active)

    @property
    def is_staff(self) -> bool:
        """Trainers and jury members log in with a password."""
        return self.role in (Role.TRAINER, Role.JURY)
