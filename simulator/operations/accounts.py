"""Log staff in with throttling, and let students join or come back to a class session."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import ClassSession, ClassSessionJury, Role, User
from simulator.operations import throttle
from simulator.operations.codes import new_code, normalise_code
from simulator.operations.errors import OperationError
from simulator.operations.session_admin import delete_session


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
    if user is None or not user.is_staff or not user.active or not user.check_password(password):
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


#: characters of generated initial passwords (no 0/O, 1/l/I to read them aloud)
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def initial_password(length: int = 14) -> str:
    """A random initial password that follows the password rule, shown once to its creator."""
    while True:
        password = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))
        if any(c.isalpha() for c in password) and any(c.isdigit() for c in password):
            return password


def create_account_with_initial_password(
    email: str, display_name: str, role: Role
) -> tuple[User, str]:
    """Create a trainer or jury account with a random initial password; return both (the
    password is shown once, e.g. to the trainer who seats a new juror on an exam board)."""
    password = initial_password()
    return create_account(role=role, email=email, name=display_name, password=password), password


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


#: the documented password rule (README, docs/administration.md): long enough, not only letters
PASSWORD_MIN_LENGTH = 10
STAFF_ROLES = (Role.TRAINER, Role.JURY)


def check_password_rule(password: str) -> None:
    """Refuse a weak password: under 10 characters, or without both a letter and a digit."""
    if (
        len(password) < PASSWORD_MIN_LENGTH
        or not any(c.isalpha() for c in password)
        or not any(c.isdigit() for c in password)
    ):
        raise OperationError(
            _(
                "Mot de passe trop faible : au moins %(n)d caractères, dont au moins une lettre "
                "et un chiffre.",
                n=PASSWORD_MIN_LENGTH,
            ),
            422,
        )


def create_account(*, role: Role, email: str, name: str, password: str) -> User:
    """Create a trainer or juror account; a used e-mail or a weak password is refused."""
    if role not in STAFF_ROLES:
        raise OperationError(_("Seuls les comptes formateur et jury ont un mot de passe."), 422)
    address = email.strip().lower()
    if "@" not in address or len(address) > 254 or address.startswith("@"):
        raise OperationError(_("Adresse e-mail invalide."), 422)
    shown_name = " ".join(name.split())[:80]
    if not shown_name:
        raise OperationError(_("Indiquez le nom de la personne."), 422)
    check_password_rule(password)
    if db.session.scalar(sa.select(User.id).where(User.email == address)) is not None:
        raise OperationError(
            _("L’adresse %(email)s est déjà utilisée par un compte.", email=address), 409
        )
    return create_staff(address, password, shown_name, role)


def staff_accounts() -> list[User]:
    """Trainer and juror accounts, trainers first, then by name."""
    return list(
        db.session.scalars(
            sa.select(User)
            .where(User.role.in_(STAFF_ROLES))
            .order_by(User.role.desc(), User.display_name, User.id)
        )
    )


def staff_by_email(email: str) -> User:
    """The trainer or juror with this e-mail, or a French 404."""
    address = email.strip().lower()
    user: User | None = db.session.scalar(sa.select(User).where(User.email == address))
    if user is None or not user.is_staff:
        raise OperationError(
            _("Aucun compte formateur ou jury pour %(email)s.", email=address), 404
        )
    return user


def staff_account(user_id: int) -> User:
    """One trainer or juror account by id, or a French 404."""
    user = db.session.get(User, user_id)
    if user is None or not user.is_staff:
        raise OperationError(_("Ce compte n’existe pas."), 404)
    return user


def set_password(user: User, password: str) -> None:
    """Give the account a new password, if it follows the rule."""
    check_password_rule(password)
    user.set_password(password)
    invalidate_sessions(user)  # every cookie issued before the change stops working


def change_own_password(user: User, current: str, new: str, confirmation: str) -> None:
    """A user changes their own password: the current one is asked, the new one typed twice."""
    if not user.check_password(current):
        raise OperationError(_("Mot de passe actuel incorrect."), 422)
    if new != confirmation:
        raise OperationError(_("Les deux saisies du nouveau mot de passe diffèrent."), 422)
    set_password(user, new)


def _other_active_trainers(user: User) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count(User.id)).where(
                User.role == Role.TRAINER, User.active.is_(True), User.id != user.id
            )
        )
        or 0
    )


def deactivate(user: User, by: User | None = None) -> None:
    """Deactivate an account (its work is kept); the last active trainer is never deactivated."""
    if user.role == Role.TRAINER and user.active and _other_active_trainers(user) == 0:
        raise OperationError(
            _(
                "Impossible de désactiver le dernier compte formateur actif : créez d’abord "
                "un autre compte formateur."
            ),
            409,
        )
    user.active = False
    db.session.flush()


def reactivate(user: User) -> None:
    """Let a deactivated account log in again."""
    user.active = True
    db.session.flush()


def remove_demo_accounts() -> tuple[int, int]:
    """Delete the demo accounts and the demo class session; return (accounts, sessions) removed.

    Refused while no other active trainer exists: the school would lock itself out.
    """
    from simulator.operations.demo import DEMO_JOIN_CODE  # demo imports this module

    demo = list(db.session.scalars(sa.select(User).where(User.is_demo.is_(True))))
    keeping = db.session.scalar(
        sa.select(sa.func.count(User.id)).where(
            User.role == Role.TRAINER, User.active.is_(True), User.is_demo.is_(False)
        )
    )
    if demo and not keeping:
        raise OperationError(
            _(
                "Créez d’abord votre propre compte formateur : supprimer les comptes de "
                "démonstration ne laisserait aucun formateur."
            ),
            409,
        )
    sessions = list(
        db.session.scalars(
            sa.select(ClassSession).where(
                ClassSession.join_code == DEMO_JOIN_CODE,
                ClassSession.trainer_id.in_([u.id for u in demo] or [-1]),
            )
        )
    )
    for session in sessions:
        delete_session(session)
    for user in demo:
        _refuse_if_owner(user)
    ids = [u.id for u in demo]
    db.session.execute(sa.delete(ClassSessionJury).where(ClassSessionJury.user_id.in_(ids)))
    db.session.execute(sa.delete(User).where(User.id.in_(ids)))
    db.session.expire_all()
    return len(demo), len(sessions)


def _refuse_if_owner(user: User) -> None:
    """A demo trainer who owns sessions other than the demo one is not removed: delete them first."""
    owned = db.session.scalar(
        sa.select(sa.func.count(ClassSession.id)).where(ClassSession.trainer_id == user.id)
    )
    if owned:
        raise OperationError(
            _(
                "Le compte de démonstration %(email)s possède encore des sessions : "
                "supprimez-les d’abord.",
                email=user.email,
            ),
            409,
        )
