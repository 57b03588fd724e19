"""Page audits shared by the e2e tests: axe-core (WCAG 2.1 A/AA) and horizontal overflow at phone width.

axe-core is vendored (tests/e2e/vendor, pinned, sha256 in VERSIONS) and injected with
`page.evaluate`, which goes through the DevTools protocol: the app's strict CSP stays on.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core-4.14.1.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("critical", "serious")


def _axe_source() -> str:
    data = AXE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256, "axe-core vendored file altered"
    return data.decode()


def axe_violations(page: Page) -> list[dict]:
    """The critical and serious WCAG 2.1 A/AA violations of the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary.split('\\n')[1])}));"
        " }",
        WCAG_TAGS,
    )
    return [v for v in result if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    return json.dumps(violations, ensure_ascii=False, indent=1)


#: every element whose right edge passes the viewport (and is not inside a scrolling box)
OVERFLOW_JS = """() => {
  const width = window.innerWidth;
  const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p).overflowX; if (s === 'auto' || s === 'scroll' || s === 'hidden') return true; }
    return false; };
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 0.5 || scrolls(el)) continue;
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    offenders.push(name + ' [' + Math.round(r.left) + '→' + Math.round(r.right) + ']');
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, offenders: offenders.slice(0, 25)};
}"""


def overflow(page: Page) -> dict:
    """The page's scroll width against the viewport, and the elements that stick out."""
    return page.evaluate(OVERFLOW_JS)


def assert_fits(page: Page, label: str) -> None:
    """No horizontal scroll: document.documentElement.scrollWidth <= innerWidth."""
    found = overflow(page)
    assert found["scrollWidth"] <= found["innerWidth"], (
        f"{label} : {found['scrollWidth']} px de large pour {found['innerWidth']} px ; "
        f"dépassent : {found['offenders']}"
    )
