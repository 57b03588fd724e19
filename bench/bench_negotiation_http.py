"""One negotiation turn over HTTP (htmx POST, two events written, reply rendered) against the
logged-in reference route (same process, same run), and a turn at move 40 against move 5."""

from __future__ import annotations

import logging
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._harness import bench_app, median_seconds, report, student_client

NEGOTIATIONS = 6
#: moves per negotiation: the turn around move 40 is compared with the turn around move 5
LONG = 41
MOVES = (  # a typical opening: discovery, reformulation, argument, offers
    {"type": "question", "theme": "besoin"},
    {"type": "question", "theme": "criteres"},
    {"type": "question", "theme": "budget"},
    {"type": "reformulation", "texte": "Si je comprends…"},
    {"type": "argument", "argument": "0", "motivation": "securite"},
    {"type": "question", "theme": "decideurs"},
    {"type": "question", "theme": "delai"},
    {"type": "message", "texte": "Je vous propose de regarder l'offre."},
    {"type": "question", "theme": "concurrence"},
    {"type": "message", "texte": "Bien noté."},
)

#: after the opening, moves that keep the buyer at the table (reformulating restores patience)
KEEP_TALKING = (
    {"type": "reformulation", "texte": "Si je vous suis bien…"},
    {"type": "message", "texte": "Je note."},
)


def _student(app, name: str):
    """A student who joined the demo class and started the clock; return (client, token, id)."""
    client, token = student_client(app, name)
    html = client.get("/etudiant/negociation", follow_redirects=True).get_data(as_text=True)
    nid = int(re.search(r"/negociation/(\d+)/preparation", html).group(1))
    client.post(
        f"/etudiant/negociation/{nid}/preparation",
        data={"csrf_token": token, "lock_version": "1", "action": "commencer"},
    )
    return client, token, nid


def main() -> None:
    """Time the turns of a few 41-move negotiations against the logged-in reference route, a
    bare route and a bare event write; compare the turns around move 5 and around move 40."""
    logging.disable(logging.WARNING)
    app, _tmp = bench_app()
    from flask import request

    from simulator.extensions import db
    from simulator.models import Event

    @app.post("/__bare_turn/<int:n>")
    def bare_turn(n: int) -> str:
        """The same POST writing two events, without the engine, the replay or the page."""
        seq = 2 * n + int(request.form.get("k", "0")) * 1_000_000
        db.session.add_all(
            [
                Event(
                    stream_type="bench",
                    stream_id=1,
                    seq=seq,
                    actor="seller",
                    kind="coup",
                    payload=dict(request.form),
                ),
                Event(
                    stream_type="bench",
                    stream_id=1,
                    seq=seq + 1,
                    actor="buyer",
                    kind="reponse",
                    payload={"texte": "ok"},
                ),
            ]
        )
        return "ok"

    headers = {"HX-Request": "true"}
    by_move: dict[int, list[float]] = {}
    bare_turns: list[float] = []
    done, k = 0, 0
    while done < NEGOTIATIONS:
        k += 1
        if k > 4 * NEGOTIATIONS:
            raise SystemExit(f"{done} négociations seulement ont tenu {LONG} coups")
        client, token, nid = _student(app, f"Banc {k}")
        headers["X-CSRFToken"] = token
        timed: dict[int, float] = {}
        for i in range(LONG):
            data = MOVES[i] if i < len(MOVES) else KEEP_TALKING[i % len(KEEP_TALKING)]
            start = time.perf_counter()
            response = client.post(f"/etudiant/negociation/{nid}/coup", data=data, headers=headers)
            timed[i + 1] = time.perf_counter() - start
            if response.status_code != 200:  # this buyer left the table first: take another
                break
            start = time.perf_counter()
            client.post(f"/__bare_turn/{i}", data={**data, "k": str(k)}, headers=headers)
            bare_turns.append(time.perf_counter() - start)
        else:
            done += 1
            for m, t in timed.items():
                by_move.setdefault(m, []).append(t)
    bare = median_seconds(lambda: client.get("/__bare"), 300)
    reference = median_seconds(lambda: client.get("/__reference"), 300)
    turns = [t for samples in by_move.values() for t in samples]
    turn = statistics.median(turns)
    early = statistics.median([t for m in (4, 5, 6) for t in by_move[m]])
    late = statistics.median([t for m in (LONG - 2, LONG - 1, LONG) for t in by_move[m]])
    report("tour de négociation (htmx, 2 événements)", turn, reference, target=3.0)
    report("  … contre une route nue (information)", turn, bare)
    report("  … contre un POST qui écrit 2 événements", turn, statistics.median(bare_turns))
    report(f"tour au coup {LONG - 1} (±1) contre au coup 5 (±1)", late, early, target=1.3)


if __name__ == "__main__":
    main()
