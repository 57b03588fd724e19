"""Log staff in with throttling, and let students join or come back to a class session."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import ClassSession, LoginAttempt, Role, User
from simulator.models._time import utcnow
from simulator.operations.codes import new_code, normalise_code
from simulator.operations.errors import OperationError


class TooManyAttempts(OperationError):
    """Login throttled after repeated failures."""

    status_code = 429


def _check_throttle(identifier: str, max_failures: int, window_seconds: int) -> None:
    since = utcnow() - timedelta(seconds=window_seconds)
    failures = db.session.scalar(
        sa.select(sa.func.count(LoginAttempt.id)).where(
            LoginAttempt.identifier == identifier, LoginAttempt.at >= since
        )
    )
    if failures is not None and failures >= max_failures:
        minutes = max(1, window_seconds // 60)
        raise TooManyAttempts(
            _("Trop de tentatives échouées. Réessayez dans %(minutes)d minutes.", minutes=minutes)
        )


def _record_failure(identifier: str, remote_addr: str) -> None:
    db.session.add(LoginAttempt(identifier=identifier, remote_addr=remote_addr[:64]))


def authenticate_staff(
    email: str, password: str, remote_addr: str, max_failures: int, window_seconds: int
) -> User:
    """Return the trainer or jury member with these credentials, or raise a French error."""
    identifier = email.strip().lower()
    _check_throttle(identifier, max_failures, window_seconds)
    user = db.session.scalar(sa.select(User).where(User.email == identifier))
    if user is None or not user.is_staff or not user.check_password(password):
        _record_failure(identifier, remote_addr)
        raise OperationError(_("Adresse e-mail ou mot de passe incorrect."), 401)
    return user


def create_staff(email: str, password: str, display_name: str, role: Role) -> User:
    """Create a trainer or jury account."""
    user = User(email=email.strip().lower(), display_name=display_name, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


#: characters of generated initial passwords (no 0/O, 1/l/I to read them aloud)
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def initial_password(length: int = 14) -> str:
    """A random initial password, shown once to whoever creates the account."""
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


def create_account(
    email: str, display_name: str, role: Role, password: str | None = None
) -> tuple[User, str]:
    """Create a trainer or jury account; return it and its initial password (shown once).

    Refuses an invalid or already used e-mail address and an empty name (French messages).
    """
    if role not in (Role.TRAINER, Role.JURY):
        raise OperationError(_("Seuls les comptes formateur et jury se créent ici."))
    address = email.strip().lower()
    name = " ".join(display_name.split())
    if len(name) < 2 or len(name) > 120:
        raise OperationError(_("Indiquez le nom (2 à 120 caractères)."))
    if len(address) > 254 or not _EMAIL.match(address):
        raise OperationError(_("Adresse e-mail invalide."))
    if db.session.scalar(sa.select(User.id).where(User.email == address)) is not None:
        raise OperationError(
            _("Un compte existe déjà avec l'adresse %(email)s.", email=address), 409
        )
    chosen = password or initial_password()
    return create_staff(address, chosen, name, role), chosen


def find_open_session(join_code: str) -> ClassSession:
    """Return the open class session with this code, or raise a French error."""
    code = normalise_code(join_code)
    session = db.session.scalar(sa.select(ClassSession).where(ClassSession.join_code == code))
    if session is None or not session.is_open:
        raise OperationError(
            _("Aucune session ouverte ne correspond au code « %(code)s ».", code=code)
        )
    return session


def join_class(
    join_code: str,
    display_name: str,
    resume_code: str,
    remote_addr: str,
    max_failures: int,
    window_seconds: int,
) -> User:
    """Let a student join with a class code and a name, or come back with their resume code."""
    name = " ".join(display_name.split())
    if not name:
        raise OperationError(_("Indiquez votre nom."))
    throttle_key = "join:" + normalise_code(join_code)
    _check_throttle(throttle_key, max_failures * 4, window_seconds)
    session = find_open_session(join_code)
    existing = db.session.scalar(
        sa.select(User).where(User.class_session_id == session.id, User.display_name == name)
    )
    if existing is None:
        student = User(
            role=Role.STUDENT,
            display_name=name,
            class_session_id=session.id,
            resume_code=new_code(6),
        )
        db.session.add(student)
        db.session.flush()
        return student
    if resume_code and normalise_code(resume_code) == existing.resume_code:
        return existing
    _record_failure(throttle_key, remote_addr)
    raise OperationError(
        _(
            "Le nom « %(name)s » est déjà pris dans cette session. Si c'est vous, saisissez votre "
            "code de reprise ; sinon, choisissez un autre nom.",
            name=name,
        ),
        409,
    )
