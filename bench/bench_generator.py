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

from faker import Faker

from simulator.scenarios.generator.core import generate, new_faker
from simulator.scenarios.schema.loader import load_pack
from simulator.scenarios.situation.model import to_json

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


def timed(run: Callable[[], None]) -> float:
    """Wall time (s) of run(), without tracing (tracemalloc slows Python code a lot)."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def peak_memory(run: Callable[[], None]) -> int:
    """Peak traced memory (bytes) of run(), in a separate pass."""
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def bench(count: int, packs: list[Any], faker: Faker) -> None:
    """Generate count situations, then the baseline with the same Faker calls; print the ratio."""
    calls: list[list[str]] = []
    for seed in range(count):
        counting = CountingFaker(faker)
        to_json(generate(packs[seed % len(packs)], seed, counting))  # type: ignore[arg-type]
        calls.append(counting.calls)

    def generation() -> None:
        for seed in range(count):
            to_json(generate(packs[seed % len(packs)], seed, faker))

    def baseline() -> None:
        for seed, names in enumerate(calls):
            faker.seed_instance(seed)
            for name in names:
                getattr(faker, name)()

    gen_time, base_time = timed(generation), timed(baseline)
    gen_peak, base_peak = peak_memory(generation), peak_memory(baseline)
    total_calls = sum(len(names) for names in calls)
    print(
        f"{count:>5} situations : génération {gen_time * 1000:8.1f} ms "
        f"({gen_time / count * 1000:.3f} ms/situation, pic mémoire {gen_peak / 1024:.0f} Kio) | "
        f"référence Faker seule ({total_calls} appels) {base_time * 1000:7.1f} ms "
        f"(pic {base_peak / 1024:.0f} Kio) | ratio {gen_time / base_time:.1f}×"
    )


def main() -> None:
    """Run the two sizes of the issue: one class (35) and one school (1 000)."""
    packs = [load_pack(ROOT / "scenario_packs" / f"{slug}.yaml") for slug in PACKS]
    faker = new_faker()
    generate(packs[0], 0, faker)
    for count in (35, 1000):
        bench(count, packs, faker)


if __name__ == "__main__":
    main()
