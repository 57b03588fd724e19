"""Failed-attempt throttling: growing delays per client address, never a lockout of the real user.

Policy (see docs/security.md):

- a failed staff login is counted for (account, client address) and for the client address;
- a wrong join code or resume code is counted for the client address only: a class code is
  never locked, students on other machines keep joining;
- under a threshold nothing happens; past it, each further failure doubles the wait before the
  next attempt from that address is even looked at (``base`` seconds, then 2×, 4×… capped at
  ``cap``), counted over a sliding window. A right password typed from another address is
  never delayed by an attacker's failures; from the same address it waits out the delay.

Failures live in the database by default (``login_attempt``: shared by every worker), or in
Redis when the app is given a Redis client (``REDIS_URL``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol

import sqlalchemy as sa
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import LoginAttempt
from simulator.operations.errors import OperationError


class TooManyAttempts(OperationError):
    """Attempt refused: wait for the delay to pass."""

    status_code = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, self.status_code)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Policy:
    """Growing delay past `threshold` failures in `window` seconds."""

    threshold: int
    window: int
    base: float = 2.0
    cap: float = 900.0

    def delay(self, failures: int) -> float:
        """Seconds to wait after the last failure, given the failures in the window."""
        if failures < self.threshold:
            return 0.0
        return float(min(self.cap, self.base * 2 ** min(failures - self.threshold, 30)))


def _now() -> datetime:
    """One clock for recording and checking (time.time, so tests can move it)."""
    return datetime.fromtimestamp(time.time(), timezone.utc)


class FailureStore(Protocol):
    """Where failures are counted."""

    def record(self, key: str, remote_addr: str) -> None: ...

    def recent(self, key: str, window: int) -> tuple[int, float | None]:
        """(failures in the window, time of the last one as a UNIX timestamp)."""
        ...


class DatabaseStore:
    """Failures in `login_attempt`: one row per failure and key; the key's rows past the window
    are deleted when it records a new one."""

    def __init__(self, window: int) -> None:
        self.window = window

    def record(self, key: str, remote_addr: str) -> None:
        since = _now() - timedelta(seconds=self.window)
        db.session.execute(
            sa.delete(LoginAttempt).where(
                LoginAttempt.identifier == key[:254], LoginAttempt.at < since
            )
        )
        db.session.add(LoginAttempt(identifier=key[:254], remote_addr=remote_addr[:64], at=_now()))
        db.session.flush()

    def recent(self, key: str, window: int) -> tuple[int, float | None]:
        since = _now() - timedelta(seconds=window)
        count, last = db.session.execute(
            sa.select(sa.func.count(LoginAttempt.id), sa.func.max(LoginAttempt.at)).where(
                LoginAttempt.identifier == key[:254], LoginAttempt.at >= since
            )
        ).one()
        if last is not None and last.tzinfo is None:  # SQLite drops the zone
            last = last.replace(tzinfo=timezone.utc)
        return int(count or 0), (last.timestamp() if isinstance(last, datetime) else None)


class RedisStore:
    """Failures as sorted sets of timestamps, expiring with their window (REDIS_URL)."""

    def __init__(self, client: Any, window: int, prefix: str = "negolab:throttle:") -> None:
        self.client = client
        self.window = window
        self.prefix = prefix

    def record(self, key: str, remote_addr: str) -> None:
        now = time.time()
        name = self.prefix + key
        pipe = self.client.pipeline()
        pipe.zadd(name, {f"{now:.6f}:{remote_addr[:64]}": now})
        pipe.zremrangebyscore(name, 0, now - self.window)
        pipe.expire(name, self.window)
        pipe.execute()

    def recent(self, key: str, window: int) -> tuple[int, float | None]:
        now = time.time()
        entries = self.client.zrangebyscore(
            self.prefix + key, now - window, "+inf", withscores=True
        )
        if not entries:
            return 0, None
        return len(entries), max(score for _member, score in entries)


def _check(store: FailureStore, key: str, policy: Policy) -> None:
    failures, last = store.recent(key, policy.window)
    wait = policy.delay(failures)
    if not wait or last is None:
        return
    remaining = math.ceil(last + wait - time.time())
    if remaining > 0:
        raise TooManyAttempts(
            _(
                "Trop de tentatives échouées depuis ce poste. Réessayez dans %(seconds)d secondes.",
                seconds=remaining,
            ),
            remaining,
        )


def login_keys(email: str, remote_addr: str) -> tuple[str, str]:
    """Throttle keys of a staff login: (account, address) and address."""
    return f"login:{email}|{remote_addr}", f"login-addr:{remote_addr}"


def join_key(remote_addr: str) -> str:
    """Throttle key of join and resume codes: the address only."""
    return f"join-addr:{remote_addr}"


def check(store: FailureStore, checks: list[tuple[str, Policy]]) -> None:
    """Raise TooManyAttempts if any key is still in its delay."""
    for key, policy in checks:
        _check(store, key, policy)


def record(store: FailureStore, keys: list[str], remote_addr: str) -> None:
    """Count one failure under each key."""
    for key in keys:
        store.record(key, remote_addr)
