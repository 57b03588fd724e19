"""Fuzz every route as its owner with valid CSRF tokens: zero 5xx.

`make test` runs a small seeded sample (FUZZ_REQUESTS, default 300); `make fuzz` the full
bounded run (≤ 10,000 requests, ≤ 5 minutes).
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import Actions
from tests.fuzz.routes import Fuzzer

REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "300"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "60"))
SEED = int(os.environ.get("FUZZ_SEED", "15"))


@pytest.fixture
def browsers(app, trainer, jury, student):
    """One logged-in browser per role, and an anonymous one; a situation to work on."""
    student.client.get("/etudiant/")
    return {
        "trainer": trainer,
        "jury": jury,
        "student": student,
        "anon": Actions(app.test_client()),
    }


def test_every_route_answers_without_a_5xx(app, browsers):
    report = Fuzzer(app, browsers, seed=SEED).run(REQUESTS, SECONDS)
    print(f"\n{report.requests} requêtes, statuts {dict(sorted(report.statuses.items()))}")
    print(f"{len(report.endpoints)} points d'entrée atteints")
    assert report.requests >= min(REQUESTS, 50)
    assert not report.failures, "\n".join(report.failures[:30])
