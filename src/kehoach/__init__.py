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
    from kehoach.docx_import import DocxImportError, ImportResult, import_docx
    from kehoach.dump import to_yaml
    from kehoach.errors import (
        InputError,
        KehoachError,
        OutputError,
        OutputExistsError,
        Problem,
        UsageError,
    )
    from kehoach.loader import Positions, positions_of
    from kehoach.migrate import migrate_plan
    from kehoach.model import BlockKind, BlockOutput, Plan, Progress
    from kehoach.orgs import Organization
    from kehoach.output import write_all, write_atomic
    from kehoach.pdf import to_pdf
    from kehoach.plugin_host.declared import only_builtin_plugins
    from kehoach.plugin_host.errors import (
        DuplicatePlanTypeError,
        PluginError,
        PluginHookError,
        PluginLoadError,
        UnknownPlanTypeError,
    )
    from kehoach.plugin_host.hookspecs import hookimpl
    from kehoach.plugin_host.manager import (
        PluginInfo,
        format_profiles,
        get_plugin_manager,
        hooks_of,
        plan_types,
        plugin_info,
    )
    from kehoach.plugin_host.registry import PlanType, PlanTypeRegistry, SkeletonArea
    from kehoach.plugin_host.renderer import plugin_renderer
    from kehoach.plugin_host.review import review_plan
    from kehoach.profiles import BUILTIN_PROFILES, FormatProfile
    from kehoach.render import default_template
    from kehoach.report.links import ProgressWarning
    from kehoach.review import (
        PlanWarning,
        builtin_warnings,
        iter_texts,
        obsolete_names,
        plan_text,
    )
    from kehoach.rewrite import to_yaml_over
    from kehoach.rollover import ReviewItem, Rollover
    from kehoach.starter import DEFAULT_ORG, starting_plan, starting_plan_text

    __version__: str

# Public name → the module that defines it; loaded on first access.
_LAZY: dict[str, str] = {
    "BlockKind": "kehoach.model",
    "BlockOutput": "kehoach.model",
    "ComposedDocument": "kehoach.compose",
    "DEFAULT_ORG": "kehoach.starter",
    "starting_plan_text": "kehoach.starter",
    "DocxImportError": "kehoach.docx_import",
    "DuplicatePlanTypeError": "kehoach.plugin_host.errors",
    "ImportResult": "kehoach.docx_import",
    "InputError": "kehoach.errors",
    "KehoachError": "kehoach.errors",
    "Organization": "kehoach.orgs",
    "OutputError": "kehoach.errors",
    "OutputExistsError": "kehoach.errors",
    "Plan": "kehoach.model",
    "FormatProfile": "kehoach.profiles",
    "BUILTIN_PROFILES": "kehoach.profiles",
    "PlanType": "kehoach.plugin_host.registry",
    "PlanTypeRegistry": "kehoach.plugin_host.registry",
    "PlanWarning": "kehoach.review",
    "PluginError": "kehoach.plugin_host.errors",
    "PluginHookError": "kehoach.plugin_host.errors",
    "PluginInfo": "kehoach.plugin_host.manager",
    "PluginLoadError": "kehoach.plugin_host.errors",
    "Positions": "kehoach.loader",
    "Problem": "kehoach.errors",
    "Progress": "kehoach.model",
    "ProgressWarning": "kehoach.report.links",
    "ReviewItem": "kehoach.rollover",
    "Rollover": "kehoach.rollover",
    "SkeletonArea": "kehoach.plugin_host.registry",
    "UnknownPlanTypeError": "kehoach.plugin_host.errors",
    "UsageError": "kehoach.errors",
    "builtin_warnings": "kehoach.review",
    "compose": "kehoach.api",
    "compose_report": "kehoach.api",
    "default_template": "kehoach.render",
    "export_plan_sheet": "kehoach.api",
    "export_progress_sheet": "kehoach.api",
    "get_plugin_manager": "kehoach.plugin_host.manager",
    "format_profiles": "kehoach.plugin_host.manager",
    "hookimpl": "kehoach.plugin_host.hookspecs",
    "only_builtin_plugins": "kehoach.plugin_host.declared",
    "hooks_of": "kehoach.plugin_host.manager",
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
    "plan_types": "kehoach.plugin_host.manager",
    "plugin_info": "kehoach.plugin_host.manager",
    "plugin_renderer": "kehoach.plugin_host.renderer",
    "positions_of": "kehoach.loader",
    "render_plan": "kehoach.api",
    "render_plan_bytes": "kehoach.api",
    "render_report": "kehoach.api",
    "review_plan": "kehoach.plugin_host.review",
    "starting_plan": "kehoach.starter",
    "to_pdf": "kehoach.pdf",
    "to_yaml": "kehoach.dump",
    "to_yaml_over": "kehoach.rewrite",
    "write_all": "kehoach.output",
    "write_atomic": "kehoach.output",
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
    "starting_plan_text",
    "to_pdf",
    "to_yaml",
    "to_yaml_over",
    "write_all",
    "write_atomic",
]
