"""Trainer pages for scenario packs: list, upload, edit into a new version, preview."""

from __future__ import annotations

from flask import abort, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from simulator.extensions import db
from simulator.models import PackVersion
from simulator.operations import packs
from simulator.operations.situations import draft_snapshot, preview_snapshot
from simulator.scenarios.errors import PackError
from simulator.scenarios.schema.loader import validate_text
from simulator.scenarios.situation.visibility import student_view
from simulator.web.inputs import arg_int, form_int
from simulator.web.rendering import render_page
from simulator.web.trainer import bp

MAX_PACK_BYTES = 1_000_000


def _stored(slug: str, version: int) -> PackVersion:
    stored = db.session.scalar(
        db.select(PackVersion).where(PackVersion.slug == slug, PackVersion.version == version)
    )
    if stored is None:
        abort(404)
    return stored


def _submitted_text() -> str:
    upload = request.files.get("file")
    if upload and upload.filename:
        raw = upload.read(MAX_PACK_BYTES + 1)
        return raw.decode("utf-8", errors="replace")
    return request.form.get("yaml_text", "")


def _base_of_form() -> PackVersion | None:
    """The version an edited text started from (hidden fields of the editor), if it still exists."""
    slug = request.form.get("base_slug", "")[:100]
    version = form_int("base_version", 0, 0)
    if not slug or not version:
        return None
    return db.session.scalar(
        db.select(PackVersion).where(PackVersion.slug == slug, PackVersion.version == version)
    )


def _editor_with_errors(text: str, errors: list[PackError]) -> ResponseReturnValue:
    """The editor shown back with the text and every error; the breadcrumb keeps its base."""
    return render_page(
        "trainer/pack_edit.html",
        status=422,
        text=text,
        errors=errors,
        lines=text.splitlines(),
        base=_base_of_form(),
        checked=True,
    )


@bp.get("/packs")
def pack_list() -> ResponseReturnValue:
    """Every pack's newest version, and the form to add one."""
    return render_page("trainer/packs.html", packs=packs.latest_versions())


@bp.post("/packs/valider")
def pack_validate() -> ResponseReturnValue:
    """Validate the text being typed (htmx) and return the errors panel."""
    text = _submitted_text()
    _pack, errors = validate_text(text, request.form.get("filename") or "pack.yaml")
    return render_page(
        "trainer/_pack_errors.html",
        block="errors",
        errors=errors,
        lines=text.splitlines(),
        checked=True,
    )


@bp.post("/packs")
def pack_save() -> ResponseReturnValue:
    """Store the text as a new version, or show it back with its errors; nothing is lost."""
    text = _submitted_text()
    try:
        stored = packs.save_text(text, current_user, request.form.get("filename") or "pack.yaml")
    except packs.PackRejected as rejected:
        return _editor_with_errors(text, rejected.errors)
    return redirect(url_for("trainer.pack_detail", slug=stored.slug, version=stored.version), 303)


@bp.post("/packs/apercu")
def pack_draft_preview() -> ResponseReturnValue:
    """A situation generated from the unsaved text of the editor; nothing is stored."""
    text = _submitted_text()
    pack, errors = validate_text(text, request.form.get("filename") or "pack.yaml")
    if pack is None:
        return _editor_with_errors(text, errors)
    seed = form_int("seed", 1, 0, 2**31 - 1)
    as_jury = request.form.get("vue") == "jury"
    snapshot = draft_snapshot(pack, seed)
    shown = snapshot if as_jury else student_view(snapshot)
    return render_page(
        "trainer/pack_preview.html",
        stored=None,
        draft={"title": pack.title, "text": text},
        base=_base_of_form(),
        seed=seed,
        as_jury=as_jury,
        s=shown,
    )


@bp.get("/packs/nouveau")
def pack_new() -> ResponseReturnValue:
    """An empty editor, or a copy of an existing pack to start from."""
    source = request.args.get("depuis")
    text = ""
    if source:
        base = packs.latest(source)
        text = base.yaml_text if base else ""
    return render_page(
        "trainer/pack_edit.html", text=text, errors=[], lines=[], base=None, checked=False
    )


@bp.get("/packs/<slug>/v<id:version>")
def pack_detail(slug: str, version: int) -> ResponseReturnValue:
    """One version: its text, its history, and links to edit and preview."""
    stored = _stored(slug, version)
    return render_page("trainer/pack.html", stored=stored, versions=packs.versions_of(slug))


@bp.get("/packs/<slug>/v<id:version>/modifier")
def pack_edit(slug: str, version: int) -> ResponseReturnValue:
    """Edit a copy of this version; saving creates the next version."""
    stored = _stored(slug, version)
    text = packs.text_for_next_version(stored, packs.latest(slug) or stored)
    return render_page(
        "trainer/pack_edit.html", text=text, errors=[], lines=[], base=stored, checked=False
    )


@bp.get("/packs/<slug>/v<id:version>/apercu")
def pack_preview(slug: str, version: int) -> ResponseReturnValue:
    """A situation generated for a seed, as the student or as the jury sees it."""
    stored = _stored(slug, version)
    seed = arg_int("seed", 1, 0)
    seed = max(0, min(seed or 0, 2**31 - 1))
    as_jury = request.args.get("vue") == "jury"
    snapshot = preview_snapshot(stored, seed)
    shown = snapshot if as_jury else student_view(snapshot)
    return render_page(
        "trainer/pack_preview.html", stored=stored, seed=seed, as_jury=as_jury, s=shown
    )
