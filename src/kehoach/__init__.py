"""kehoach: Party plans and reports as data, rendered in the official Party format.

The public API is re-exported here; everything else is internal. Names are imported
on first use (PEP 562), so ``import kehoach`` and a cold ``kehoach render`` do not pay
for reports, roll-over, spreadsheets or the checker.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from kehoach.api import (
    compose,
    compose_report,
    export_plan_sheet,
    export_progress_sheet,
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
from kehoach.errors import (
    InputError,
    KehoachError,
    OutputError,
    OutputExistsError,
    Problem,
    UsageError,
)
from kehoach.hookspecs import hookimpl

if TYPE_CHECKING:
    from kehoach.compose import ComposedDocument
    from kehoach.docx_import import DocxImportError, ImportResult, import_docx
    from kehoach.dump import to_yaml, to_yaml_over
    from kehoach.loader import positions_of
    from kehoach.manager import PluginInfo, get_plugin_manager, hooks_of, plan_types, plugin_info
    from kehoach.model import Plan, Progress
    from kehoach.orgs import Organization
    from kehoach.pdf import to_pdf
    from kehoach.plugin_errors import (
        DuplicatePlanTypeError,
        PluginError,
        PluginHookError,
        PluginLoadError,
        UnknownPlanTypeError,
    )
    from kehoach.plugin_render import plugin_renderer
    from kehoach.registry import PlanType, PlanTypeRegistry, SkeletonArea
    from kehoach.render import default_template
    from kehoach.render.output import write_all, write_atomic
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
    from kehoach.starter import DEFAULT_ORG, starting_plan

try:
    __version__ = version("kehoach")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

# Public name → the module that defines it; loaded on first access.
_LAZY: dict[str, str] = {
    "DEFAULT_ORG": "kehoach.starter",
    "DocxImportError": "kehoach.docx_import",
    "ImportResult": "kehoach.docx_import",
    "import_docx": "kehoach.docx_import",
    "ComposedDocument": "kehoach.compose",
    "DuplicatePlanTypeError": "kehoach.plugin_errors",
    "Organization": "kehoach.orgs",
    "Plan": "kehoach.model",
    "PlanType": "kehoach.registry",
    "PlanTypeRegistry": "kehoach.registry",
    "PlanWarning": "kehoach.review",
    "PluginError": "kehoach.plugin_errors",
    "PluginHookError": "kehoach.plugin_errors",
    "PluginInfo": "kehoach.manager",
    "PluginLoadError": "kehoach.plugin_errors",
    "Progress": "kehoach.model",
    "ProgressWarning": "kehoach.report.links",
    "ReviewItem": "kehoach.rollover",
    "Rollover": "kehoach.rollover",
    "SkeletonArea": "kehoach.registry",
    "UnknownPlanTypeError": "kehoach.plugin_errors",
    "builtin_warnings": "kehoach.review",
    "default_template": "kehoach.render",
    "get_plugin_manager": "kehoach.manager",
    "hooks_of": "kehoach.manager",
    "plugin_info": "kehoach.manager",
    "plugin_renderer": "kehoach.plugin_render",
    "positions_of": "kehoach.loader",
    "to_pdf": "kehoach.pdf",
    "to_yaml": "kehoach.dump",
    "to_yaml_over": "kehoach.dump",
    "write_all": "kehoach.render.output",
    "write_atomic": "kehoach.render.output",
    "iter_texts": "kehoach.review",
    "obsolete_names": "kehoach.review",
    "plan_text": "kehoach.review",
    "plan_types": "kehoach.manager",
    "review_plan": "kehoach.review",
    "starting_plan": "kehoach.starter",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kehoach' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "DEFAULT_ORG",
    "ComposedDocument",
    "DocxImportError",
    "DuplicatePlanTypeError",
    "ImportResult",
    "InputError",
    "KehoachError",
    "Organization",
    "OutputError",
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
    "export_progress_sheet",
    "get_plugin_manager",
    "hookimpl",
    "hooks_of",
    "import_docx",
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
    "plugin_info",
    "plugin_renderer",
    "positions_of",
    "render_plan",
    "render_plan_bytes",
    "render_report",
    "review_plan",
    "starting_plan",
    "to_pdf",
    "to_yaml",
    "to_yaml_over",
    "write_all",
    "write_atomic",
]
