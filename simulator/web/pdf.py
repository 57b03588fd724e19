"""Serve a printed document as a PDF download."""

from __future__ import annotations

from flask import Response

from simulator.web.documents import html_to_pdf


def pdf_response(html: str, filename: str) -> Response:
    """A PDF download with a French file name."""
    response = Response(html_to_pdf(html), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
