"""Full student-dashboard request vs a bare Flask route, same process, same run (median)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._harness import bench_app, median_seconds, report, student_client  # noqa: E402

REPEATS = 400


def main() -> None:
    """Join the demo class as a student, then time the dashboard against the bare route."""
    logging.disable(logging.WARNING)
    app, _tmp = bench_app()
    client, _token = student_client(app)
    assert client.get("/etudiant/").status_code == 200

    bare = median_seconds(lambda: client.get("/__bare"), REPEATS)
    page = median_seconds(lambda: client.get("/etudiant/"), REPEATS)
    report("tableau de bord étudiant (page complète)", page, bare)


if __name__ == "__main__":
    main()
