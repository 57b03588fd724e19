"""Benchmark the situation generator against an in-run Faker baseline (python bench/bench_generator.py)."""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from faker import Faker  # noqa: E402

from simulator.scenarios.generator import generate, new_faker  # noqa: E402
from simulator.scenarios.loader import load_pack  # noqa: E402
from simulator.scenarios.situation import to_json  # noqa: E402

PACKS = ("materiel-electrique", "equipements-protection", "emballage")


class CountingFaker:
    """Delegate to a Faker and record the provider calls (name, in order)."""

    def __init__(self, faker: Faker) -> None:
        self._faker = faker
        self.calls: list[str] = []

    def seed_instance(self, seed: int) -> None:
        self._faker.seed_instance(seed)

    def __getattr__(self, name: str) -> Any:
        self.calls.append(name)
        return getattr(self._faker, name)


def measure(run: Callable[[], None]) -> tuple[float, int]:
    """Wall time (s) and peak traced memory (bytes) of run()."""
    tracemalloc.start()
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak


def bench(count: int, packs: list[Any], faker: Faker) -> None:
    """Generate count situations, then the baseline with the same Faker calls; print the ratio."""
    counting = CountingFaker(faker)
    for seed in range(count):
        to_json(generate(packs[seed % len(packs)], seed, counting))  # type: ignore[arg-type]
    calls = list(counting.calls)

    def generation() -> None:
        for seed in range(count):
            to_json(generate(packs[seed % len(packs)], seed, faker))

    def baseline() -> None:
        per_seed = len(calls) // count
        for seed in range(count):
            faker.seed_instance(seed)
            for name in calls[seed * per_seed:(seed + 1) * per_seed]:
                getattr(faker, name)()

    gen_time, gen_peak = measure(generation)
    base_time, base_peak = measure(baseline)
    print(f"{count:>5} situations : génération {gen_time * 1000:8.1f} ms "
          f"({gen_time / count * 1000:.2f} ms/situation, pic mémoire {gen_peak / 1024:.0f} Kio) | "
          f"référence Faker ({len(calls)} appels) {base_time * 1000:8.1f} ms "
          f"(pic {base_peak / 1024:.0f} Kio) | ratio {gen_time / base_time:.2f}×")


def main() -> None:
    """Run the two sizes of the issue: one class (35) and one school (1 000)."""
    packs = [load_pack(ROOT / "scenario_packs" / f"{slug}.yaml") for slug in PACKS]
    faker = new_faker()
    generate(packs[0], 0, faker)
    for count in (35, 1000):
        bench(count, packs, faker)


if __name__ == "__main__":
    main()
