"""Full student-dashboard request vs a bare Flask route, same process, same run (median)."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._harness import bench_app, median_seconds, report  # noqa: E402

REPEATS = 400


def main() -> None:
    """Join the demo class as a student, then time the dashboard against the bare route."""
    logging.disable(logging.WARNING)
    app, _tmp = bench_app()
    from simulator.extensions import db
    from simulator.operations.demo import load_demo

    with app.app_context():
        load_demo()
        db.session.commit()
    client = app.test_client()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"',
                      client.get("/").get_data(as_text=True)).group(1)
    client.post("/rejoindre", data={"csrf_token": token, "join_code": "DEMO42",
                                    "display_name": "Banc d'essai"})
    assert client.get("/etudiant/").status_code == 200

    bare = median_seconds(lambda: client.get("/__bare"), REPEATS)
    page = median_seconds(lambda: client.get("/etudiant/"), REPEATS)
    report("tableau de bord étudiant (page complète)", page, bare)


if __name__ == "__main__":
    main()
