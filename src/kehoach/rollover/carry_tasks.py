"""Tasks carried over: they keep their quarters and ids, and their due dates move on.

Without progress every task stays (one-off tasks are listed for a decision). With
progress, a task not done carries over, and a task done is dropped only when it is
marked one-off (``recurring: false``). A task without the flag is guessed from its
words (:func:`~kehoach.rollover.tasks.guess_recurring`) only to list it: a guess never
drops a task.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kehoach.model import Task
from kehoach.model.data import Path
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
    """Keep or drop each task, move its due date, drop quarters left empty; list it all."""
    content = roll.old.content
    if not (content and content.tasks):
        return
    statuses = {t.id: t.status for t in roll.progress.tasks} if roll.progress is not None else {}
    quarters = roll.data["content"]["tasks"]["quarters"]
    new_quarters: list[dict[str, Any]] = []
    # Notes wait until every quarter is placed: a kept task is named at its new place.
    pending: list[tuple[Path, Path | None, Any, list[_Note]]] = []
    for qi, quarter in enumerate(content.tasks.quarters):
        kept: list[dict[str, Any]] = []
        for ti, task in enumerate(quarter.tasks):
            old_path: Path = ("content", "tasks", "quarters", qi, "tasks", ti)
            keep, notes = _task(roll, task, quarter.quarter, statuses)
            new_path: Path | None = None
            if keep:
                new_path = ("content", "tasks", "quarters", len(new_quarters), "tasks")
                new_path = (*new_path, len(kept))
                entry = quarters[qi]["tasks"][ti]
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
        if kept or not quarter.tasks:
            new_quarters.append({**quarters[qi], "tasks": kept})
        else:
            roll.add(
                "changed",
                "empty-quarter",
                ("content", "tasks", "quarters", qi),
                f"Quý {roman(quarter.quarter)} không còn nhiệm vụ nào nên đã bỏ.",
                f"Quarter {roman(quarter.quarter)} has no task left and was dropped.",
                data=roll.old_data,
            )
    roll.data["content"]["tasks"]["quarters"] = new_quarters
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
