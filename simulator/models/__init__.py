"""SQLAlchemy 2.0 typed models, one module per concept."""

from simulator.models.class_session import ClassSession, ClassSessionJury, SessionMode
from simulator.models.evaluation import Evaluation
from simulator.models.event import Event, EventAppendOnlyError
from simulator.models.form_token import FormToken
from simulator.models.login_attempt import LoginAttempt
from simulator.models.negotiation import Negotiation
from simulator.models.pack import PackVersion
from simulator.models.prospection import (  # noqa: I001
    Activity,
    ExerciseStatus,
    Opportunity,
    ProspectionExercise,
    ProspectRow,
    ProspectTruth,
)
from simulator.models.quote import Quote, QuoteStatus
from simulator.models.situation import Situation, SituationVersion
from simulator.models.user import Role, User

__all__ = [
    "Activity",
    "ExerciseStatus",
    "Opportunity",
    "ProspectionExercise",
    "ProspectRow",
    "ProspectTruth",
    "ClassSession",
    "ClassSessionJury",
    "Evaluation",
    "Event",
    "EventAppendOnlyError",
    "FormToken",
    "LoginAttempt",
    "Negotiation",
    "PackVersion",
    "Quote",
    "QuoteStatus",
    "Situation",
    "SituationVersion",
    "Role",
    "SessionMode",
    "User",
]
