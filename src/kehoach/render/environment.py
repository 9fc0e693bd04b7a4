"""The Jinja environment every template is rendered in: sandboxed, autoescaping, strict.

docxtpl's default environment is neither sandboxed nor autoescaping: an ``&`` in user
text breaks the XML (and the text silently disappears) and a template can run code.
Here a template can only read the context; ``{{ value }}`` is escaped, with line breaks
as ``<w:br/>`` (``finalize``), unless the value is already Markup; an undefined
variable is an error rather than an empty string.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from kehoach.render.wml import inline_xml


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
    env = SandboxedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(filters or {})
    return env
