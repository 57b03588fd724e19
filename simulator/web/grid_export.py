"""The grid as a printable document and the session's grids as CSV."""

from __future__ import annotations

import io

from flask import render_template

from simulator.engine.scoring.grid import lignes
from simulator.models import ClassSession, User
from simulator.operations import evaluations, situation_versions
from simulator.operations.csv_safe import safe_writer
from simulator.operations.handover import current_handover
from simulator.operations.situations import situation_of
from simulator.web.documents import slug
from simulator.web.i18n import exam_time


def grid_document(student: User, reader: User) -> tuple[str, str]:
    """The board's grid (or the reader's own while not reconciled) as HTML, and its file name."""
    grid = evaluations.reconciled_grid(student) or evaluations.my_grid(reader, student)
    name = f"grille-{student.class_session.exam_label.lower()}-{slug(student.display_name)}.pdf"
    if grid.signed_document:
        return grid.signed_document, name  # frozen at signature: never re-rendered
    situation = situation_of(student)
    handover = current_handover(situation) if situation else None
    modifications = (
        situation_versions.announced_changes(situation, handover.version)
        if situation and handover
        else []
    )
    from simulator.operations import negotiations

    negotiation = negotiations.latest_of(student)
    html = render_template(
        "jury/grid_document.html",
        grid=grid,
        student=student,
        session=student.class_session,
        rows=lignes(),
        snapshot=situation.snapshot if situation else None,
        modifications=modifications,
        negotiation=negotiation,
        level_label=evaluations.level_label,
    )
    return html, name


def session_csv(session: ClassSession) -> str:
    """One line per candidate with the board's levels, for a spreadsheet (French headers, ';')."""
    out = io.StringIO()
    writer = safe_writer(out, delimiter=";")
    rows = lignes()
    writer.writerow(
        ["Candidat", "Grille", "Signée le"] + [f"Critère {r.numero}" for r in rows] + ["Note /20"]
    )
    for student in session.students:
        grid = evaluations.reconciled_grid(student)
        if grid is None:
            writer.writerow([student.display_name, "non conciliée", ""] + [""] * len(rows) + [""])
            continue
        levels = [evaluations.level_label(grid.levels.get(str(r.numero))) for r in rows]
        mark = "" if grid.final_mark is None else str(grid.final_mark).replace(".", ",")
        signed = exam_time(grid.signed_at, session.exam_timezone) if grid.signed_at else ""
        writer.writerow([student.display_name, "conciliée", signed] + levels + [mark])
    return "\ufeff" + out.getvalue()  # BOM: spreadsheets then read the accents right
