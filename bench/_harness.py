"""Shared bench harness: an app on a throwaway database (SQLite, or PostgreSQL with
BENCH_DATABASE_URL), a bare route, a logged-in reference route and a median timer."""

from __future__ import annotations

import atexit
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from flask import Flask

#: e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres: a throwaway database is created
#: next to it and dropped at exit; empty: a SQLite file in a temporary directory
DATABASE_ENV = "BENCH_DATABASE_URL"

REFERENCE_TEMPLATE = """<p>{{ user.display_name }}</p><p>{{ row.name if row else '' }}</p>"""


def _database_url(tmp: str) -> str:
    admin_url = os.environ.get(DATABASE_ENV, "")
    if not admin_url.startswith("postgresql"):
        return f"sqlite:///{Path(tmp) / 'bench.db'}"
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"negolab_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    atexit.register(drop)
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def backend(app: Flask) -> str:
    """sqlite or postgresql: printed with each bench's figures."""
    return str(app.config["SQLALCHEMY_DATABASE_URI"]).split(":", 1)[0].split("+", 1)[0]


def bench_app() -> tuple[Flask, tempfile.TemporaryDirectory]:
    """Build a migrated app on a throwaway database, with two baselines: ``/__bare`` (no user,
    no database, no template) and ``/__reference``, the cheapest honest logged-in page: it loads
    the user from the session, reads one row and renders a small template."""
    from flask import render_template_string
    from flask_login import current_user
    from flask_migrate import upgrade

    from simulator import create_app
    from simulator.extensions import db
    from simulator.models import ClassSession

    tmp = tempfile.TemporaryDirectory()
    app = create_app({"SQLALCHEMY_DATABASE_URI": _database_url(tmp.name), "SECRET_KEY": "bench"})

    @app.get("/__bare")
    def bare() -> str:
        return "ok"

    @app.get("/__reference")
    def reference() -> str:
        assert current_user.is_authenticated
        row = db.session.get(ClassSession, current_user.class_session_id or 0)
        return render_template_string(REFERENCE_TEMPLATE, user=current_user, row=row)

    with app.app_context():
        upgrade()
    print(f"(base : {backend(app)})")
    return app, tmp


def median_seconds(fn: Callable[[], object], repeats: int, warmup: int = 20) -> float:
    """Median wall time of fn over `repeats` calls, after a warm-up."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(name: str, value: float, baseline: float, target: float | None = None) -> None:
    """Print one line: the measure, the baseline, their ratio and the target."""
    ratio = value / baseline
    verdict = "" if target is None else ("  OK" if ratio <= target else f"  AU-DELÀ de {target}×")
    print(
        f"{name:<44} {value * 1e3:8.3f} ms  baseline {baseline * 1e3:8.3f} ms  "
        f"ratio {ratio:5.2f}×{verdict}"
    )


def student_client(app: Flask, name: str = "Banc d'essai") -> tuple[object, str]:
    """Join the demo class as a student (demo data loaded once); return the client and CSRF token."""
    import re

    import sqlalchemy as sa

    from simulator.extensions import db
    from simulator.models import ClassSession
    from simulator.operations.demo import DEMO_JOIN_CODE, load_demo

    with app.app_context():
        if (
            db.session.scalar(
                sa.select(ClassSession).where(ClassSession.join_code == DEMO_JOIN_CODE)
            )
            is None
        ):
            load_demo(app.config["PACKS_DIR"])
            db.session.commit()
    client = app.test_client()
    token = re.search(
        r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/").get_data(as_text=True)
    ).group(1)
    client.post(
        "/rejoindre", data={"csrf_token": token, "join_code": "DEMO42", "display_name": name}
    )
    # joining renews the session (and its CSRF secret): read the token again from a page
    token = re.search(
        r'name="csrf_token"[^>]*value="([^"]+)"',
        client.get("/", follow_redirects=True).get_data(as_text=True),
    ).group(1)
    return client, token
