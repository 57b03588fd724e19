"""A filter change over htmx on a 1,000-company prospect file vs a bare Flask route (median)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._harness import bench_app, median_seconds, report, student_client  # noqa: E402

REPEATS = 300
FILTERS = [
    "?departement=38&tri=distance_km&ordre=desc",
    "?q=sa&tranche=20+%C3%A0+49+salari%C3%A9s",
    "?naf=25.62B&distance_max=80&page=2",
    "?tri=siret",
]


def main() -> None:
    """Join the demo class, create a 1,000-row file, then time htmx filter changes."""
    logging.disable(logging.WARNING)
    app, _tmp = bench_app()
    app.config["PROSPECTION_NOMBRE"] = 1000
    client, token = student_client(app)
    first = client.get("/etudiant/prospection/fichier").get_data(as_text=True)
    assert "1000</strong>" in first, "le fichier doit compter 1 000 entreprises"
    turn = iter(range(10**9))

    def filter_change() -> None:
        query = FILTERS[next(turn) % len(FILTERS)]
        response = client.get(
            "/etudiant/prospection/fichier" + query, headers={"HX-Request": "true"}
        )
        assert response.status_code == 200 and b"<html" not in response.data

    bare = median_seconds(lambda: client.get("/__bare"), REPEATS)
    fragment = median_seconds(filter_change, REPEATS)
    report("fichier prospects : filtre htmx (1 000 lignes)", fragment, bare, target=3)


if __name__ == "__main__":
    main()
