"""SQLAlchemy 2.0 typed models, one module per concept."""

from simulator.models.class_session import ClassSession, SessionMode
from simulator.models.event import Event, EventAppendOnlyError
from simulator.models.login_attempt import LoginAttempt
from simulator.models.user import Role, User

__all__ = [
    "ClassSession",
    "Event",
    "EventAppendOnlyError",
    "LoginAttempt",
    "Role",
    "SessionMode",
    "User",
]
