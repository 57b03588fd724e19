"""Role checks: each role's blueprint lets in only that role, once, before any of its views."""

from __future__ import annotations

from flask import Blueprint, abort, current_app
from flask.typing import ResponseReturnValue
from flask_login import current_user

from simulator.models import Role


def restrict_to(bp: Blueprint, role: Role) -> None:
    """Guard every view of the blueprint: anonymous visitors go to the login page (with ?next=),
    logged-in users of another role get the French 403 page."""

    @bp.before_request
    def check_role() -> ResponseReturnValue | None:
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()  # type: ignore[attr-defined]
        if current_user.role != role:
            abort(403)
        return None


def dashboard_endpoint(role: Role) -> str:
    """Where each role lands after logging in."""
    return {
        Role.TRAINER: "trainer.dashboard",
        Role.JURY: "jury.dashboard",
        Role.STUDENT: "student.dashboard",
    }[role]
