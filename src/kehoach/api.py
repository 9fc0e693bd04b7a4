"""The public Python API: load, validate, compose and render plans.

Rendering imports docxtpl lazily so that tools which only validate stay light.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kehoach.compose import ComposedDocument, compose_plan
from kehoach.loader import load_model
from kehoach.model import Plan

if TYPE_CHECKING:
    from kehoach.render import Renderer

PlanSource = str | PathLike[str] | Mapping[str, Any] | Plan


def load_plan(source: str | PathLike[str] | Mapping[str, Any]) -> Plan:
    """Load and validate a plan from a YAML/JSON file or a dict.

    Raises:
        kehoach.InputError: naming the file, line and field of every problem.
    """
    if isinstance(source, Mapping):
        return load_model(Plan, source)
    return load_model(Plan, Path(source))


def _plan(source: PlanSource) -> Plan:
    return source if isinstance(source, Plan) else load_plan(source)


def compose(source: PlanSource) -> ComposedDocument:
    """The composed document of a plan: every line written out, ready to lay out."""
    return compose_plan(_plan(source))


def render_plan(
    source: PlanSource,
    target: str | PathLike[str] | BinaryIO,
    *,
    force: bool = False,
    renderer: Renderer | None = None,
) -> None:
    """Render a plan to a DOCX file (written atomically) or a binary stream.

    Raises:
        kehoach.OutputExistsError: ``target`` exists and ``force`` is false.
    """
    document = compose(source)
    if renderer is None:
        from kehoach.render import Renderer

        renderer = Renderer()
    renderer.render(document, target, force=force)


def render_plan_bytes(source: PlanSource, *, renderer: Renderer | None = None) -> bytes:
    """Render a plan and return the DOCX bytes."""
    buffer = io.BytesIO()
    render_plan(source, buffer, renderer=renderer)
    return buffer.getvalue()


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, with Vietnamese field descriptions (for editors)."""
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Kế hoạch (kehoach)"
    return schema


def plan_schema_json() -> str:
    """:func:`plan_schema` as indented JSON text (Vietnamese kept readable)."""
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
