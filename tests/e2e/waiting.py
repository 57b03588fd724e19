"""Waiting for a page condition without `eval` in the page.

Playwright's `wait_for_function` builds its predicate with `new Function` inside the page, which the
app's Content-Security-Policy (no 'unsafe-eval') rightly forbids. `page.evaluate` goes through the
DevTools protocol instead, so polling it from Python keeps the CSP on during the tests.
"""

from __future__ import annotations

import time

from playwright.sync_api import Page


def wait_until(page: Page, expression: str, timeout: float = 15_000) -> None:
    """Poll a JavaScript expression until it is truthy; `timeout` in ms, as in Playwright."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        if page.evaluate(f"() => Boolean({expression})"):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"toujours faux après {timeout} ms : {expression}")
        page.wait_for_timeout(50)
