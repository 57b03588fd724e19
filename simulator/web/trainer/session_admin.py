"""Administer a class session: edit, close, archive, delete; remove, export or erase a student."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Annotated, Any, Literal

from flask import Response, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from pydantic import BaseModel

from simulator.models import SessionMode
from simulator.operations import personal_data, session_admin
from simulator.operations.errors import OperationError
from simulator.operations.packs import latest_versions
from simulator.web.documents import slug
from simulator.web.forms import parse_form, trimmed
from simulator.web.rendering import render_page
from simulator.web.student.quote_pdf import document_pdf, pdf_filename
from simulator.web.trainer import bp
from simulator.web.trainer.views import _own_session
from simulator.web.transaction import savepoint

COUNT_LABELS = {
    "students": _l("étudiant(s)"),
    "situations": _l("situation(s) (tentatives)"),
    "quotes": _l("devis"),
    "negotiations": _l("négociation(s)"),
    "evaluations": _l("grille(s) d’évaluation"),
    "events": _l("événement(s) du journal"),
}


class SessionEditForm(BaseModel):
    """A session's name, mode and pack."""

    name: Annotated[str, trimmed(120)]
    mode: Literal["practice", "exam"]
    pack_slug: Annotated[str, trimmed(80)] = ""


def _back(session_id: int) -> ResponseReturnValue:
    return redirect(url_for("trainer.session_detail", session_id=session_id), 303)


@bp.get("/sessions/<id:session_id>/modifier")
def session_edit(session_id: int) -> ResponseReturnValue:
    """The form to rename the session, change its mode, and its pack while still possible."""
    return _edit_page(session_id)


def _edit_page(session_id: int, status: int = 200, error: str | None = None) -> ResponseReturnValue:
    session = _own_session(session_id)
    return render_page(
        "trainer/session_edit.html",
        status=status,
        session=session,
        packs=[(p.slug, p.title) for p in latest_versions()],
        pack_locked=session_admin.pack_locked(session),
        error=error,
    )


@bp.post("/sessions/<id:session_id>/modifier")
def session_update(session_id: int) -> ResponseReturnValue:
    """Save the session's name, mode and pack; a pack change after the first situation is refused."""
    session = _own_session(session_id)
    form, errors = parse_form(SessionEditForm, request.form.to_dict())
    if form is None:
        return _edit_page(session_id, 422, next(iter(errors.values())))
    known = {p.slug for p in latest_versions()}
    if form.pack_slug and form.pack_slug not in known:
        return _edit_page(session_id, 422, _("Ce pack n’existe pas."))
    try:
        with savepoint():
            session_admin.update_session(
                session, name=form.name, mode=SessionMode(form.mode), pack_slug=form.pack_slug
            )
    except OperationError as refused:
        return _edit_page(session_id, refused.status_code, refused.message)
    flash(_("Session enregistrée."))
    return _back(session_id)


@bp.post("/sessions/<id:session_id>/fermer")
def session_close(session_id: int) -> ResponseReturnValue:
    """Close the session: no new joins, the students' work becomes read-only."""
    session_admin.close_session(_own_session(session_id))
    flash(
        _("Session fermée : plus personne ne peut la rejoindre et le travail est en lecture seule.")
    )
    return _back(session_id)


@bp.post("/sessions/<id:session_id>/rouvrir")
def session_reopen(session_id: int) -> ResponseReturnValue:
    """Open a closed session again."""
    session_admin.reopen_session(_own_session(session_id))
    flash(_("Session rouverte."))
    return _back(session_id)


@bp.post("/sessions/<id:session_id>/archiver")
def session_archive(session_id: int) -> ResponseReturnValue:
    """Archive the session (closing it) or bring it back from the archives."""
    archived = request.form.get("archiver", "oui") == "oui"
    session_admin.archive_session(_own_session(session_id), archived)
    flash(_("Session archivée.") if archived else _("Session sortie des archives."))
    return _back(session_id)


def _labelled(found: dict[str, int]) -> list[tuple[int, str]]:
    return [(n, str(COUNT_LABELS[k])) for k, n in found.items()]


@bp.get("/sessions/<id:session_id>/supprimer")
def session_delete_confirm(session_id: int) -> ResponseReturnValue:
    """Say what the deletion removes before asking for the session's code."""
    session = _own_session(session_id)
    found = session_admin.counts(session_admin.session_plan(session))
    return render_page(
        "trainer/session_delete.html", session=session, counts=_labelled(found), error=None
    )


@bp.post("/sessions/<id:session_id>/supprimer")
def session_delete(session_id: int) -> ResponseReturnValue:
    """Delete the session and everything in it, once its code is typed as confirmation."""
    session = _own_session(session_id)
    if request.form.get("confirmation", "").strip().upper() != session.join_code:
        found = session_admin.counts(session_admin.session_plan(session))
        return render_page(
            "trainer/session_delete.html",
            status=422,
            session=session,
            counts=_labelled(found),
            error=_("Recopiez le code de la session pour confirmer la suppression."),
        )
    name = session.name
    found = session_admin.delete_session(session)
    flash(
        _(
            "Session « %(name)s » supprimée : %(detail)s.",
            name=name,
            detail=", ".join(f"{n} {label}" for n, label in _labelled(found)),
        )
    )
    return redirect(url_for("trainer.dashboard"), 303)


@bp.get("/sessions/<id:session_id>/etudiants/<id:student_id>/effacer")
def student_erase_confirm(session_id: int, student_id: int) -> ResponseReturnValue:
    """Say what removing the student erases, and whether a signed grade forces a pseudonym."""
    session = _own_session(session_id)
    student = session_admin.own_student(session, student_id)
    found = session_admin.counts(session_admin.student_plan(student))
    return render_page(
        "trainer/student_erase.html",
        session=session,
        student=student,
        counts=_labelled(found),
        pseudonymise=session_admin.signed_grade(student) is not None,
    )


@bp.post("/sessions/<id:session_id>/etudiants/<id:student_id>/effacer")
def student_erase(session_id: int, student_id: int) -> ResponseReturnValue:
    """Remove the student from the session and erase their data (or pseudonymise them)."""
    session = _own_session(session_id)
    student = session_admin.own_student(session, student_id)
    if request.form.get("confirmation") != "oui":
        return student_erase_confirm(session_id, student_id)
    name = student.display_name
    how, found = session_admin.erase_student(student)
    detail = ", ".join(f"{n} {label}" for n, label in _labelled(found))
    if how == "erased":
        flash(_("%(name)s retiré(e) et effacé(e) : %(detail)s.", name=name, detail=detail))
    else:
        flash(
            _(
                "%(name)s pseudonymisé(e) (note d’examen signée conservée) : %(detail)s.",
                name=name,
                detail=detail,
            )
        )
    return _back(session_id)


@bp.get("/sessions/<id:session_id>/etudiants/<id:student_id>/donnees.zip")
def student_export(session_id: int, student_id: int) -> ResponseReturnValue:
    """One student's data: donnees.json and their issued quotes as PDFs, in a ZIP."""
    session = _own_session(session_id)
    student = session_admin.own_student(session, student_id)
    record: dict[str, Any] = personal_data.student_record(student)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "donnees.json", json.dumps(record, ensure_ascii=False, indent=2, default=str)
        )
        for quote in personal_data.issued_quotes(student):
            if quote.totals:
                archive.writestr(f"devis/{pdf_filename(quote.totals)}", document_pdf(quote.totals))
    response = Response(buffer.getvalue(), mimetype="application/zip")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="donnees-{slug(student.display_name) or student.id}.zip"'
    )
    return response
