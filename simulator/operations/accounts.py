"""Log staff in with throttling, and let students join or come back to a class session."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import ClassSession, Role, User
from simulator.operations import throttle
from simulator.operations.codes import new_code, normalise_code
from simulator.operations.errors import OperationError


@dataclass(frozen=True)
class Throttling:
    """Where failures are counted and the delays that apply (see :mod:`throttle`)."""

    store: throttle.FailureStore
    account: throttle.Policy
    address: throttle.Policy
    join: throttle.Policy


def authenticate_staff(email: str, password: str, remote_addr: str, limits: Throttling) -> User:
    """Return the trainer or jury member with these credentials, or raise a French error.

    A failure is counted for (account, address) and for the address; while one of them is in
    its delay, the attempt is refused before the password is even checked.
    """
    identifier = email.strip().lower()
    account_key, address_key = throttle.login_keys(identifier, remote_addr)
    throttle.check(limits.store, [(account_key, limits.account), (address_key, limits.address)])
    user = db.session.scalar(sa.select(User).where(User.email == identifier))
    if user is None or not user.is_staff or not user.check_password(password):
        throttle.record(limits.store, [account_key, address_key], remote_addr)
        raise OperationError(_("Adresse e-mail ou mot de passe incorrect."), 401)
    return user


def invalidate_sessions(user: User) -> None:
    """Revoke every session cookie issued to this user so far (logout, password change)."""
    user.session_version = (user.session_version or 0) + 1
    db.session.flush()


def create_staff(email: str, password: str, display_name: str, role: Role) -> User:
    """Create a trainer or jury account."""
    user = User(email=email.strip().lower(), display_name=display_name, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


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
    limits: Throttling,
) -> User:
    """Let a student join with a class code and a name, or come back with their resume code."""
    name = " ".join(display_name.split())
    if not name:
        raise OperationError(_("Indiquez votre nom."))
    key = throttle.join_key(remote_addr)
    throttle.check(limits.store, [(key, limits.join)])
    try:
        session = find_open_session(join_code)
    except OperationError:
        throttle.record(limits.store, [key], remote_addr)
        raise
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
    if resume_code:  # a wrong resume code counts; a name already taken alone does not
        throttle.record(limits.store, [key], remote_addr)
    raise OperationError(
        _(
            "Le nom « %(name)s » est déjà pris dans cette session. Si c'est vous, saisissez votre "
            "code de reprise ; sinon, choisissez un autre nom.",
            name=name,
        ),
        409,
    )
