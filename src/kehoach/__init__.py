"""kehoach: Party plans and reports as data, rendered in the official Party format.

The public API is re-exported here; everything else is internal.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from kehoach.api import (
    compose,
    load_plan,
    plan_schema,
    plan_schema_json,
    render_plan,
    render_plan_bytes,
)
from kehoach.compose import ComposedDocument
from kehoach.errors import InputError, KehoachError, OutputExistsError, Problem, UsageError
from kehoach.model import Plan

try:
    __version__ = version("kehoach")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

__all__ = [
    "ComposedDocument",
    "InputError",
    "KehoachError",
    "OutputExistsError",
    "Plan",
    "Problem",
    "UsageError",
    "__version__",
    "compose",
    "load_plan",
    "plan_schema",
    "plan_schema_json",
    "render_plan",
    "render_plan_bytes",
]
