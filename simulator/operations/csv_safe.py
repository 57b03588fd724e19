"""CSV for spreadsheets without formula injection: one writer used by every export."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?%?", re.ASCII)


def neutralise(value: Any) -> Any:
    """A text cell starting like a formula gets a leading apostrophe; plain numbers (« -12,5 »)
    stay numbers."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_PREFIXES)
        and not _NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer whose text cells can never be read as a formula by Excel or LibreOffice."""

    def __init__(self, out: Any, **kwargs: Any) -> None:
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(out: Any, **kwargs: Any) -> SafeWriter:
    """The one CSV writer of the exports (same arguments as csv.writer)."""
    return SafeWriter(out, **kwargs)
