"""Language choice (French by default) and French formatting filters for templates."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Flask, has_request_context, session
from flask_babel import format_datetime

from simulator.config import LANGUAGES
from simulator.engine.money import format_eur


def select_locale() -> str:
    """French unless the user chose another supported language (the CLI speaks French)."""
    if not has_request_context():
        return "fr"
    lang = session.get("lang")
    return lang if lang in LANGUAGES else "fr"


def exam_time(moment: datetime | None, zone: str = "Europe/Paris") -> str:
    """A moment as « 01/12/2026 22:41 » in the exam's time zone (stored times are UTC)."""
    if moment is None:
        return "—"
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    try:
        local = aware.astimezone(ZoneInfo(zone or "Europe/Paris"))
    except (ZoneInfoNotFoundError, ValueError):
        local = aware.astimezone(ZoneInfo("Europe/Paris"))
    return local.strftime("%d/%m/%Y %H:%M")


def register_template_helpers(app: Flask) -> None:
    """Expose money and date formatting to Jinja."""

    @app.template_filter("eur")
    def eur(value: Decimal | str | int | None) -> str:
        if value is None or value == "":
            return "—"
        return format_eur(Decimal(str(value)))

    app.add_template_filter(exam_time, "exam_time")

    @app.template_filter("datetime")
    def datetime_filter(value: object, fmt: str = "medium") -> str:
        return format_datetime(value, fmt) if value else "—"

    @app.context_processor
    def languages() -> dict[str, object]:
        return {"languages": LANGUAGES, "current_lang": select_locale()}
