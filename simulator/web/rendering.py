"""The one partial-or-page helper every view uses."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask import current_app, make_response, render_template
from flask.typing import ResponseReturnValue
from jinja2 import Environment, nodes
from jinja2_fragments.flask import render_block

from simulator.extensions import htmx


def wants_fragment() -> bool:
    """A real htmx request: not a boosted navigation, not a history restore."""
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


@lru_cache(maxsize=256)
def _top_level_imports(env: Environment, template: str) -> tuple[tuple[str, str, str | None], ...]:
    """The `{% import %}`/`{% from … import %}` at the top of a template and of its parents.

    A block rendered alone skips the template's top-level code, so macros imported there would
    be undefined (`UndefinedError: 'alert'`): render_page imports them into the block's context.
    Each item is (imported template, name in the block, macro name or None for the module).
    """
    source = env.loader.get_source(env, template)[0]  # type: ignore[union-attr]
    found: list[tuple[str, str, str | None]] = []
    for node in env.parse(source).body:
        if isinstance(node, nodes.Extends) and isinstance(node.template, nodes.Const):
            found = list(_top_level_imports(env, node.template.value)) + found
        elif isinstance(node, nodes.Import) and isinstance(node.template, nodes.Const):
            found.append((node.template.value, node.target, None))
        elif isinstance(node, nodes.FromImport) and isinstance(node.template, nodes.Const):
            for name in node.names:
                macro, alias = name if isinstance(name, tuple) else (name, name)
                found.append((node.template.value, alias, macro))
    return tuple(found)


def _imported(template: str) -> dict[str, Any]:
    env = current_app.jinja_env
    values: dict[str, Any] = {}
    for source, alias, macro in _top_level_imports(env, template):
        module = env.get_template(source).module
        values[alias] = module if macro is None else getattr(module, macro)
    return values


def render_page(
    template: str, block: str = "content", status: int = 200, **context: Any
) -> ResponseReturnValue:
    """Render only `block` for an htmx request, the whole page otherwise; always Vary on HX-Request.

    The block sees the macros the template imports at its top, as the whole page would.
    """
    if wants_fragment():
        body = render_block(template, block, **{**_imported(template), **context})
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response
