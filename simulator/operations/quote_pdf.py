"""The printable devis: one HTML template, rendered as a page or as a PDF with WeasyPrint."""

from __future__ import annotations

import unicodedata
from typing import Any

from flask import render_template

from simulator import ROOT


def document_html(doc: dict[str, Any], for_pdf: bool = False) -> str:
    """The devis as a standalone HTML document."""
    return render_template("quote/document.html", doc=doc, for_pdf=for_pdf)


def document_pdf(doc: dict[str, Any]) -> bytes:
    """The devis as PDF bytes."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    return HTML(string=document_html(doc, for_pdf=True), base_url=str(ROOT)).write_pdf()


def pdf_filename(doc: dict[str, Any]) -> str:
    """A French file name: devis-D-2026-0001-breton-precision.pdf."""
    client = doc.get("client", {}).get("name", "")
    plain = unicodedata.normalize("NFKD", client).encode("ascii", "ignore").decode()
    slug = "-".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())
    return f"devis-{doc.get('number', '')}-{slug}.pdf".replace("--", "-")
