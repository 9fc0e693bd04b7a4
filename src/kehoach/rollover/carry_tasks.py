"""Tasks carried over: they keep their quarters and ids, and their due dates move on.

Without progress every task stays (one-off tasks are listed for a decision). With
progress, a task not done carries over, and a task done is dropped only when it is
marked one-off (``recurring: false``). A task without the flag is guessed from its
words (:func:`~kehoach.rollover.tasks.guess_recurring`) only to list it: a guess never
drops a task.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kehoach.model import Task, TaskList, task_quarter
from kehoach.model.data import Path, data_at
from kehoach.model.located import walk_models
from kehoach.model.progress import DONE_STATUSES, STATUS_LABELS, STATUS_LABELS_EN
from kehoach.rollover.context import Roll
from kehoach.rollover.tasks import guess_recurring
from kehoach.rollover.years import quote
from kehoach.vi import roman, short_date


@dataclass(frozen=True)
class _Note:
    """Something to say about a task, before its place in the new plan is known."""

    group: str
    kind: str
    vi: str
    en: str
    old: str | None = None
    new: str | None = None
    field: str | None = None  # the task's field the note is about ("due")


def carry_tasks(roll: Roll) -> None:
    """Keep or drop each task, move its due date, drop groups left empty; list it all."""
    statuses = {t.id: t.status for t in roll.progress.tasks} if roll.progress is not None else {}
    quarters = task_quarter(roll.old)
    for container, groups, grouped in _task_containers(roll):
        _carry_container(roll, container, groups, grouped, statuses, quarters)


def _task_containers(roll: Roll) -> Iterator[tuple[Path, list[list[Task]], bool]]:
    """Where the plan's tasks are: each container's data path, its task lists, grouped?

    A grouped container is a list of groups (version 1 quarters, or a tasks block's
    groups), each holding its tasks at ``(*container, index, "tasks")``; an ungrouped
    tasks block's container is its task list itself.
    """
    content = roll.old.content
    if content and content.tasks:
        path: Path = ("content", "tasks", "quarters")
        yield path, [q.tasks for q in content.tasks.quarters], True
    for model, where in walk_models(roll.old):
        if isinstance(model, TaskList):
            if model.groups:
                yield (*where, "groups"), [g.tasks for g in model.groups], True
            else:
                yield (*where, "tasks"), [model.tasks], False


def _carry_container(
    roll: Roll,
    container: Path,
    groups: list[list[Task]],
    grouped: bool,
    statuses: Mapping[str, str | None],
    quarters: Mapping[str, int],
) -> None:
    data_groups = data_at(roll.data, container)
    new_groups: list[Any] = []
    # Notes wait until every group is placed: a kept task is named at its new place.
    pending: list[tuple[Path, Path | None, Any, list[_Note]]] = []
    for gi, tasks in enumerate(groups):
        kept: list[dict[str, Any]] = []
        entries = data_groups[gi]["tasks"] if grouped else data_groups
        for ti, task in enumerate(tasks):
            old_path: Path = (*container, gi, "tasks", ti) if grouped else (*container, ti)
            keep, notes = _task(roll, task, quarters.get(task.id, 4), statuses)
            new_path: Path | None = None
            if keep:
                new_path = (*container, len(new_groups), "tasks", len(kept))
                if not grouped:
                    new_path = (*container, len(kept))
                entry = entries[ti]
                if task.due is not None:
                    entry["due"] = _shift_date(task.due, roll.shift)
                    notes.append(
                        _Note(
                            "changed",
                            "due",
                            "Thời hạn chuyển sang năm mới.",
                            "The due date moves to the new year.",
                            short_date(task.due),
                            short_date(entry["due"]),
                            "due",
                        )
                    )
                kept.append(entry)
            pending.append((old_path, new_path, task, notes))
        if not grouped:
            new_groups = kept
        elif kept or not tasks:
            new_groups.append({**data_groups[gi], "tasks": kept})
        else:
            label_vi, label_en = _group_label(data_groups[gi])
            roll.add(
                "changed",
                "empty-quarter",
                (*container, gi),
                f"{label_vi} không còn nhiệm vụ nào nên đã bỏ.",
                f"{label_en} has no task left and was dropped.",
                data=roll.old_data,
            )
    _set(roll.data, container, new_groups)
    for old_path, new_path, task, notes in pending:
        for note in notes:
            place = new_path or old_path
            roll.add(
                note.group,
                note.kind,
                (*place, note.field) if note.field else place,
                note.vi,
                note.en,
                quote=quote(task.text, 0, 0, width=120),
                old=note.old,
                new=note.new,
                applied=note.old is not None,
                data=roll.old_data if new_path is None else roll.data,
            )


def _group_label(group: Mapping[str, Any]) -> tuple[str, str]:
    if group.get("quarter") is not None:
        return f"Quý {roman(group['quarter'])}", f"Quarter {roman(group['quarter'])}"
    if group.get("month"):
        return f"Tháng {group['month']}", f"Month {group['month']}"
    name = group.get("phase") or group.get("title") or ""
    return f"Nhóm “{name}”", f"Group “{name}”"


def _set(data: Any, path: Path, value: Any) -> None:
    data_at(data, path[:-1])[path[-1]] = value


def _task(
    roll: Roll, task: Task, quarter: int, statuses: Mapping[str, str | None]
) -> tuple[bool, list[_Note]]:
    """Whether one task stays in the new plan, and what to say about it."""
    old_year = roll.old.year
    recurring, words = task.recurring, None
    guessed = recurring is None
    if guessed:
        recurring, words = guess_recurring(task.text)
    status = statuses.get(task.id)
    why_vi = why_en = ""
    if guessed:
        said = f' (từ "{words}")' if words else ""
        said_en = f' (from "{words}")' if words else ""
        kind_vi = "lặp lại hằng năm" if recurring else "việc một lần"
        why_vi = f" Không ghi recurring; đoán là {kind_vi}{said}."
        why_en = f" No recurring flag; guessed {'recurring' if recurring else 'one-off'}"
        why_en += f"{said_en}."
    guess = _Note(
        "decide",
        "guessed-recurring",
        f"{why_vi.strip()} Đã giữ; ghi recurring: true hoặc false để khỏi đoán.",
        f"{why_en.strip()} Kept; set recurring: true or false to stop the guess.",
    )
    if status is not None and status in DONE_STATUSES:
        if recurring:
            return True, [guess] if guessed else []
        if guessed:  # dropped only when marked one-off, never on a guess (#12)
            return True, [
                _Note(
                    "decide",
                    "guessed-one-off-done",
                    f"Hoàn thành năm {old_year} ({STATUS_LABELS[status]}).{why_vi} Đã giữ; "
                    "nếu là việc một lần, ghi recurring: false để bỏ khỏi kế hoạch năm sau.",
                    f"Done in {old_year} ({STATUS_LABELS_EN[status]}).{why_en} Kept; write "
                    "recurring: false to drop a one-off task next year.",
                )
            ]
        return False, [
            _Note(
                "carried",
                "dropped-task",
                f"Việc một lần đã hoàn thành năm {old_year} ({STATUS_LABELS[status]}): đã "
                f"bỏ khỏi kế hoạch năm {roll.year} (vị trí trong kế hoạch năm "
                f"{old_year}).{why_vi}",
                f"A one-off task done in {old_year} ({STATUS_LABELS_EN[status]}): dropped "
                f"(where it was in the plan for {old_year}).{why_en}",
            )
        ]
    if status is not None:
        return True, [
            _Note(
                "carried",
                "carried-task",
                f"Chưa hoàn thành năm {old_year} ({STATUS_LABELS[status]}): chuyển sang năm "
                f"{roll.year}, giữ ở Quý {roman(quarter)}; xem lại quý và nội dung.{why_vi}",
                f"Not done in {old_year} ({STATUS_LABELS_EN[status]}): carried over in the "
                f"same quarter; check the quarter and the wording.{why_en}",
            )
        ]
    notes = []
    if roll.progress is not None:
        notes.append(
            _Note(
                "carried",
                "not-reported",
                f"Chưa có báo cáo tình trạng năm {old_year}: giữ nhiệm vụ.",
                f"No status reported for {old_year}: the task stays.",
            )
        )
    if not recurring:
        notes.append(
            _Note(
                "one-off",
                "one-off",
                f"Việc một lần của năm {old_year}: bỏ, giữ hay sửa cho năm {roll.year}?{why_vi}",
                f"A one-off task of {old_year}: drop, keep or reword it for {roll.year}?{why_en}",
            )
        )
    elif guessed:
        notes.append(guess)
    return True, notes


def _shift_date(day: date, shift: int) -> date:
    """The same day ``shift`` years on (29 February becomes the 28th in a common year)."""
    year = day.year + shift
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))
