"""Non-repeatable forms (a move, issuing a quote, signing a grid, launching a campaign).

The form carries ``{{ form_token() }}``: a hidden ``form_token`` field, new at every rendering.
The view calls :func:`replay_of` first: None means "first submission, go on"; otherwise the
submission was already handled and the view answers with the first result instead of doing it
again. A form posted without a token (an old page, a script) is handled as before, unguarded.
"""

from __future__ import annotations

import re
import secrets

from flask import Flask, abort, request
from flask_login import current_user
from markupsafe import Markup

from simulator.models import FormToken
from simulator.operations import form_tokens

FIELD = "form_token"
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _posted_token() -> str | None:
    token = request.form.get(FIELD)
    if not token:
        return None
    if not TOKEN_RE.fullmatch(token):
        abort(400)
    return token


def replay_of() -> FormToken | None:
    """The earlier submission with this form's token, or None if this one is the first."""
    token = _posted_token()
    if token is None:
        return None
    user = current_user._get_current_object()
    previous = form_tokens.claim(user, token)
    if previous is None:
        form_tokens.forget_old(user)
    return previous


def remember_result(result_url: str) -> None:
    """Where a replay of this submission should be sent."""
    token = _posted_token()
    if token is not None:
        form_tokens.remember_result(token, result_url)


def register_once(app: Flask) -> None:
    """`{{ form_token() }}` in templates: the hidden field of a non-repeatable form."""

    @app.template_global("form_token")
    def form_token_field() -> Markup:
        value = secrets.token_urlsafe(24)
        return Markup(f'<input type="hidden" name="{FIELD}" value="{value}">')
