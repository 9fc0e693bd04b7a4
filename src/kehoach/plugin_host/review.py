"""Reviewing a plan: kehoach's built-in checks, its plan type's checks and every plugin's.

The warnings themselves and the built-in checks live in :mod:`kehoach.review`, below
the plugin machinery; this module is the runner that asks the plugins.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kehoach.model import Plan
from kehoach.plugin_host.manager import call_each, get_plugin_manager, plan_types, run_hook
from kehoach.review import PlanWarning, fold, plan_text, texts_walked_once

if TYPE_CHECKING:
    import pluggy

    from kehoach.plugin_host.registry import PlanCheck, PlanType


def check_areas(plan: Plan, plan_type: PlanType) -> Iterator[PlanWarning]:
    """Each area of the type's skeleton is spoken of somewhere in the plan."""
    text = plan_text(plan)
    field = "parts" if plan.parts else "sections" if plan.sections else "content.objectives"
    for area in plan_type.areas:
        if area.keywords and not any(fold(k) in text for k in area.keywords):
            yield PlanWarning(
                "P-AREA-1",
                field,
                f"kế hoạch {plan_type.name.lower()} chưa có nội dung về “{area.title}”",
                f"the {plan_type.name_en.lower()} plan says nothing about “{area.title}”",
            )


def review_plan(
    plan: Plan, *, plugin_manager: pluggy.PluginManager | None = None
) -> list[PlanWarning]:
    """Every review warning on ``plan``: built-in checks, its plan type's, and plugins'.

    Args:
        plan: A validated plan.
        plugin_manager: The manager to ask; default: :func:`kehoach.get_plugin_manager`.

    Returns:
        The warnings, each tagged with the plugin that raised it.

    Raises:
        kehoach.PluginHookError: a plugin's check raised (names the plugin and hook).
    """
    pm = plugin_manager if plugin_manager is not None else get_plugin_manager()
    with texts_walked_once(plan):
        return _review(plan, pm)


def _review(plan: Plan, pm: pluggy.PluginManager) -> list[PlanWarning]:
    registry = plan_types(pm)
    plan_type = registry.find(plan.plan_type) if plan.plan_type else None
    warnings: list[PlanWarning] = []
    if plan.plan_type and plan_type is None:
        known = ", ".join(registry.ids()) or "-"
        warnings.append(
            PlanWarning(
                "P-TYPE-1",
                "plan_type",
                f"không có loại kế hoạch “{plan.plan_type}” (đã cài: {known})",
                f"no plan type “{plan.plan_type}” is installed (installed: {known})",
            )
        )
    for plugin, result in call_each(pm, "kehoach_review_plan", plan=plan, plan_type=plan_type):
        for warning in result or ():
            warnings.append(replace(warning, plugin=warning.plugin or plugin))
    if plan_type is not None:
        provider = registry.provider(plan_type.id) or "?"
        own = [*check_areas(plan, plan_type)]
        for check in plan_type.checks:
            name = getattr(check, "__name__", "check")
            own.extend(
                run_hook(
                    provider,
                    f"PlanType({plan_type.id!r}).checks: {name}",
                    _run,
                    check=check,
                    plan=plan,
                )
            )
        warnings += [replace(w, plugin=w.plugin or provider) for w in own]
    return warnings


def _run(*, check: PlanCheck, plan: Plan) -> list[PlanWarning]:
    return list(check(plan))


__all__ = ["check_areas", "review_plan"]
