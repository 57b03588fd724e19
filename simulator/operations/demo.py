"""Idempotent demo data: one trainer, one jury member, one open class session."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import ClassSession, Role, SessionMode, User
from simulator.operations.accounts import create_staff
from simulator.operations.packs import sync_shipped


@dataclass(frozen=True)
class DemoAccount:
    """A demo login printed by `make run` and written in the README."""

    role: Role
    email: str
    password: str
    display_name: str


DEMO_ACCOUNTS = (
    DemoAccount(Role.TRAINER, "formateur@negolab.test", "formateur-demo", "Claire Martin"),
    DemoAccount(Role.JURY, "jury@negolab.test", "jury-demo", "Marc Lefèvre"),
)
DEMO_JOIN_CODE = "DEMO42"


def load_demo(packs_dir: str | None = None) -> list[DemoAccount]:
    """Create the demo accounts, shipped packs and class session unless they exist."""
    if packs_dir:
        sync_shipped(packs_dir)
    users = {}
    for account in DEMO_ACCOUNTS:
        user = db.session.scalar(sa.select(User).where(User.email == account.email))
        if user is None:
            user = create_staff(account.email, account.password, account.display_name, account.role)
            user.is_demo = True
        users[account.role] = user
    exists = db.session.scalar(
        sa.select(ClassSession).where(ClassSession.join_code == DEMO_JOIN_CODE)
    )
    if exists is None:
        db.session.add(
            ClassSession(
                name="BTS CCST 2e année — démonstration",
                mode=SessionMode.PRACTICE,
                join_code=DEMO_JOIN_CODE,
                trainer_id=users[Role.TRAINER].id,
                pack_slug="materiel-electrique",
            )
        )
    db.session.flush()
    return list(DEMO_ACCOUNTS)
