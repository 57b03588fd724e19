"""Store scenario packs as immutable versions: shipped files, uploads and edits."""

from __future__ import annotations

import hashlib
import re
import threading
from pathlib import Path

import sqlalchemy as sa
from cachetools import LRUCache
from flask_babel import gettext as _

from simulator.extensions import db
from simulator.models import PackVersion, User
from simulator.operations.errors import OperationError
from simulator.scenarios.errors import PackError
from simulator.scenarios.schema.loader import validate_text
from simulator.scenarios.schema.pack import Pack

VERSION_LINE = re.compile(r"^version:\s*\d+\s*$", re.MULTILINE)

#: content sha256 -> the valid (frozen) pack model it parses to; a text never changes its model
_VALID: LRUCache[str, Pack] = LRUCache(16)
_LOCK = threading.Lock()


class PackRejected(OperationError):
    """A pack text that does not validate; carries the located errors."""

    status_code = 422

    def __init__(self, errors: list[PackError]) -> None:
        super().__init__(_("Le pack contient %(n)d erreur(s).", n=len(errors)), 422)
        self.errors = errors


def sha256(text: str) -> str:
    """Fingerprint of a pack text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def latest(slug: str) -> PackVersion | None:
    """The newest stored version of a pack."""
    return db.session.scalar(
        sa.select(PackVersion)
        .where(PackVersion.slug == slug)
        .order_by(PackVersion.version.desc())
        .limit(1)
    )


def latest_versions() -> list[PackVersion]:
    """The newest version of every pack, by title."""
    newest = (
        sa.select(PackVersion.slug, sa.func.max(PackVersion.version).label("v"))
        .group_by(PackVersion.slug)
        .subquery()
    )
    return list(
        db.session.scalars(
            sa.select(PackVersion)
            .join(
                newest,
                sa.and_(PackVersion.slug == newest.c.slug, PackVersion.version == newest.c.v),
            )
            .order_by(PackVersion.title)
        )
    )


def versions_of(slug: str) -> list[PackVersion]:
    """Every stored version of a pack, newest first."""
    return list(
        db.session.scalars(
            sa.select(PackVersion)
            .where(PackVersion.slug == slug)
            .order_by(PackVersion.version.desc())
        )
    )


def _validate(text: str, filename: str) -> tuple[Pack | None, list[PackError]]:
    """validate_text, remembered by content hash when the text is valid (errors are recomputed)."""
    key = sha256(text)
    with _LOCK:
        known = _VALID.get(key)
    if known is not None:
        return known, []
    pack, errors = validate_text(text, filename)
    if pack is not None:
        with _LOCK:
            _VALID[key] = pack
    return pack, errors


def parse(stored: PackVersion) -> Pack:
    """The validated pack model of a stored version (stored texts were valid when saved)."""
    pack, errors = _validate(stored.yaml_text, f"{stored.slug}.yaml")
    if pack is None:
        raise PackRejected(errors)
    return pack


def save_text(text: str, author: User | None, filename: str = "pack.yaml") -> PackVersion:
    """Validate a pack text and store it as a new version; the version must grow."""
    pack, errors = _validate(text, filename)
    if pack is None:
        raise PackRejected(errors)
    previous = latest(pack.slug)
    if previous is not None and pack.version <= previous.version:
        found = VERSION_LINE.search(text)
        line = text[: found.start()].count("\n") + 1 if found else 1
        raise PackRejected(
            [
                PackError(
                    filename,
                    line,
                    "version",
                    _(
                        "la version %(v)d existe déjà : une version enregistrée ne change plus, "
                        "indiquez au moins %(next)d",
                        v=pack.version,
                        next=previous.version + 1,
                    ),
                )
            ]
        )
    stored = PackVersion(
        slug=pack.slug,
        version=pack.version,
        title=pack.title,
        yaml_text=text,
        sha256=sha256(text),
        author_id=author.id if author else None,
    )
    db.session.add(stored)
    db.session.flush()
    return stored


def text_for_next_version(stored: PackVersion, newest: PackVersion) -> str:
    """A stored text with its version set after the newest one, ready to edit into a new version."""
    return VERSION_LINE.sub(f"version: {newest.version + 1}", stored.yaml_text, count=1)


def sync_shipped(packs_dir: str) -> list[PackVersion]:
    """Store the packs shipped in scenario_packs/ whose text is new; return what was added."""
    added = []
    for path in sorted(Path(packs_dir).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        exists = db.session.scalar(
            sa.select(PackVersion.id).where(PackVersion.sha256 == sha256(text))
        )
        if exists is None:
            added.append(save_text(text, None, path.name))
    return added
