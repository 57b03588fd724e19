"""The htmx recompute request of a 20-line quote vs a bare Flask route (median, same run)."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._harness import bench_app, median_seconds, report, student_client

REPEATS = 300
LINES = 20


def twenty_lines(html: str) -> dict[str, object]:
    """A 20-line quote built from the catalogue shown in the builder, with a remise on each line."""
    refs = list(dict.fromkeys(re.findall(r'<option value="([A-Z0-9-]+)"', html)))
    keys = [f"k{i:02d}" for i in range(LINES)]
    data: dict[str, object] = {
        "line_key": keys,
        "remise_value": "3",
        "remise_unit": "pct",
        "escompte_pct": "1.5",
        "escompte_taken": "1",
        "port_ht": "35",
        "payment_days": "45",
        "payment_mode": "date_facture",
        "validity_days": "30",
        "delivery_weeks": "4",
        "acompte_pct": "20",
    }
    for i, key in enumerate(keys):
        data.update(
            {
                f"ref-{key}": refs[i % len(refs)],
                f"quantity-{key}": str(i + 1),
                f"remise-{key}": str(i % 4 * 2.5),
            }
        )
    return data


def main() -> None:
    """Join the demo class as a student, then time the recompute against the bare route."""
    logging.disable(logging.WARNING)
    app, _tmp = bench_app()
    client, token = student_client(app)
    builder = client.get("/etudiant/devis").get_data(as_text=True)
    data = twenty_lines(builder)
    headers = {"HX-Request": "true", "X-CSRFToken": token}

    def recompute() -> None:
        response = client.post("/etudiant/devis/calcul", data=data, headers=headers)
        assert response.status_code == 200 and b'id="total-ttc"' in response.data

    recompute()
    bare = median_seconds(lambda: client.get("/__bare"), REPEATS)
    value = median_seconds(recompute, REPEATS)
    report("recalcul htmx d'un devis de 20 lignes", value, bare, target=3)


if __name__ == "__main__":
    main()
