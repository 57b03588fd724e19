"""Real PDF documents from HTML templates (WeasyPrint), served with a French file name."""

from __future__ import annotations

import unicodedata

from flask import Response

from simulator import ROOT


def html_to_pdf(html: str) -> bytes:
    """Render a standalone HTML document to PDF bytes."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    return HTML(string=html, base_url=str(ROOT)).write_pdf()


def slug(text: str) -> str:
    """ASCII file-name part: « Léa Dubois » -> lea-dubois."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())


def pdf_response(html: str, filename: str) -> Response:
    """A PDF download."""
    response = Response(html_to_pdf(html), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
