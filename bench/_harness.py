"""Shared bench harness: an app on a throwaway SQLite database and a median timer."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from flask import Flask


def bench_app() -> tuple[Flask, tempfile.TemporaryDirectory]:
    """Build a migrated app on a temporary SQLite file, with a bare route as the baseline."""
    from flask_migrate import upgrade

    from simulator import create_app

    tmp = tempfile.TemporaryDirectory()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(tmp.name) / 'bench.db'}",
            "SECRET_KEY": "bench",
        }
    )

    @app.get("/__bare")
    def bare() -> str:
        return "ok"

    with app.app_context():
        upgrade()
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
    return client, token
