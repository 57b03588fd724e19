"""A bounded route fuzzer: every rule of app.url_map, as its owner, with valid CSRF tokens.

Loopback only (Flask's test client: no socket at all), seeded, at most MAX_REQUESTS requests
and MAX_SECONDS seconds. Path ids are taken from the rows really in the database (so most
requests reach the view as the legitimate owner) or from hostile numbers; form fields are the
names the templates use, query parameters the names the views read, each with hostile values
(huge numbers, NUL, Unicode digits, negatives, empty, 2^31…). Any 5xx, or any exception the
app let through, is a failure, recorded with the request that caused it.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask

from simulator.extensions import db

MAX_REQUESTS = 10_000
MAX_SECONDS = 300

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
QUERY_NAMES = (
    "a de seed bloc departement depuis distance_max naf page q segment seq signales status "
    "tranche vue version jury_id tri ordre next"
).split()
#: endpoints never fuzzed: they end the fuzzing browser's session or switch its language
SKIPPED = {"auth.logout", "auth.set_language", "static"}
ROLE_OF_BLUEPRINT = {"trainer": "trainer", "jury": "jury", "student": "student", "auth": "anon"}

HOSTILE = [
    "",
    " ",
    "0",
    "-1",
    "1",
    "2",
    "3",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "9" * 400,
    "9" * 5000,
    "1e30",
    "-1e30",
    "1e400",
    "1e-400",
    "NaN",
    "Infinity",
    "1,5",
    "12.345",
    "²",
    "٣",
    "𝟗",
    "½",
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "é" * 300,
    "x" * 5000,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "=1+1",
    "2026-02-30",
    "2026-12-01",
    "oui",
    "true",
    "A",
    "question",
    "offre",
    "besoin",
]


def form_names() -> list[str]:
    """Every literal form field name in the templates."""
    names: set[str] = set()
    for template in TEMPLATES.rglob("*.html"):
        names.update(re.findall(r'name="([A-Za-z_][A-Za-z0-9_\-]*)"', template.read_text()))
    names.discard("csrf_token")
    return sorted(names)


def known_ids(app: Flask) -> list[int]:
    """Primary keys present in the database (the owner's rows are among them)."""
    ids: set[int] = set()
    with app.app_context():
        for table in db.metadata.sorted_tables:
            column = table.c.get("id")
            if column is not None:
                ids.update(db.session.scalars(sa.select(column).limit(200)))
    return sorted(ids) or [1]


@dataclass
class Report:
    """What the fuzzer saw."""

    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    endpoints: set[str] = field(default_factory=set)


class Fuzzer:
    """Drive every route with random values, as the role owning its blueprint."""

    def __init__(self, app: Flask, browsers: dict[str, Any], seed: int = 15) -> None:
        self.app = app
        self.browsers = browsers  # role -> tests.conftest.Actions
        self.rng = random.Random(seed)
        self.names = form_names()
        self.ids = known_ids(app)
        self.rules = [
            r
            for r in app.url_map.iter_rules()
            if r.endpoint not in SKIPPED and r.endpoint.split(".")[0] in ROLE_OF_BLUEPRINT
        ]

    def _value(self) -> str:
        if self.rng.random() < 0.3:
            return str(self.rng.choice(self.ids))
        return self.rng.choice(HOSTILE)

    def _path_value(self, converter: str) -> str:
        if converter in ("id", "int") and self.rng.random() < 0.75:
            return str(self.rng.choice(self.ids))
        if converter in ("id", "int"):
            return self.rng.choice(["0", "2147483648", "9" * 30, "1", "-1"])
        return self.rng.choice(["x", "fr", "en", "A", "pdf", "1", "é", "a" * 300])

    def _url(self, rule: Any) -> str:
        path = rule.rule
        for match in re.finditer(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", rule.rule):
            converter = match.group(1) or "default"
            path = path.replace(match.group(0), self._path_value(converter), 1)
        return path

    def _query(self) -> dict[str, str]:
        return {self.rng.choice(QUERY_NAMES): self._value() for _ in range(self.rng.randint(0, 3))}

    def _form(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for _ in range(self.rng.randint(0, 10)):
            name = self.rng.choice(self.names)
            if self.rng.random() < 0.15:
                data[name] = [self._value(), self._value()]
            else:
                data[name] = self._value()
        return data

    def one(self, report: Report) -> None:
        rule = self.rng.choice(self.rules)
        role = ROLE_OF_BLUEPRINT[rule.endpoint.split(".")[0]]
        if role == "anon" and self.rng.random() < 0.5:
            role = self.rng.choice(["trainer", "jury", "student"])
        browser = self.browsers[role]
        methods = sorted(m for m in rule.methods if m in ("GET", "POST"))
        method = self.rng.choice(methods)
        url = self._url(rule)
        htmx = self.rng.random() < 0.4
        headers = {"HX-Request": "true"} if htmx else {}
        report.endpoints.add(rule.endpoint)
        try:
            if method == "GET":
                query = self._query()
                response = browser.client.get(url, query_string=query, headers=headers)
                shown = f"GET {url} {sorted(query.items())!r:.300}"
            else:
                data = self._form()
                response = browser.post(url, data, htmx=htmx)
                shown = f"POST {url} {sorted(data.items())!r:.300}"
        except Exception as exc:  # the app let it through: a 500 in production
            report.requests += 1
            report.statuses[500] += 1
            report.failures.append(
                f"{method} {url} (htmx={htmx}) → {type(exc).__name__}: {exc!s:.200}"
            )
            return
        report.requests += 1
        report.statuses[response.status_code] += 1
        if response.status_code >= 500:
            report.failures.append(f"{shown} (htmx={htmx}) → {response.status_code}")
        response.close()  # streamed files (favicon, PDFs) are closed like a browser would

    def run(self, requests: int, seconds: float) -> Report:
        requests = min(requests, MAX_REQUESTS)
        deadline = time.monotonic() + min(seconds, MAX_SECONDS)
        report = Report()
        while report.requests < requests and time.monotonic() < deadline:
            self.one(report)
        return report
