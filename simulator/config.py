"""Settings read from the environment, with safe defaults for one laptop."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from simulator.resources import resource_dir


def instance_secret_key(instance_path: str) -> str:
    """Return the per-install secret key, generating it into instance/ on first run."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def default_database_url(instance_path: str) -> str:
    """Return the embedded SQLite database inside instance/."""
    return f"sqlite:///{Path(instance_path) / 'negolab.db'}"


def settings_from_env(instance_path: str) -> dict[str, object]:
    """Build the configuration from environment variables."""
    env = os.environ
    secure = env.get("SESSION_COOKIE_SECURE", "0") == "1"
    return {
        "SECRET_KEY": env.get("SECRET_KEY") or instance_secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": env.get("DATABASE_URL") or default_database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "BABEL_DEFAULT_LOCALE": env.get("LANGUAGE_DEFAULT", "fr"),
        "BABEL_DEFAULT_TIMEZONE": env.get("TIMEZONE", "Europe/Paris"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": secure,
        "WTF_CSRF_TIME_LIMIT": None,
        #: session lifetimes: a working day for staff, a school day for students
        "STAFF_SESSION_HOURS": float(env.get("STAFF_SESSION_HOURS", "10")),
        "STUDENT_SESSION_HOURS": float(env.get("STUDENT_SESSION_HOURS", "9")),
        "LOGIN_MAX_FAILURES": int(env.get("LOGIN_MAX_FAILURES", "5")),
        "LOGIN_WINDOW_SECONDS": int(env.get("LOGIN_WINDOW_SECONDS", "900")),
        #: failed logins from one address (any account), wrong join/resume codes from one address
        "ADDRESS_MAX_FAILURES": int(env.get("ADDRESS_MAX_FAILURES", "20")),
        "JOIN_MAX_FAILURES": int(env.get("JOIN_MAX_FAILURES", "20")),
        "THROTTLE_MAX_DELAY_SECONDS": int(env.get("THROTTLE_MAX_DELAY_SECONDS", "900")),
        #: failures counted in Redis instead of the database (optional dependency `redis`)
        "REDIS_URL": env.get("REDIS_URL") or None,
        #: werkzeug hash method; tests use a one-iteration pbkdf2 to stay fast
        "PASSWORD_HASH_METHOD": env.get("PASSWORD_HASH_METHOD") or "scrypt",
        "PACKS_DIR": env.get("PACKS_DIR") or str(resource_dir("scenario_packs")),
        #: how long a closed session's personal data is kept (`simulator purge`): 12m, 365d, 1y
        "RETENTION": env.get("RETENTION") or "12m",
    }


LANGUAGES = ("fr", "en")
