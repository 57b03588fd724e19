"""Timestamps stored in UTC."""

from datetime import datetime, timezone


def utcnow() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)
