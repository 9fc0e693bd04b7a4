"""Walk a plan's blocks wherever they sit: every text, target, task and budget.

Everything that reads a plan's figures (reports, the progress sheet, next year's plan)
goes through these walkers, so a task or a target counts wherever it is written: any
section, any depth, a part, an appendix — and a version 1 file through its upgrade.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kehoach.model.blocks import (
    Block,
    Bullet,
    Labelled,
    Numbered,
    Paragraph,
    Quote,
    SubBullet,
    Subsection,
    Target,
)
from kehoach.model.budget import Budget, BudgetBlock
from kehoach.model.outline import Part
from kehoach.model.tasks import Task, TasksBlock
from kehoach.model.upgrade import body_outline, body_sections
from kehoach.vi.when import due_quarter

if TYPE_CHECKING:
    from kehoach.model.plan import Plan


def iter_blocks(blocks: list[Block]) -> Iterator[Block]:
    """Every block of a list, subsections' and budget notes' content included, in order."""
    for block in blocks:
        yield block
        if isinstance(block, Subsection):
            yield from iter_blocks(block.content)
        elif isinstance(block, BudgetBlock):
            yield from iter_blocks(block.budget.notes)


def block_texts(blocks: list[Block]) -> Iterator[tuple[str, list[Target]]]:
    """Every text of a block list written with inline marks, with the targets it declares.

    Paragraphs, "- " and "+ " items, headings, numbered and labelled sentences,
    quotations, task group names and sub-lines, budget labels. Table cells are plain
    text and left out; a task's own text is yielded by :func:`iter_tasks`.
    """
    for block in iter_blocks(blocks):
        if isinstance(block, str):
            yield block, []
        elif isinstance(block, Paragraph):
            yield block.text, block.targets
        elif isinstance(block, Bullet):
            yield block.bullet, block.targets
            for item in block.items:
                if isinstance(item, SubBullet):
                    yield item.text, item.targets
                else:
                    yield item, []
        elif isinstance(block, Subsection):
            yield block.section, []
        elif isinstance(block, Numbered):
            yield block.numbered, block.targets
        elif isinstance(block, Labelled):
            yield block.label, []
            yield block.text, block.targets
        elif isinstance(block, Quote):
            yield block.quote, []
        elif isinstance(block, TasksBlock):
            yield from _task_list_texts(block)
        elif isinstance(block, BudgetBlock):
            yield from ((label, []) for label in budget_labels(block.budget))


def _task_list_texts(block: TasksBlock) -> Iterator[tuple[str, list[Target]]]:
    tasks = block.tasks
    if tasks.title:
        yield tasks.title, []
    for group in tasks.groups:
        for name in (group.phase, group.title):
            if name:
                yield name, []
    for task in tasks.all_tasks():
        yield from ((item, []) for item in task.items)


def budget_labels(budget: Budget) -> Iterator[str]:
    """The budget's labels and clause: texts with inline marks and no targets."""
    yield from (budget.title, budget.total_label, budget.sources_title)
    if budget.year_label:
        yield budget.year_label
    if budget.clause:
        yield budget.clause


def plan_block_lists(plan: Plan) -> Iterator[list[Block]]:
    """Every top-level block list of a plan, in document order."""
    yield plan.opening.paragraphs
    for section in body_sections(plan):
        yield section.content
    yield plan.closing
    for appendix in plan.appendices:
        yield appendix.content


def plan_headings(plan: Plan) -> Iterator[str]:
    """The trích yếu, part and top-level section titles: inline marks, no targets."""
    yield plan.title.subject
    for item in body_outline(plan):
        yield item.title
        if isinstance(item, Part):
            yield from (section.title for section in item.sections)


def iter_targets(plan: Plan) -> Iterator[Target]:
    """Every measurable target of the plan, in document order."""
    for blocks in plan_block_lists(plan):
        for _, targets in block_texts(blocks):
            yield from targets


def iter_task_blocks(plan: Plan) -> Iterator[TasksBlock]:
    """Every tasks block of the plan, in document order."""
    for blocks in plan_block_lists(plan):
        for block in iter_blocks(blocks):
            if isinstance(block, TasksBlock):
                yield block


def iter_tasks(plan: Plan) -> Iterator[Task]:
    """Every task of the plan, wherever it sits, in document order."""
    for block in iter_task_blocks(plan):
        yield from block.tasks.all_tasks()


def task_quarter(plan: Plan) -> dict[str, int]:
    """Map each task id to the quarter it falls due in.

    The quarter of its group; else the end of its ``when`` ("Quý IV/2025", "tháng
    11/2025", a date) or of its due date; else quarter IV: a task with no time, or a
    free one ("Thường xuyên"), runs through the year (see :func:`ongoing_tasks`).
    """
    return {task_id: quarter or 4 for task_id, quarter in _named_quarters(plan).items()}


def ongoing_tasks(plan: Plan) -> set[str]:
    """The ids of the tasks whose time names no quarter: no group quarter, no date in
    ``when`` or the group's month/phase, no ``due`` ("Thường xuyên", or no time at all).

    Such a task runs through the whole year: every report period covers it, and it is
    due at the end of the year (:func:`task_quarter` gives it quarter IV).
    """
    return {task_id for task_id, quarter in _named_quarters(plan).items() if quarter is None}


def _named_quarters(plan: Plan) -> dict[str, int | None]:
    quarters: dict[str, int | None] = {}
    for block in iter_task_blocks(plan):
        tasks = block.tasks
        grouped = [(g.quarter, g.phase or g.month, g.tasks) for g in tasks.groups]
        for quarter, name, group_tasks in grouped or [(None, None, tasks.tasks)]:
            for task in group_tasks:
                quarters[task.id] = quarter or _quarter_of(task, name, plan.year)
    return quarters


def _quarter_of(task: Task, group_name: str | None, year: int) -> int | None:
    for text in (task.when, group_name):
        found = due_quarter(text, year) if text else None
        if found is not None:
            return found
    if task.due is not None:
        if task.due.year != year:
            return 1 if task.due.year < year else 4
        return (task.due.month - 1) // 3 + 1
    return None


def iter_budgets(plan: Plan) -> Iterator[Budget]:
    """Every budget of the plan, in document order."""
    for blocks in plan_block_lists(plan):
        for block in iter_blocks(blocks):
            if isinstance(block, BudgetBlock):
                yield block.budget


def plan_budget(plan: Plan) -> Budget | None:
    """The plan's budget (the first, when a plan writes more than one), or ``None``."""
    return next(iter_budgets(plan), None)


__all__ = [
    "block_texts",
    "budget_labels",
    "iter_blocks",
    "iter_budgets",
    "iter_targets",
    "iter_task_blocks",
    "iter_tasks",
    "ongoing_tasks",
    "plan_block_lists",
    "plan_budget",
    "plan_headings",
    "task_quarter",
]
