"""Tasks blocks: grouped by quarter, month, phase or theme; as lines, inline or a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kehoach.compose.document import Cell, PendingAppendix, Run, TableData
from kehoach.compose.text import count_values, merge_runs, text_runs
from kehoach.model import Task, TaskGroup, TaskList
from kehoach.model.tasks import TaskField
from kehoach.vi import count, roman, short_date

if TYPE_CHECKING:
    from kehoach.compose.body import BodyWriter

QUARTER_LABEL = "Quý"

# Table columns: field → heading (the order of a real task table).
COLUMN_TITLES = {
    "text": "Nội dung",
    "lead": "Đơn vị chủ trì",
    "support": "Đơn vị phối hợp",
    "when": "Thời gian",
    "result": "Kết quả, sản phẩm",
    "count": "Số lượng",
}
_COLUMN_WIDTHS = {
    "text": 4.0,
    "lead": 1.8,
    "support": 2.0,
    "when": 1.5,
    "result": 1.8,
    "count": 1.0,
}


def group_label(group: TaskGroup) -> str:
    """ "Quý I", "Tháng 11/2025", or the phase or theme as written."""
    if group.quarter is not None:
        return f"{QUARTER_LABEL} {roman(group.quarter)}"
    if group.month is not None:
        return f"Tháng {group.month}"
    return group.phase or group.title or ""


def task_runs(task: Task, w: BodyWriter, show_units: bool) -> list[Run]:
    """A task's text with its ``{count}`` and, when asked, lead/support units and time."""
    runs = text_runs(task.text, w.targets, values=count_values(task.text, task.count, task.unit))
    details = []
    if show_units and task.lead:
        details.append(f"Chủ trì: {task.lead}")
    if show_units and task.support:
        details.append(f"phối hợp: {', '.join(task.support)}")
    if show_units and task.when:
        details.append(f"thời gian: {task.when}")
    if show_units and task.due:
        details.append(f"thời hạn: {short_date(task.due)}")
    if show_units and task.result:
        details.append(f"kết quả: {task.result}")
    if details:
        runs += [Run(" ("), Run("; ".join(details), italic=True), Run(")")]
    return merge_runs(runs)


def write_tasks(w: BodyWriter, tasks: TaskList, level: int) -> None:
    """Write a tasks block at heading ``level``."""
    if tasks.title:
        w.heading(level, tasks.title)
        level += 1
    if tasks.style == "table":
        table = task_table(tasks, w)
        if tasks.placement == "appendix":
            w.appendices.append(PendingAppendix(tasks.appendix_title, (table,), landscape=True))
            note = f"Có {w.profile.appendix_label_word.lower()} chi tiết kèm theo"
            w.para("body", [Run("("), Run(note, italic=True), Run(").")])
        else:
            w.out.append(table)
        return
    if tasks.labels is not None or tasks.numbered:
        _labelled(w, tasks, level)
        return
    show = tasks.show_units if tasks.show_units is not None else w.options.show_task_units
    if tasks.style == "inline":
        _inline(w, tasks, show)
        return
    if not tasks.groups:
        _lines(w, tasks.tasks, 1, show)
    for group in tasks.groups:
        label = group_label(group)
        if group.kind in ("quarter", "month"):
            w.bullet(1, [Run(label, bold=True)])
            _lines(w, group.tasks, 2, show)
        elif group.kind == "phase":
            w.para("body", text_runs(label, w.targets, bold=True))
            _lines(w, group.tasks, 1, show)
        else:
            w.heading(level, label)
            _lines(w, group.tasks, 1, show)


def _lines(w: BodyWriter, tasks: list[Task], depth: int, show: bool) -> None:
    for task in tasks:
        w.bullet(depth, task_runs(task, w, show))
        for item in task.items:
            w.bullet(2, text_runs(item, w.targets))


_FIELD_ORDER: tuple[TaskField, ...] = ("when", "lead", "support", "result")


def _labelled(w: BodyWriter, tasks: TaskList, level: int) -> None:
    """Each task as a line (or a numbered heading), its items, then one "- Nhãn: …" line
    per field, with the labels the writer used (the form of Fatherland Front plans)."""
    groups = [(group_label(g), g.tasks) for g in tasks.groups] or [("", tasks.tasks)]
    for label, group_tasks in groups:
        task_level = level
        if label:
            w.heading(level, label)
            task_level = level + 1
        for task in group_tasks:
            if tasks.numbered:
                w.heading(task_level, task.text)
            else:
                w.bullet(1, task_runs(task, w, False))
            for item in task.items:
                w.bullet(1, text_runs(item, w.targets))
            labels: dict[TaskField, str] = {**(tasks.labels or {}), **(task.labels or {})}
            for field in _FIELD_ORDER:
                value = getattr(task, field)
                if isinstance(value, list):
                    value = ", ".join(value)
                if value:
                    name = labels.get(field, COLUMN_TITLES[field])
                    w.bullet(1, [Run(f"{name}: {value}")])


def _inline(w: BodyWriter, tasks: TaskList, show: bool) -> None:
    groups = [(group_label(g), g.tasks) for g in tasks.groups] or [("", tasks.tasks)]
    for label, group_tasks in groups:
        runs: list[Run] = text_runs(f"{label}: ", w.targets, bold=True) if label else []
        for i, task in enumerate(group_tasks):
            runs += task_runs(task, w, show)
            runs.append(Run("; " if i < len(group_tasks) - 1 else "."))
        w.para("body", merge_runs(runs))


def table_columns(tasks: TaskList) -> list[str]:
    """The columns of a task table: those asked for, else the fields its tasks use."""
    if tasks.columns:
        return ["text", *(c for c in tasks.columns if c != "text")]
    used = tasks.all_tasks()
    return ["text"] + [
        c
        for c in ("lead", "support", "when", "result", "count")
        if any(getattr(t, c) not in (None, []) for t in used)
    ]


def task_table(tasks: TaskList, w: BodyWriter) -> TableData:
    """STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Kết quả: one row a task.

    Groups become bold rows numbered I, II … in the STT column.
    """
    columns = table_columns(tasks)
    rows: list[tuple[Cell, ...]] = []
    number = 0
    groups = [(group_label(g), g.tasks) for g in tasks.groups] or [("", tasks.tasks)]
    for gi, (label, group_tasks) in enumerate(groups, start=1):
        if label:
            blank = tuple(Cell("", bold=True) for _ in columns[1:])
            plain = "".join(r.text for r in text_runs(label, w.targets))
            rows.append((Cell(roman(gi), "center", bold=True), Cell(plain, bold=True), *blank))
        for task in group_tasks:
            number += 1
            rows.append((Cell(str(number), "center"), *(_cell(task, c, w) for c in columns)))
    header = tuple(
        Cell(t, "center", bold=True) for t in ("STT", *(COLUMN_TITLES[c] for c in columns))
    )
    return TableData(
        header=header,
        rows=tuple(rows),
        widths=(0.9, *(_COLUMN_WIDTHS[c] for c in columns)),
    )


def _cell(task: Task, column: str, w: BodyWriter) -> Cell:
    if column == "text":
        values = count_values(task.text, task.count, task.unit)
        text = "".join(r.text for r in text_runs(task.text, w.targets, values=values))
        marks = w.profile.bullets
        lines = [text, *("".join(r.text for r in text_runs(f"{marks[0]} {i}")) for i in task.items)]
        return Cell("\n".join(lines))
    if column == "support":
        return Cell(", ".join(task.support))
    if column == "count":
        return Cell(count(task.count) if task.count is not None else "", "center")
    if column == "when":
        return Cell(task.when or (short_date(task.due) if task.due else ""), "center")
    value = getattr(task, column)
    return Cell(value or "")


__all__ = [
    "COLUMN_TITLES",
    "QUARTER_LABEL",
    "group_label",
    "table_columns",
    "task_runs",
    "task_table",
    "write_tasks",
]
