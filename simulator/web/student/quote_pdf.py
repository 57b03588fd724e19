"""The printable devis: one HTML template, rendered as a page or as a PDF with WeasyPrint."""

from __future__ import annotations

from typing import Any

from flask import render_template

from simulator.web.documents import html_to_pdf, slug


def document_html(doc: dict[str, Any], for_pdf: bool = False) -> str:
    """The devis as a standalone HTML document."""
    return render_template("quote/document.html", doc=doc, for_pdf=for_pdf)


def document_pdf(doc: dict[str, Any]) -> bytes:
    """The devis as PDF bytes."""
    return html_to_pdf(document_html(doc, for_pdf=True))


def pdf_filename(doc: dict[str, Any]) -> str:
    """A French file name: devis-D-2026-0001-breton-precision.pdf."""
    client = slug(doc.get("client", {}).get("name", ""))
    return f"devis-{doc.get('number', '')}-{client}.pdf".replace("--", "-")
