"""A version 1 plan read as version 2: its fixed parts as ordered sections of blocks.

Nothing is copied into the file; the plan keeps the fields it was written with, and
everything that walks a plan (rendering, reports, the progress sheet, next year's plan)
walks this view. The sections come in version 1's order: purposes, content,
organization, budget, reporting, other sections.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kehoach.model.blocks import Block, Subsection
from kehoach.model.budget import Budget, BudgetBlock
from kehoach.model.outline import Part
from kehoach.model.parts import Section
from kehoach.model.tasks import TaskGroup, TaskList, TasksBlock
from kehoach.model.v1 import AreaGroup, ContentSection, PurposesSection, TaskSchedule

if TYPE_CHECKING:
    from kehoach.model.plan import Plan


def body_outline(plan: Plan) -> list[Part] | list[Section]:
    """The body of ``plan`` as version 2: its parts, or its top-level sections."""
    if plan.parts:
        return list(plan.parts)
    if plan.sections:
        return list(plan.sections)
    return upgrade_sections(plan)


def body_sections(plan: Plan) -> list[Section]:
    """Every top-level section of ``plan``, those inside parts included, in order."""
    out: list[Section] = []
    for item in body_outline(plan):
        out.extend(item.sections if isinstance(item, Part) else [item])
    return out


def upgrade_sections(plan: Plan) -> list[Section]:
    """The version 1 fields of ``plan`` as ordered version 2 sections."""
    sections: list[Section] = []
    if plan.purposes:
        sections.append(_purposes(plan.purposes))
    if plan.content:
        sections.append(_content(plan.content))
    if plan.organization:
        sections.append(plan.organization)
    if plan.budget:
        sections.append(budget_section(plan.budget))
    sections += [s for s in (plan.reporting, *plan.other_sections) if s]
    return sections


def budget_section(budget: Budget) -> Section:
    """A version 1 budget: a section titled by the budget, holding it as a block."""
    return Section.model_construct(title=budget.title, id=None, content=[_block(budget)])


def _purposes(p: PurposesSection) -> Section:
    # No empty "2. Yêu cầu" heading when there are no requirements (issue 10).
    content: list[Block] = [_sub(p.purpose_title, p.purpose)]
    if p.requirements:
        content.append(_sub(p.requirements_title, p.requirements))
    return Section.model_construct(title=p.title, id=None, content=content)


def _content(c: ContentSection) -> Section:
    content: list[Block] = list(c.intro)
    if c.objectives:
        content.append(_areas(c.objectives))
    if c.tasks:
        content.append(_schedule(c.tasks))
    if c.solutions:
        content.append(_areas(c.solutions))
    content += c.extra
    return Section.model_construct(title=c.title, id=None, content=content)


def _areas(group: AreaGroup) -> Subsection:
    areas = [
        Subsection.model_construct(section=a.title, id=a.id, content=a.content) for a in group.areas
    ]
    return _sub(group.title, [*group.intro, *areas])


def _schedule(schedule: TaskSchedule) -> Subsection:
    groups = [
        TaskGroup.model_construct(
            quarter=q.quarter, month=None, phase=None, title=None, tasks=q.tasks
        )
        for q in schedule.quarters
    ]
    tasks = TaskList.model_construct(groups=groups, tasks=[])
    return _sub(schedule.title, [*schedule.intro, TasksBlock.model_construct(tasks=tasks)])


def _sub(title: str, content: list[Block]) -> Subsection:
    return Subsection.model_construct(section=title, id=None, content=content)


def _block(budget: Budget) -> BudgetBlock:
    return BudgetBlock.model_construct(budget=budget)


__all__ = ["body_outline", "body_sections", "budget_section", "upgrade_sections"]
