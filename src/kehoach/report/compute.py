"""Every figure of a follow-up report, computed exactly from the plan and the progress.

A target or task without an entry is "chưa báo cáo" and counted on its own: it is
never taken as zero. The result types (:class:`ReportData` and its parts) live in
:mod:`kehoach.report.results`, the target labels in :mod:`kehoach.report.target_labels`;
their public names are re-exported here, so existing imports keep working.
"""

from __future__ import annotations

from kehoach.errors import InputError, Problem
from kehoach.loader import format_path
from kehoach.model import (
    Plan,
    Progress,
    Target,
    iter_targets,
    iter_tasks,
    ongoing_tasks,
    plan_budget,
    task_quarter,
)
from kehoach.report.areas import TOTAL_SOURCE, find_source, plan_areas
from kehoach.report.links import LinkResult, link_progress
from kehoach.report.period import ReportPeriod, task_deadline
from kehoach.report.results import (
    ASSESSMENT_LABELS,
    STATUS_ORDER,
    UNREPORTED,
    UNREPORTED_LABEL,
    BudgetRow,
    ReportData,
    Share,
    TargetGroup,
    TargetResult,
    TaskResult,
    due_share,
)
from kehoach.report.target_labels import sentence_label, target_texts, targets_in


def compute_report(plan: Plan, progress: Progress, period: str | None = None) -> ReportData:
    """Compute every figure of the report of ``progress`` on ``plan``.

    Raises:
        InputError: progress names ids the plan does not have, or impossible dates.
        UsageError: no report period.
    """
    linked = link_progress(plan, progress, period)
    raise_link_errors(linked, "<progress>")
    assert linked.period is not None
    return ReportData(
        plan=plan,
        progress=progress,
        period=linked.period,
        groups=_groups(plan, progress, linked.period),
        tasks=_tasks(plan, progress, linked.period, scope=True),
        upcoming=_tasks(plan, progress, linked.period, scope=False),
        budget=_budget(plan, progress),
        warnings=tuple(linked.warnings),
    )


def raise_link_errors(linked: LinkResult, source: str) -> None:
    """Raise the link errors as one :class:`InputError` (no position known)."""
    if linked.errors:
        raise InputError(
            source,
            [Problem(format_path(e.path), e.message_vi, e.message_en) for e in linked.errors],
        )


# --- targets -----------------------------------------------------------------------------


def _groups(plan: Plan, progress: Progress, period: ReportPeriod) -> tuple[TargetGroup, ...]:
    entries = {e.id: e for e in progress.targets}
    placed: set[str] = set()
    groups: list[TargetGroup] = []

    def result(target: Target, text: str) -> TargetResult:
        entry = entries.get(target.id)
        return TargetResult(
            target=target,
            label=target.label or sentence_label(text, target),
            planned=target.quantity,
            achieved=entry.achieved if entry else None,
            notes=entry.notes if entry else None,
            evidence=tuple(entry.evidence) if entry else (),
            due_share=due_share(target, period.info.end_month, period.year),
        )

    for ref in plan_areas(plan):
        found = [result(t, text) for t, text in targets_in(ref.area.content)]
        placed.update(r.target.id for r in found)
        if found or ref.group == "objectives":
            groups.append(TargetGroup(ref.area.title, (ref.group, ref.index), tuple(found)))
    texts = target_texts(plan)
    rest = [result(t, texts.get(t.id, "")) for t in iter_targets(plan) if t.id not in placed]
    if rest:
        groups.append(TargetGroup("Các chỉ tiêu khác", None, tuple(rest)))
    return tuple(groups)


# --- tasks -------------------------------------------------------------------------------


def _tasks(
    plan: Plan, progress: Progress, period: ReportPeriod, *, scope: bool
) -> tuple[TaskResult, ...]:
    """Tasks in the period's scope (``scope``), or the later ones not started yet.

    The scope is the tasks of the period's quarters (a quarter report: its own quarter;
    6m, 9m, year: quarters 1..N), the ongoing tasks ("Thường xuyên": every period covers
    them), and tasks of later quarters already reported (done early, or started). A task
    is in one of the two lists, never both: a later task once started is carried on as
    unfinished, not listed again as upcoming.
    """
    entries = {e.id: e for e in progress.tasks}
    quarters = task_quarter(plan)
    ongoing = ongoing_tasks(plan)
    out: list[TaskResult] = []
    for task in iter_tasks(plan):
        quarter = quarters[task.id]
        entry = entries.get(task.id)
        status = (entry.status if entry else None) or UNREPORTED
        always = task.id in ongoing
        later = quarter > period.info.last_quarter and not always
        earlier = quarter < period.info.quarters[0] and not always
        reported_later = later and status != UNREPORTED
        if scope:
            if earlier or (later and not reported_later):
                continue
        elif not later or reported_later:
            continue
        out.append(
            TaskResult(
                task=task,
                quarter=quarter,
                deadline=task_deadline(task.due, quarter, period.year),
                status=status,
                completed=entry.completed if entry else None,
                notes=entry.notes if entry else None,
                ongoing=always,
                early=reported_later,
            )
        )
    return tuple(out)


# --- budget ------------------------------------------------------------------------------


def _budget(plan: Plan, progress: Progress) -> tuple[BudgetRow, ...]:
    # A budget without amounts (a clause, sources with no figure) reports only what the
    # progress file allocates: kehoach never prints a dự toán nobody wrote.
    budget = plan_budget(plan)
    if budget is None:
        return ()
    if not budget.sources:
        entry = next((b for b in progress.budget if b.source == TOTAL_SOURCE), None)
        year_amount = budget.year_amount if budget.year_amount is not None else budget.total
        allocated = year_amount
        if entry and entry.allocated is not None:
            allocated = entry.allocated
        if allocated is None:
            return ()
        return (
            BudgetRow(
                budget.total_label,
                allocated,
                entry.spent if entry else None,
                entry.notes if entry else None,
                year_amount=year_amount,
            ),
        )
    by_source = {find_source(budget.sources, b.source): b for b in progress.budget}
    rows = []
    for i, source in enumerate(budget.sources):
        entry = by_source.get(i)
        allocated = source.amount
        if entry and entry.allocated is not None:
            allocated = entry.allocated
        if allocated is None:
            continue
        rows.append(
            BudgetRow(
                source.name,
                allocated,
                entry.spent if entry else None,
                entry.notes if entry else None,
                year_amount=source.amount,
            )
        )
    return tuple(rows)


__all__ = [
    "ASSESSMENT_LABELS",
    "STATUS_ORDER",
    "UNREPORTED",
    "UNREPORTED_LABEL",
    "BudgetRow",
    "ReportData",
    "Share",
    "TargetGroup",
    "TargetResult",
    "TaskResult",
    "compute_report",
    "raise_link_errors",
    "sentence_label",
    "targets_in",
]
