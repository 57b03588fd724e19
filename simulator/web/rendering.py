"""The one partial-or-page helper every view uses."""

from __future__ import annotations

from typing import Any

from flask import make_response, render_template
from flask.typing import ResponseReturnValue
from jinja2_fragments.flask import render_block

from simulator.extensions import htmx


def wants_fragment() -> bool:
    """A real htmx request: not a boosted navigation, not a history restore."""
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page(template: str, block: str = "content", status: int = 200,
                **context: Any) -> ResponseReturnValue:
    """Render only `block` for an htmx request, the whole page otherwise; always Vary on HX-Request."""
    if wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response
