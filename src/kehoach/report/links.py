"""Link progress to its plan: check every id, name and date it refers to.

Problems come back with the path of the progress field they concern (``targets[3].id``)
so a loader that knows where each field was written (YAML line, spreadsheet cell) can
locate them. Errors stop the report; warnings (a plan changed since its spreadsheet
was made, a status that contradicts the dates) are shown and the report is made.

The pieces live next door: :mod:`~kehoach.report.notices` (the notices and warnings),
:mod:`~kehoach.report.period` (the report period), :mod:`~kehoach.model.progress_refs`
(finding areas and budget sources) and :mod:`~kehoach.report.suggest` (nearest names).
Their public names are re-exported here, so existing imports keep working.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kehoach.errors import UsageError
from kehoach.model import (
    Block,
    Plan,
    Progress,
    iter_targets,
    iter_tasks,
    plan_budget,
    task_quarter,
)
from kehoach.model.placeholders import placeholders
from kehoach.model.plan import block_texts
from kehoach.model.progress import STATUS_LABELS, STATUS_LABELS_EN
from kehoach.model.progress_refs import TOTAL_SOURCE, AreaRef, find_area, find_source, plan_areas
from kehoach.report.notices import Notice, Path, ProgressWarning, emit_warnings
from kehoach.report.period import ReportPeriod, resolve_period, task_deadline
from kehoach.report.snapshot import snapshot_differences
from kehoach.report.suggest import unknown, unknown_area
from kehoach.vi import short_date


@dataclass
class LinkResult:
    """Errors (which stop the report) and warnings, each with its progress field path."""

    period: ReportPeriod | None
    errors: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)


def _narratives(progress: Progress) -> Iterator[tuple[Path, list[Block]]]:
    for name in ("summary", "strengths", "limitations", "lessons", "directions", "proposals"):
        yield (name,), getattr(progress, name)
    yield ("causes", "objective"), progress.causes.objective
    yield ("causes", "subjective"), progress.causes.subjective
    yield ("closing",), progress.closing
    for i, result in enumerate(progress.results):
        yield ("results", i, "content"), result.content


def link_progress(
    plan: Plan, progress: Progress, period: str | None = None, *, require_period: bool = True
) -> LinkResult:
    """Check ``progress`` against ``plan``: unknown ids, impossible dates, a changed plan.

    Without a period (and ``require_period`` false) the dates are not checked.

    Raises:
        UsageError: no report period (see :func:`resolve_period`) and ``require_period``.
    """
    resolved: ReportPeriod | None
    try:
        resolved, notes = resolve_period(plan, progress, period)
    except UsageError:
        if require_period or period is not None:
            raise
        resolved, notes = None, []
    result = LinkResult(resolved, warnings=notes)
    errors, warns = result.errors, result.warnings
    if progress.year is not None and progress.year != plan.year:
        errors.append(
            Notice(
                ("year",),
                f"số liệu là của năm {progress.year}, kế hoạch là năm {plan.year} (tệp tiến độ "
                "của kế hoạch khác?)",
                f"the progress is for {progress.year}, the plan for {plan.year} (progress of "
                "another plan?)",
            )
        )
    target_ids = [t.id for t in iter_targets(plan)]
    tasks = {t.id: t for t in iter_tasks(plan)}
    quarters = task_quarter(plan)
    for i, entry in enumerate(progress.targets):
        if entry.id not in target_ids:
            errors.append(
                unknown(("targets", i, "id"), "mã chỉ tiêu", "target id", entry.id, target_ids)
            )
    for i, task_entry in enumerate(progress.tasks):
        task = tasks.get(task_entry.id)
        if task is None:
            errors.append(
                unknown(("tasks", i, "id"), "mã nhiệm vụ", "task id", task_entry.id, list(tasks))
            )
            continue
        if resolved is not None:
            _check_task_dates(i, task_entry, task.due, quarters[task.id], resolved, errors, warns)
    budget = plan_budget(plan)
    sources = budget.sources if budget else []
    for i, spending in enumerate(progress.budget):
        if budget is None:
            errors.append(
                Notice(
                    ("budget", i, "source"),
                    "kế hoạch không có mục kinh phí",
                    "the plan has no budget",
                )
            )
        elif not sources and spending.source != TOTAL_SOURCE:
            errors.append(
                Notice(
                    ("budget", i, "source"),
                    f"kế hoạch không chia nguồn kinh phí: ghi source: {TOTAL_SOURCE}",
                    f"the plan lists no budget sources: write source: {TOTAL_SOURCE}",
                )
            )
        elif sources and find_source(sources, spending.source) is None:
            known = [s.id or s.name for s in sources]
            errors.append(
                unknown(
                    ("budget", i, "source"),
                    "nguồn kinh phí",
                    "budget source",
                    spending.source,
                    known,
                )
            )
    areas = plan_areas(plan)
    for i, area_result in enumerate(progress.results):
        if find_area(areas, area_result.area) is None:
            errors.append(unknown_area(("results", i, "area"), area_result.area, areas))
    for path, blocks in _narratives(progress):
        for text, _ in block_texts(blocks):
            for name in placeholders(text):
                if name not in target_ids:
                    errors.append(
                        unknown(path, "{mã} chỉ tiêu", "{id} of a target", name, target_ids)
                    )
    sheet_year = progress.generated_from.items.get("year:") if progress.generated_from else None
    if sheet_year is not None and sheet_year != str(plan.year):
        errors.append(
            Notice(
                ("generated_from",),
                f"bảng tính tiến độ được tạo từ kế hoạch năm {sheet_year}, kế hoạch là năm "
                f"{plan.year}: tạo bảng tính từ kế hoạch này (kehoach progress-sheet)",
                f"the progress sheet was made from the plan for {sheet_year}, the plan is for "
                f"{plan.year}: make the sheet from this plan (kehoach progress-sheet)",
            )
        )
    elif progress.generated_from is not None:
        differences = snapshot_differences(progress.generated_from, plan)
        if differences:
            vi = "; ".join(d[0] for d in differences)
            en = "; ".join(d[1] for d in differences)
            warns.append(
                Notice(
                    ("generated_from",),
                    f"kế hoạch đã thay đổi từ khi tạo bảng tính tiến độ: {vi}",
                    f"the plan changed since the progress sheet was made: {en}",
                )
            )
    return result


def _check_task_dates(
    i: int,
    entry: Any,
    due: date | None,
    quarter: int,
    period: ReportPeriod,
    errors: list[Notice],
    warns: list[Notice],
) -> None:
    deadline = task_deadline(due, quarter, period.year)
    label_vi = STATUS_LABELS.get(entry.status or "", "")
    label_en = STATUS_LABELS_EN.get(entry.status or "", "")
    where = ("tasks", i)
    if entry.completed is not None and entry.completed > period.cutoff:
        errors.append(
            Notice(
                (*where, "completed"),
                f"nhiệm vụ {entry.id}: ngày hoàn thành {short_date(entry.completed)} sau ngày chốt "
                f"số liệu {short_date(period.cutoff)}",
                f"task {entry.id}: completed on {entry.completed.isoformat()}, after the cut-off "
                f"date {period.cutoff.isoformat()}",
            )
        )
        return
    late = entry.completed is not None and entry.completed > deadline
    contradiction = (
        (entry.status == "done_on_time" and late)
        or (entry.status == "done_late" and entry.completed is not None and not late)
        or (entry.status == "in_progress" and period.cutoff > deadline)
    )
    if contradiction:
        warns.append(
            Notice(
                (*where, "status"),
                f"nhiệm vụ {entry.id}: ghi '{label_vi}' nhưng thời hạn là {short_date(deadline)}",
                f"task {entry.id}: marked '{label_en}' but its deadline is {deadline.isoformat()}",
            )
        )


__all__ = [
    "TOTAL_SOURCE",
    "AreaRef",
    "LinkResult",
    "Notice",
    "ProgressWarning",
    "ReportPeriod",
    "emit_warnings",
    "find_area",
    "find_source",
    "link_progress",
    "plan_areas",
    "resolve_period",
    "task_deadline",
]
