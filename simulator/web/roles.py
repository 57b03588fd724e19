"""Role checks: each page says which role may see it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user, login_required

from simulator.models import Role

F = TypeVar("F", bound=Callable[..., Any])


def role_required(*roles: Role) -> Callable[[F], F]:
    """Let through only logged-in users with one of these roles; others get the French 403 page."""

    def decorator(view: F) -> F:
        @functools.wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def dashboard_endpoint(role: Role) -> str:
    """Where each role lands after logging in."""
    return {
        Role.TRAINER: "trainer.dashboard",
        Role.JURY: "jury.dashboard",
        Role.STUDENT: "student.dashboard",
    }[role]
