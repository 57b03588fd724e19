"""The class results as CSV, in two dialects, with French headers.

* ``csv_fr`` — for a spreadsheet set to French (Excel, LibreOffice Calc in French): ``;`` between
  fields, a decimal comma (« 12,5 »), UTF-8 with a BOM so the accents read right.
* ``csv_international`` — for any other locale, Google Sheets or a script (pandas): ``,`` between
  fields and a decimal point (« 12.5 »), also UTF-8 with a BOM. A French spreadsheet reads « 12.5 »
  as text, an English one reads « 12,5 » as text: hence the two files rather than one.

Amounts carry no thousands separator and no € sign, so every number stays a number.
"""

from __future__ import annotations

import io
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from simulator.operations.class_progress import Progress
from simulator.operations.csv_safe import safe_writer

PHASE_LABELS = {
    "absent": _l("pas commencé"),
    "preparation": _l("préparation"),
    "devis": _l("devis"),
    "negociation": _l("négociation"),
    "debriefing": _l("débriefing"),
}
OUTCOME_LABELS = {
    "accord": _l("accord"),
    "pas_accord": _l("pas d'accord"),
    "en_cours": _l("en cours"),
}
ORIGIN_LABELS = {
    "generated": _l("situation générée"),
    "fiche": _l("fiche descriptive"),
    "opportunite": _l("opportunité CRM"),
}
PROSPECTION_LABELS = {
    "qualification": _l("qualification du fichier"),
    "campagne": _l("plan de campagne"),
    "terminee": _l("terminée"),
}


def headers() -> list[str]:
    """The column titles, in the user's language (French by default)."""
    return [
        _("Étudiant"),
        _("Tentative"),
        _("Origine"),
        _("Pack"),
        _("Version du pack"),
        _("Graine"),
        _("Client"),
        _("Phase"),
        _("Fiche de préparation"),
        _("Devis émis"),
        _("Résultat"),
        _("Marge obtenue (€)"),
        _("Objectif de marge (€)"),
        _("Marge / objectif (%)"),
        _("Part de la zone d'accord (%)"),
        _("Valeur laissée sur la table (€)"),
        _("Concessions données (€)"),
        _("Note E4 (/20)"),
        _("Compte rendu"),
        _("Débriefing visible par l'étudiant"),
        _("Analyse de risque (meilleure)"),
        _("Tentatives d'analyse"),
        _("Prospection"),
    ]


def _yes(flag: bool) -> str:
    return _("oui") if flag else _("non")


def cells(row: Progress, decimal: str) -> list[str]:
    """One attempt's line; numbers written with the given decimal mark."""

    def num(value: Decimal | int | None) -> str:
        return "" if value is None else str(value).replace(".", decimal)

    f = row.figures
    return [
        row.name,
        num(row.attempt),
        str(ORIGIN_LABELS.get(row.origin or "", "")),
        row.pack_slug or "",
        num(row.pack_version),
        num(row.seed),
        row.client or "",
        str(PHASE_LABELS[row.phase]),
        _yes(row.preparation_saved),
        " ".join(row.quote_numbers),
        str(OUTCOME_LABELS.get(row.outcome or "", "")),
        num(f.margin if f else None),
        num(f.margin_target if f else None),
        num(f.margin_vs_target if f else None),
        num(f.zopa_share if f else None),
        num(f.value_left if f else None),
        num(f.concessions_given if f else None),
        num(row.grade),
        _yes(row.follow_up_done),
        _yes(row.debrief_shown),
        _("%(a)d sur %(b)d", a=row.risk_best[0], b=row.risk_best[1]) if row.risk_best else "",
        num(row.risk_attempts),
        str(PROSPECTION_LABELS.get(row.prospection or "", "")),
    ]


def _write(rows: list[Progress], delimiter: str, decimal: str) -> str:
    out = io.StringIO()
    writer = safe_writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers())
    writer.writerows(cells(r, decimal) for r in rows)
    return "\ufeff" + out.getvalue()  # BOM: spreadsheets then read the accents right


def csv_fr(rows: list[Progress]) -> str:
    """For a spreadsheet in French: ';' separator, decimal comma."""
    return _write(rows, ";", ",")


def csv_international(rows: list[Progress]) -> str:
    """For other locales and scripts: ',' separator, decimal point."""
    return _write(rows, ",", ".")
