"""Latency of `understand` per utterance over the corpus (p50/p95 ms), once imports are warm.

Run: .venv/bin/python bench/bench_understanding.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.engine.conversation import understand
from simulator.engine.conversation.text import normaliser
from tests.unit.engine.conversation.corpus_eval import charger, contexte_corpus


def main() -> None:
    ctx = contexte_corpus()
    textes = [e["texte"] for e in charger("reglage") + charger("reserve")]
    understand("bonjour", ctx)  # warm-up (imports, compiled patterns)
    mesures = []
    for texte in textes:
        normaliser.cache_clear()  # measure the full pipeline, not the memo
        debut = time.perf_counter()
        understand(texte, ctx)
        mesures.append((time.perf_counter() - debut) * 1000)
    mesures.sort()
    p95 = mesures[int(0.95 * (len(mesures) - 1))]
    print(
        f"{len(mesures)} énoncés — p50 {statistics.median(mesures):.2f} ms, p95 {p95:.2f} ms, "
        f"max {mesures[-1]:.2f} ms"
    )


if __name__ == "__main__":
    main()
