"""Rendering: composed document → template context → sandboxed Jinja → DOCX → atomic save.

Public API: :class:`Renderer` (``render_bytes``, ``render``), :func:`write_atomic`,
:func:`default_template`, and the style table :data:`STYLES` templates must define.
This package must not import ``kehoach.cli``.
"""

from __future__ import annotations

from kehoach.errors import OutputExistsError, RenderError
from kehoach.output import write_atomic
from kehoach.render.context import CONTEXT_VARIABLES
from kehoach.render.postprocess import PostProcessor
from kehoach.render.renderer import Renderer
from kehoach.render.styles import STYLE_IDS, STYLES, StyleDef
from kehoach.render.template import default_template

__all__ = [
    "CONTEXT_VARIABLES",
    "STYLES",
    "STYLE_IDS",
    "OutputExistsError",
    "PostProcessor",
    "RenderError",
    "Renderer",
    "StyleDef",
    "default_template",
    "write_atomic",
]
