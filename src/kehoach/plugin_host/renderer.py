"""A :class:`~kehoach.render.Renderer` set up by the plugins for one plan.

The template comes from ``kehoach_template`` (first answer wins; the built-in one runs
last), filters from ``kehoach_jinja_filters``, extra variables from
``kehoach_template_context`` and python-docx steps from ``kehoach_postprocess_docx``.
Every failure names the plugin and the hook, and happens before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.errors import KehoachError
from kehoach.plugin_host.errors import PluginError, PluginHookError
from kehoach.plugin_host.manager import call_each, get_plugin_manager, merged_mapping, plan_types
from kehoach.render import CONTEXT_VARIABLES, Renderer

if TYPE_CHECKING:
    import pluggy

    from kehoach.compose import ComposedDocument
    from kehoach.model import Plan
    from kehoach.plugin_host.registry import PlanType

_POSTPROCESS = "kehoach_postprocess_docx"


def plugin_renderer(
    plan: Plan, document: ComposedDocument, plugin_manager: pluggy.PluginManager | None = None
) -> Renderer:
    """The renderer the plugins of ``plugin_manager`` give for ``plan``.

    Args:
        plan: The plan to render.
        document: Its composed document (for the context hook).
        plugin_manager: Default: a new :func:`~kehoach.get_plugin_manager`.

    Raises:
        kehoach.PluginError: a plugin's hook raised, answered something unusable (a
            template that does not exist or lacks a style, a name given twice).
    """
    pm = plugin_manager if plugin_manager is not None else get_plugin_manager()
    plan_type = plan_types(pm).find(plan.plan_type) if plan.plan_type else None
    template, template_plugin = _template(pm, plan, plan_type)
    filters = merged_mapping(pm, "kehoach_jinja_filters", ("bộ lọc", "filter"))
    context = merged_mapping(
        pm,
        "kehoach_template_context",
        ("biến", "variable"),
        plan=plan,
        plan_type=plan_type,
        document=document,
    )
    clash = sorted(set(context) & set(CONTEXT_VARIABLES))
    if clash:
        owners = call_each(
            pm, "kehoach_template_context", plan=plan, plan_type=plan_type, document=document
        )
        plugin = next(name for name, answer in owners if set(answer) & set(clash))
        raise PluginHookError(
            plugin,
            "kehoach_template_context",
            ValueError(f"reuses variables of kehoach's renderer: {', '.join(clash)}"),
        )
    steps = [_postprocessor(pm, plan, plan_type, document)] if _implemented(pm) else []
    try:
        return Renderer(template, filters=filters, extra_context=context, postprocessors=steps)
    except KehoachError as exc:
        if template_plugin is None:
            raise
        vi, en = exc.messages("vi")[0], exc.messages("en")[0]
        raise PluginError(
            f"mẫu của plugin “{template_plugin}” ({template}) không dùng được: {vi}",
            f"the template of plugin “{template_plugin}” ({template}) cannot be used: {en}",
        ) from exc
    except Exception as exc:  # a template the Jinja environment refuses
        if template_plugin is None:
            raise
        raise PluginHookError(template_plugin, "kehoach_template", exc) from exc


def _template(
    pm: pluggy.PluginManager, plan: Plan, plan_type: PlanType | None
) -> tuple[Path | None, str | None]:
    """The first template answer and the plugin that gave it (``None``: the default)."""
    hook = "kehoach_template"
    answers = call_each(pm, hook, first_only=True, plan=plan, plan_type=plan_type)
    if not answers:
        return None, None
    plugin, answer = answers[0]
    path = Path(answer)
    if not path.is_file():
        raise PluginHookError(plugin, hook, FileNotFoundError(f"no template file at {path}"))
    return path, plugin


def _implemented(pm: pluggy.PluginManager) -> bool:
    return bool(getattr(pm.hook, _POSTPROCESS).get_hookimpls())


def _postprocessor(
    pm: pluggy.PluginManager, plan: Plan, plan_type: PlanType | None, document: ComposedDocument
) -> Any:
    def step(docx: Any) -> None:
        call_each(pm, _POSTPROCESS, docx=docx, plan=plan, plan_type=plan_type, document=document)

    return step


__all__ = ["plugin_renderer"]
