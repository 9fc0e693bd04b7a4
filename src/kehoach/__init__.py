"""kehoach: Party plans and reports as data, rendered in the official Party format.

The public API is re-exported here; everything else is internal.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from kehoach.api import (
    compose,
    compose_report,
    export_plan_sheet,
    import_plan_sheet,
    load_plan,
    load_progress,
    next_year_plan,
    plan_schema,
    plan_schema_json,
    render_plan,
    render_plan_bytes,
    render_report,
)
from kehoach.compose import ComposedDocument
from kehoach.errors import InputError, KehoachError, OutputExistsError, Problem, UsageError
from kehoach.hookspecs import hookimpl
from kehoach.manager import PluginInfo, get_plugin_manager, plan_types
from kehoach.model import Plan, Progress
from kehoach.orgs import Organization
from kehoach.plugin_errors import (
    DuplicatePlanTypeError,
    PluginError,
    PluginHookError,
    PluginLoadError,
    UnknownPlanTypeError,
)
from kehoach.registry import PlanType, PlanTypeRegistry, SkeletonArea
from kehoach.report.links import ProgressWarning
from kehoach.review import (
    PlanWarning,
    builtin_warnings,
    iter_texts,
    obsolete_names,
    plan_text,
    review_plan,
)
from kehoach.rollover import ReviewItem, Rollover
from kehoach.starter import starting_plan

if TYPE_CHECKING:  # loaded on first use by __getattr__ below
    from kehoach.render import default_template

try:
    __version__ = version("kehoach")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"


def __getattr__(name: str) -> object:
    # Rendering names load docxtpl/lxml on first use, so validating stays light.
    if name == "default_template":
        from kehoach.render import default_template

        return default_template
    raise AttributeError(f"module 'kehoach' has no attribute {name!r}")


__all__ = [
    "ComposedDocument",
    "DuplicatePlanTypeError",
    "InputError",
    "KehoachError",
    "Organization",
    "OutputExistsError",
    "Plan",
    "PlanType",
    "PlanTypeRegistry",
    "PlanWarning",
    "PluginError",
    "PluginHookError",
    "PluginInfo",
    "PluginLoadError",
    "Problem",
    "Progress",
    "ProgressWarning",
    "ReviewItem",
    "Rollover",
    "SkeletonArea",
    "UnknownPlanTypeError",
    "UsageError",
    "__version__",
    "builtin_warnings",
    "compose",
    "compose_report",
    "default_template",
    "export_plan_sheet",
    "get_plugin_manager",
    "hookimpl",
    "import_plan_sheet",
    "iter_texts",
    "load_plan",
    "load_progress",
    "next_year_plan",
    "obsolete_names",
    "plan_schema",
    "plan_schema_json",
    "plan_text",
    "plan_types",
    "render_plan",
    "render_plan_bytes",
    "render_report",
    "review_plan",
    "starting_plan",
]
