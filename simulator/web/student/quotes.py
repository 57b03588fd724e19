"""The student's quote builder, its live recompute, and the issued devis (print view, PDF)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import flash, make_response, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.models import Quote
from simulator.operations import quotes
from simulator.operations.errors import ConflictError
from simulator.operations.quote_analysis import analyse_quote
from simulator.operations.quote_forms import blank_line
from simulator.operations.quote_view import to_document
from simulator.web.rendering import render_page
from simulator.web.once import remember_result, replay_of
from simulator.web.student import bp
from simulator.web.student.quote_form import read_quote_form
from simulator.web.student.quote_pdf import document_pdf, pdf_filename
from simulator.web.transaction import record_first_opening, savepoint

PAGE = "student/quote.html"


def _builder(
    ws: quotes.Workspace,
    inputs: dict[str, Any],
    quote: Quote | None,
    status: int = 200,
    alert: str | None = None,
    lock: int | None = None,
) -> ResponseReturnValue:
    """Render the builder with the student's inputs and their live analysis."""
    doc = to_document(analyse_quote(inputs, ws.view, date.today()))
    catalogue = ws.view.get("catalogue", {})
    return render_page(
        PAGE,
        status=status,
        s=ws.view,
        inputs=inputs,
        doc=doc,
        quote=quote,
        lock=quote.lock_version if lock is None and quote else lock,
        products=catalogue.get("products", []),
        services=catalogue.get("services", []),
        alert=alert,
        issued=quotes.issued_quotes(current_user),
    )


def _posted() -> tuple[dict[str, Any], int | None, int | None]:
    """The posted inputs, the draft's id and the lock version the form was opened with."""
    form = request.form
    quote_id = form.get("quote_id", type=int)
    return read_quote_form(form), quote_id, form.get("lock_version", type=int)


@bp.get("/devis")
def quote_builder() -> ResponseReturnValue:
    """The quote builder: the draft, or a new one pre-filled from the client's need."""
    ws = quotes.workspace(current_user)
    inputs, draft = quotes.starting_inputs(current_user, ws)
    record_first_opening()
    return _builder(ws, inputs, draft)


@bp.post("/devis/calcul")
def quote_recompute() -> ResponseReturnValue:
    """Recompute the result panel from the form as it is now (htmx, nothing stored)."""
    ws = quotes.workspace(current_user)
    inputs = read_quote_form(request.form)
    doc = to_document(analyse_quote(inputs, ws.view, date.today()))
    return render_page(PAGE, block="result", doc=doc, inputs=inputs, s=ws.view, oob=True)


@bp.get("/devis/ligne")
def quote_new_line() -> ResponseReturnValue:
    """One empty line for the lines table (htmx appends it)."""
    catalogue = quotes.workspace(current_user).view.get("catalogue", {})
    return render_page(
        "quote/_line.html",
        block="line",
        line=blank_line(""),
        errors={},
        products=catalogue.get("products", []),
        services=catalogue.get("services", []),
        units={},
    )


@bp.post("/devis/enregistrer")
def quote_save() -> ResponseReturnValue:
    """Save the draft as typed; a stale or frozen draft is refused with a 409."""
    ws = quotes.workspace(current_user)
    inputs, quote_id, lock = _posted()
    try:
        with savepoint():
            quotes.save_draft(current_user, ws, inputs, quote_id, lock)
    except ConflictError as exc:
        draft = quotes.draft_of(current_user, ws.situation_id)
        return _builder(ws, inputs, draft, 409, exc.message, lock=lock)
    flash(_("Brouillon enregistré."))
    return redirect(url_for("student.quote_builder"), 303)


@bp.post("/devis/brouillon")
def quote_autosave() -> ResponseReturnValue:
    """Save the draft as typed (htmx autosave): the status line and the new lock version."""
    ws = quotes.workspace(current_user)
    inputs, quote_id, lock = _posted()
    try:
        with savepoint():
            quote = quotes.save_draft(current_user, ws, inputs, quote_id, lock)
    except ConflictError as exc:
        return render_page(
            "quote/_autosave.html", block="status", status=409, conflict=exc.message, quote=None
        )
    return render_page(
        "quote/_autosave.html",
        block="status",
        saved_at=f"{datetime.now():%H:%M:%S}",
        quote=quote,
        conflict=None,
    )


@bp.post("/devis/emettre")
def quote_issue() -> ResponseReturnValue:
    """Number and freeze the quote, or show what must be corrected first."""
    ws = quotes.workspace(current_user)
    previous = replay_of()
    if previous is not None:  # already issued by this very form: show that quote again
        return redirect(previous.result_url or url_for("student.quote_builder"), 303)
    inputs, quote_id, lock = _posted()
    draft = quotes.draft_of(current_user, ws.situation_id)
    try:
        with savepoint():
            issued = quotes.issue(current_user, ws, inputs, quote_id, lock, date.today())
    except ConflictError as exc:
        return _builder(
            ws, inputs, quotes.draft_of(current_user, ws.situation_id), 409, exc.message, lock=lock
        )
    if not isinstance(issued, Quote):
        return _builder(
            ws,
            inputs,
            draft,
            422,
            _("Le devis n'est pas émis : corrigez les " "champs signalés en rouge."),
            lock=lock,
        )
    flash(_("Devis %(number)s émis.", number=issued.number))
    shown = url_for("student.quote_show", quote_id=issued.id)
    remember_result(shown)
    return redirect(shown, 303)


@bp.get("/devis/<id:quote_id>")
def quote_show(quote_id: int) -> ResponseReturnValue:
    """An issued quote, frozen: its totals as computed at issue."""
    quote = quotes.quote_of(current_user, quote_id)
    if quote.is_draft:
        return redirect(url_for("student.quote_builder"), 303)
    return render_page("student/quote_issued.html", quote=quote, doc=quote.totals)


@bp.get("/devis/<id:quote_id>/impression")
def quote_print(quote_id: int) -> ResponseReturnValue:
    """The devis as a printable HTML page."""
    quote = quotes.quote_of(current_user, quote_id)
    if quote.is_draft:
        return redirect(url_for("student.quote_builder"), 303)
    return render_page("quote/document.html", doc=quote.totals, for_pdf=False)


@bp.get("/devis/<id:quote_id>/pdf")
def quote_pdf(quote_id: int) -> ResponseReturnValue:
    """The devis as a PDF download with a French file name."""
    quote = quotes.quote_of(current_user, quote_id)
    if quote.is_draft:
        return redirect(url_for("student.quote_builder"), 303)
    totals = quote.totals
    assert totals is not None  # a quote that is no longer a draft has its totals
    response = make_response(document_pdf(totals))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{pdf_filename(totals)}"'
    return response
