"""The Jinja environment every template is rendered in: sandboxed, autoescaping, strict.

docxtpl's default environment is neither sandboxed nor autoescaping: an ``&`` in user
text breaks the XML (and the text silently disappears) and a template can run code.
Here a template can only read the context; ``{{ value }}`` is escaped, with line breaks
as ``<w:br/>`` (``finalize``), unless the value is already Markup; an undefined
variable is an error rather than an empty string.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from kehoach.render.context import AppendixView, BlockView, LayoutView
from kehoach.render.wml import inline_xml

# The renderer's own views (frozen dataclasses of text and numbers) and their fields: a
# template reads these about a thousand times per document. For an instance of a plain
# class the sandbox allows exactly the attributes not starting with "_", so reading one
# of these fields directly gives what the sandbox's check would; anything else (another
# attribute, another object) still goes through the check.
_VIEW_FIELDS: dict[type, frozenset[str]] = {
    view: frozenset(field.name for field in dataclasses.fields(view))
    for view in (BlockView, AppendixView, LayoutView)
}


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, with the renderer's view fields read without a check per read."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        fields = _VIEW_FIELDS.get(type(obj))
        if fields is not None and attribute in fields:
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)


def _finalize(value: Any) -> Any:
    if hasattr(value, "__html__"):
        return value
    if value is None:
        return ""
    return Markup(inline_xml(str(value)))


def make_environment(
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> SandboxedEnvironment:
    """A new sandboxed, autoescaping environment with ``filters`` added."""
    env = _Sandbox(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(filters or {})
    return env
