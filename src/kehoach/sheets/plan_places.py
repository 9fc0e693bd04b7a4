"""Where the plan sheet's tasks and budget live in dumped plan data (``Plan.model_dump()``).

A version 1 plan keeps its tasks in ``content.tasks.quarters`` and its budget in
``budget``; a version 2 plan in tasks blocks and budget blocks anywhere in its sections
(a task table, tasks grouped by phase, a budget clause under "Tổ chức thực hiện"). The
sheet lists every task wherever it sits, in document order, with the place it comes from
in words, and the plan's budget (the first, as :func:`kehoach.model.plan_budget`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kehoach.loader import format_path
from kehoach.model.data import Path
from kehoach.vi import roman

__all__ = ["TaskPlace", "budget_place", "iter_task_places"]


@dataclass(frozen=True)
class TaskPlace:
    """One task of dumped plan data.

    Attributes:
        path: Its data path (``("sections", 2, "content", 0, "tasks", "tasks", 3)``).
        task: The task's dict itself (callers change it in place).
        quarter: The quarter of its group (version 1 quarters, a block grouped by
            quarter), else ``None``.
        where: The place in words: "Nhiệm vụ cụ thể › Quý II", "… › Đợt 1: …".
        scheduled: Whether it is a version 1 quarterly task (its quarter may be changed in
            the sheet, which moves it).
    """

    path: Path
    task: dict[str, Any]
    quarter: int | None
    where: str
    scheduled: bool

    @property
    def field(self) -> str:
        """Its path as the YAML file names it: ``sections[2].content[0].tasks.tasks[3]``."""
        return format_path(self.path)


def iter_task_places(data: dict[str, Any]) -> Iterator[TaskPlace]:
    """Every task of dumped plan data, in document order."""
    schedule = (data.get("content") or {}).get("tasks")
    if schedule:
        title = schedule.get("title") or "Nhiệm vụ"
        for qi, group in enumerate(schedule["quarters"]):
            for ti, task in enumerate(group["tasks"]):
                path: Path = ("content", "tasks", "quarters", qi, "tasks", ti)
                where = f"{title} › Quý {roman(group['quarter'])}"
                yield TaskPlace(path, task, group["quarter"], where, True)
    for key in ("opening", "sections", "parts", "closing", "appendices"):
        yield from _blocks(data.get(key), (key,), [])


def _blocks(value: Any, path: Path, trail: list[str]) -> Iterator[TaskPlace]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _blocks(item, (*path, i), trail)
        return
    if not isinstance(value, dict):
        return
    tasks = value.get("tasks")
    if isinstance(tasks, dict) and "groups" in tasks:  # a tasks block
        yield from _task_list(tasks, (*path, "tasks"), trail)
        return
    title = value.get("title") or value.get("section")
    here = [*trail, " ".join(str(title).split())] if isinstance(title, str) and title else trail
    for key in ("sections", "content"):
        if key in value:
            yield from _blocks(value[key], (*path, key), here)


def _task_list(tasks: dict[str, Any], path: Path, trail: list[str]) -> Iterator[TaskPlace]:
    base = [*trail, tasks["title"]] if tasks.get("title") else trail
    for gi, group in enumerate(tasks.get("groups") or []):
        quarter = group.get("quarter")
        if quarter:
            name = f"Quý {roman(quarter)}"
        elif group.get("month"):
            name = f"Tháng {group['month']}"
        else:
            name = group.get("phase") or group.get("title") or ""
        where = " › ".join([*base, name] if name else base)
        for ti, task in enumerate(group["tasks"]):
            yield TaskPlace((*path, "groups", gi, "tasks", ti), task, quarter, where, False)
    for ti, task in enumerate(tasks.get("tasks") or []):
        yield TaskPlace((*path, "tasks", ti), task, None, " › ".join(base), False)


def budget_place(data: dict[str, Any]) -> tuple[Path, dict[str, Any]] | None:
    """The plan's budget in dumped data and its path: version 1 ``budget``, else the first
    budget block, in document order (as :func:`kehoach.model.plan_budget`)."""
    if isinstance(data.get("budget"), dict):
        return ("budget",), data["budget"]
    for key in ("opening", "sections", "parts", "closing", "appendices"):
        found = _budget_in(data.get(key), (key,))
        if found is not None:
            return found
    return None


def _budget_in(value: Any, path: Path) -> tuple[Path, dict[str, Any]] | None:
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = _budget_in(item, (*path, i))
            if found is not None:
                return found
        return None
    if not isinstance(value, dict):
        return None
    budget = value.get("budget")
    if isinstance(budget, dict) and "sources" in budget:
        return (*path, "budget"), budget
    for key in ("sections", "content", "notes"):
        if key in value:
            found = _budget_in(value[key], (*path, key))
            if found is not None:
                return found
    return None
