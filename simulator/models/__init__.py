"""SQLAlchemy 2.0 typed models, one module per concept."""

from simulator.models.class_session import ClassSession, SessionMode
from simulator.models.event import Event, EventAppendOnlyError
from simulator.models.login_attempt import LoginAttempt
from simulator.models.pack import PackVersion
from simulator.models.situation import Situation, SituationVersion
from simulator.models.user import Role, User

__all__ = [
    "ClassSession",
    "Event",
    "EventAppendOnlyError",
    "LoginAttempt",
    "PackVersion",
    "Situation",
    "SituationVersion",
    "Role",
    "SessionMode",
    "User",
]
