"""kehoach: Party plans and reports as data, rendered in the official Party format.

The public API is re-exported here; everything else is internal. Every name, the
version included, is imported on first use (PEP 562): ``import kehoach`` costs almost
nothing, a cold ``kehoach render`` does not pay for reports, roll-over or spreadsheets,
and ``kehoach check`` does not pay for the data model.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kehoach.api import (
        compose,
        compose_report,
        export_plan_sheet,
        export_progress_sheet,
        import_plan_sheet,
        load_plan,
        load_plan_located,
        load_progress,
        next_year_plan,
        plan_schema,
        plan_schema_json,
        render_plan,
        render_plan_bytes,
        render_report,
    )
    from kehoach.compose import ComposedDocument
    from kehoach.declared_plugins import only_builtin_plugins
    from kehoach.docx_import import DocxImportError, ImportResult, import_docx
    from kehoach.dump import to_yaml, to_yaml_over
    from kehoach.errors import (
        InputError,
        KehoachError,
        OutputError,
        OutputExistsError,
        Problem,
        UsageError,
    )
    from kehoach.hookspecs import hookimpl
    from kehoach.loader import Positions, positions_of
    from kehoach.manager import (
        PluginInfo,
        format_profiles,
        get_plugin_manager,
        hooks_of,
        plan_types,
        plugin_info,
    )
    from kehoach.migrate import migrate_plan
    from kehoach.model import BlockKind, BlockOutput, Plan, Progress
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
    from kehoach.profiles import BUILTIN_PROFILES, FormatProfile
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

    __version__: str

# Public name → the module that defines it; loaded on first access.
_LAZY: dict[str, str] = {
    "BlockKind": "kehoach.model",
    "BlockOutput": "kehoach.model",
    "ComposedDocument": "kehoach.compose",
    "DEFAULT_ORG": "kehoach.starter",
    "DocxImportError": "kehoach.docx_import",
    "DuplicatePlanTypeError": "kehoach.plugin_errors",
    "ImportResult": "kehoach.docx_import",
    "InputError": "kehoach.errors",
    "KehoachError": "kehoach.errors",
    "Organization": "kehoach.orgs",
    "OutputError": "kehoach.errors",
    "OutputExistsError": "kehoach.errors",
    "Plan": "kehoach.model",
    "FormatProfile": "kehoach.profiles",
    "BUILTIN_PROFILES": "kehoach.profiles",
    "PlanType": "kehoach.registry",
    "PlanTypeRegistry": "kehoach.registry",
    "PlanWarning": "kehoach.review",
    "PluginError": "kehoach.plugin_errors",
    "PluginHookError": "kehoach.plugin_errors",
    "PluginInfo": "kehoach.manager",
    "PluginLoadError": "kehoach.plugin_errors",
    "Positions": "kehoach.loader",
    "Problem": "kehoach.errors",
    "Progress": "kehoach.model",
    "ProgressWarning": "kehoach.report.links",
    "ReviewItem": "kehoach.rollover",
    "Rollover": "kehoach.rollover",
    "SkeletonArea": "kehoach.registry",
    "UnknownPlanTypeError": "kehoach.plugin_errors",
    "UsageError": "kehoach.errors",
    "builtin_warnings": "kehoach.review",
    "compose": "kehoach.api",
    "compose_report": "kehoach.api",
    "default_template": "kehoach.render",
    "export_plan_sheet": "kehoach.api",
    "export_progress_sheet": "kehoach.api",
    "get_plugin_manager": "kehoach.manager",
    "format_profiles": "kehoach.manager",
    "hookimpl": "kehoach.hookspecs",
    "only_builtin_plugins": "kehoach.declared_plugins",
    "hooks_of": "kehoach.manager",
    "migrate_plan": "kehoach.migrate",
    "import_docx": "kehoach.docx_import",
    "import_plan_sheet": "kehoach.api",
    "iter_texts": "kehoach.review",
    "load_plan": "kehoach.api",
    "load_plan_located": "kehoach.api",
    "load_progress": "kehoach.api",
    "next_year_plan": "kehoach.api",
    "obsolete_names": "kehoach.review",
    "plan_schema": "kehoach.api",
    "plan_schema_json": "kehoach.api",
    "plan_text": "kehoach.review",
    "plan_types": "kehoach.manager",
    "plugin_info": "kehoach.manager",
    "plugin_renderer": "kehoach.plugin_render",
    "positions_of": "kehoach.loader",
    "render_plan": "kehoach.api",
    "render_plan_bytes": "kehoach.api",
    "render_report": "kehoach.api",
    "review_plan": "kehoach.review",
    "starting_plan": "kehoach.starter",
    "to_pdf": "kehoach.pdf",
    "to_yaml": "kehoach.dump",
    "to_yaml_over": "kehoach.dump",
    "write_all": "kehoach.render.output",
    "write_atomic": "kehoach.render.output",
}


def _version() -> str:
    # importlib.metadata costs a few tens of milliseconds: paid only when asked.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kehoach")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0.0.0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value = globals()["__version__"] = _version()
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kehoach' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


class _Package(ModuleType):
    """``kehoach`` itself: ``kehoach.compose`` stays the function.

    Importing the sub-package ``kehoach.compose`` sets an attribute of that name on its
    parent; with the API imported lazily that would hide the public function.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, ModuleType) and name in _LAZY:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "BUILTIN_PROFILES",
    "DEFAULT_ORG",
    "BlockKind",
    "BlockOutput",
    "ComposedDocument",
    "DocxImportError",
    "DuplicatePlanTypeError",
    "FormatProfile",
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
    "Positions",
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
    "format_profiles",
    "get_plugin_manager",
    "hookimpl",
    "hooks_of",
    "import_docx",
    "import_plan_sheet",
    "iter_texts",
    "load_plan",
    "load_plan_located",
    "load_progress",
    "migrate_plan",
    "next_year_plan",
    "obsolete_names",
    "only_builtin_plugins",
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
