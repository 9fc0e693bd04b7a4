"""The plugin contract: every hook a kehoach plugin may implement.

Plugins are modules (or objects) registered through the ``kehoach`` entry-point group
and decorate their implementations with :data:`hookimpl`::

    from kehoach import PlanType, SkeletonArea, hookimpl

    @hookimpl
    def kehoach_register_plan_types(registry):
        registry.add(PlanType(...))

kehoach always calls hooks with keyword arguments; an implementation may accept any
subset of a hook's arguments, so arguments can be added later without breaking it.
docs/plugins.md documents each hook with its exact signature.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from kehoach.compose import ComposedDocument
    from kehoach.model import Plan
    from kehoach.model.kinds import BlockKind
    from kehoach.plugin_host.registry import PlanType, PlanTypeRegistry
    from kehoach.profiles import FormatProfile
    from kehoach.review import PlanWarning

PROJECT = "kehoach"
"""The pluggy project name and the entry-point group."""

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's hook implementation: ``@hookimpl`` or ``@hookimpl(trylast=True)``."""


@hookspec
def kehoach_register_plan_types(registry: PlanTypeRegistry) -> None:
    """Add plan types to the registry.

    Called once for each plugin when the plan types are first needed (``kehoach
    types``, ``kehoach new``, review and render of a plan naming a ``plan_type``).

    Args:
        registry: Call ``registry.add(PlanType(...))`` for each type. An id already
            registered by another plugin is an error naming both plugins.
    """


@hookspec
def kehoach_block_kinds() -> Iterable[BlockKind] | None:
    """Add block kinds that plan files may use, each written by the plugin.

    Called when a plan is loaded with a plugin manager (``kehoach render``,
    ``kehoach validate``, ``kehoach.load_plan(path, plugin_manager=pm)``).

    Returns:
        :class:`kehoach.BlockKind` objects (key, pydantic model of the value, writer),
        or ``None``. A key taken by kehoach or by another plugin is an error.
    """


@hookspec(firstresult=True)
def kehoach_template(plan: Plan, plan_type: PlanType | None) -> Path | None:
    """Supply the DOCX template a plan is rendered with (its letterhead and styles).

    Called once per rendered plan. First answer wins: the first implementation that
    returns a path decides; kehoach's own (``core`` plugin) runs last
    (``trylast=True``), so an organisation's plugin replaces the default letterhead by
    returning its template. Return ``None`` to leave the choice to others.

    Args:
        plan: The plan being rendered.
        plan_type: Its plan type, or ``None`` when it names none (or an unknown one).

    Returns:
        The path of a DOCX template that defines every placeholder and style listed
        in templates/README.md, or ``None``.
    """


@hookspec
def kehoach_jinja_filters() -> Mapping[str, Callable[..., Any]] | None:
    """Add Jinja filters the templates can use (``{{ value|my_filter }}``).

    Called once per rendered plan. The answers of all plugins are merged; two
    plugins defining the same filter name is an error naming both.

    Returns:
        A mapping of filter names to functions, or ``None``.
    """


@hookspec
def kehoach_template_context(
    plan: Plan, plan_type: PlanType | None, document: ComposedDocument
) -> Mapping[str, Any] | None:
    """Add variables to the template context (for a template that uses them).

    Called once per rendered plan, after the plan is composed. The answers of all
    plugins are merged; two plugins giving the same name is an error naming both.

    Args:
        plan: The plan being rendered.
        plan_type: Its plan type, or ``None``.
        document: The composed document (every text already written out).

    Returns:
        A mapping of variable names to values, or ``None``.
    """


@hookspec
def kehoach_postprocess_docx(
    docx: DocxDocument, plan: Plan, plan_type: PlanType | None, document: ComposedDocument
) -> None:
    """Change the rendered document in place before it is saved.

    Called once per rendered plan, after the template is filled and kehoach's own
    post-processing, with every implementation in turn (all of them run).

    Args:
        docx: The python-docx ``Document``; change it in place.
        plan: The plan being rendered.
        plan_type: Its plan type, or ``None``.
        document: The composed document.
    """


@hookspec
def kehoach_review_plan(plan: Plan, plan_type: PlanType | None) -> Iterable[PlanWarning] | None:
    """Add review warnings on a plan (``kehoach validate`` prints them).

    Called once per reviewed plan; the warnings of all plugins are collected, each
    tagged with the plugin that gave it. A plan type's own checks
    (``PlanType.checks``) run besides, for plans of that type.

    Args:
        plan: The validated plan.
        plan_type: Its plan type, or ``None``.

    Returns:
        The warnings (:class:`kehoach.PlanWarning`), or ``None``.
    """


@hookspec
def kehoach_format_profiles() -> Iterable[FormatProfile] | None:
    """Add format profiles (the layout rules of an official guidance, as data).

    Called once when a command needs the profiles (``kehoach check``). kehoach's own
    Party profiles (36-HD/VPTW, 05-HD/VPTW) and its State profile (Nghị định
    30/2020/NĐ-CP) come from its built-in ``profiles`` plugin through this same hook.
    ``kehoach check`` checks a document with the profile of its class
    (``FormatProfile.family``: ``party``, ``state``…) in force on its date, and
    ``--profile`` accepts any profile id given here.

    Returns:
        The profiles (:class:`kehoach.profiles.FormatProfile`), or ``None``. An id
        already given by another plugin is an error naming both plugins.
    """


__all__ = [
    "PROJECT",
    "hookimpl",
    "hookspec",
    "kehoach_format_profiles",
    "kehoach_jinja_filters",
    "kehoach_postprocess_docx",
    "kehoach_register_plan_types",
    "kehoach_review_plan",
    "kehoach_template",
    "kehoach_template_context",
]
