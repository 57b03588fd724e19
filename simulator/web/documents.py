"""Printed documents: HTML rendered to a real PDF (WeasyPrint), and file names people can read."""

from __future__ import annotations

import unicodedata

from simulator import ROOT


def html_to_pdf(html: str) -> bytes:
    """Render a standalone HTML document to PDF bytes."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    return HTML(string=html, base_url=str(ROOT)).write_pdf()


def slug(text: str) -> str:
    """ASCII file-name part: « Léa Dubois » -> lea-dubois."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())
