"""Every vendored front-end file matches the sha256 recorded in its folder's VERSIONS note."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTES = [ROOT / "static" / "vendor" / "VERSIONS", ROOT / "tests" / "e2e" / "vendor" / "VERSIONS"]


def _entries() -> list[tuple[Path, str]]:
    found = []
    for note in NOTES:
        for line in note.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            name = line.split()[0]
            digests = re.findall(r"(?<![(\w])sha256=([0-9a-f]{64})", line)
            found.append((note.parent / name, digests[-1]))
    return found


@pytest.mark.parametrize(("path", "digest"), _entries(), ids=lambda v: getattr(v, "name", ""))
def test_vendored_file_matches_its_recorded_sha256(path: Path, digest: str) -> None:
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_the_codemirror_bundle_and_axe_are_recorded() -> None:
    names = {path.name for path, _digest in _entries()}
    assert {"htmx-2.0.11.min.js", "codemirror-6.0.2.js", "axe-core-4.14.1.min.js"} <= names
