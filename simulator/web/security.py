"""Security headers on every response and the one safe `next=` redirect helper."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, current_app, make_response, redirect, request, url_for
from flask.typing import ResponseReturnValue

# Scripts only from our own files (the structure work moves inline scripts to static/); styles
# also allow inline `style=` attributes, which a few templates and the SVG charts still use.
DEFAULT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HSTS = "max-age=31536000; includeSubDomains"


def safe_next(target: str | None, default: str) -> str:
    """Return target only if it is a path on this site; otherwise default.

    Browsers drop tabs and newlines from URLs and read a backslash as a slash, so
    "/\\t/evil.example/" or "/\\\\evil.example" would leave the site: any control character,
    backslash, scheme or host refuses the target.
    """
    if not target or len(target) > 2048:
        return default
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target) or "\\" in target:
        return default
    if not target.startswith("/") or target.startswith("//"):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


def _add_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault(
        "Content-Security-Policy", current_app.config.get("CONTENT_SECURITY_POLICY") or DEFAULT_CSP
    )
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    if current_app.config.get("SESSION_COOKIE_SECURE"):
        headers.setdefault("Strict-Transport-Security", HSTS)
    return response


def _current_page() -> str:
    """The page to come back to after logging in: the browser's page for htmx, else this one."""
    from simulator.extensions import htmx

    here = request.full_path.rstrip("?")
    if htmx and htmx.current_url:
        parts = urlsplit(htmx.current_url)
        if parts.netloc == request.host:
            here = parts.path + (f"?{parts.query}" if parts.query else "")
    return safe_next(here, "/")


def unauthorized() -> ResponseReturnValue:
    """Not logged in (or the session expired): htmx is told to load the login page itself.

    A plain redirect would be followed inside the XHR and its page swapped into the polled
    fragment; `HX-Redirect` makes the browser navigate to the login page instead.
    """
    from simulator.extensions import htmx, login_manager

    target = url_for(login_manager.login_view or "auth.home", next=_current_page())
    if htmx:
        response = make_response("", 401)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)


def register_security(app: Flask) -> None:
    """Wire the headers, the input guards and the request size limit into the app."""
    from simulator.extensions import login_manager
    from simulator.web.inputs import register_inputs

    app.after_request(_add_headers)
    login_manager.unauthorized_handler(unauthorized)
    register_inputs(app)
