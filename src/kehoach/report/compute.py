"""Every figure of a follow-up report, computed exactly (Fraction/Decimal, never float).

A target or task without an entry is "chưa báo cáo" and counted on its own: it is
never taken as zero. A quantity above the target is "vượt" (exceeded), not an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from kehoach.errors import InputError, Problem
from kehoach.loader import format_path
from kehoach.model import (
    Block,
    Bullet,
    Paragraph,
    Plan,
    Progress,
    SubBullet,
    Target,
    Task,
    iter_targets,
    iter_tasks,
    plan_block_lists,
    task_quarter,
)
from kehoach.model.placeholders import parse_inline
from kehoach.model.plan import iter_blocks
from kehoach.model.progress import DONE_STATUSES, STATUS_LABELS
from kehoach.report.links import (
    TOTAL_SOURCE,
    LinkResult,
    Notice,
    ReportPeriod,
    find_source,
    link_progress,
    plan_areas,
    task_deadline,
)
from kehoach.vi import count

Assessment = Literal["met", "exceeded", "unmet", "unreported"]

ASSESSMENT_LABELS: dict[str, str] = {
    "met": "Đạt",
    "exceeded": "Vượt",
    "unmet": "Chưa đạt",
    "unreported": "Chưa báo cáo",
}
UNREPORTED = "unreported"
UNREPORTED_LABEL = "Chưa báo cáo"
STATUS_ORDER = ("done_on_time", "done_late", "in_progress", "overdue", UNREPORTED)


@dataclass(frozen=True)
class TargetResult:
    """One target: planned, achieved (``None``: not reported), ratio and assessment."""

    target: Target
    label: str
    planned: int
    achieved: Decimal | None
    notes: str | None = None
    evidence: tuple[str, ...] = ()

    @property
    def ratio(self) -> Fraction | None:
        """achieved / planned; ``None`` when not reported or nothing was planned."""
        if self.achieved is None or self.planned == 0:
            return None
        return Fraction(self.achieved) / self.planned

    @property
    def assessment(self) -> Assessment:
        """đạt / vượt / chưa đạt / chưa báo cáo."""
        if self.achieved is None:
            return "unreported"
        if self.achieved > self.planned:
            return "exceeded"
        return "met" if self.achieved == self.planned else "unmet"

    @property
    def remaining(self) -> Decimal:
        """What is left to reach the target (0 when met)."""
        achieved = self.achieved or Decimal(0)
        return max(Decimal(self.planned) - achieved, Decimal(0))


@dataclass(frozen=True)
class TargetGroup:
    """The targets of one area of the plan (or of no area: ``title`` "Các chỉ tiêu khác")."""

    title: str
    area_key: tuple[str, int] | None  # ("objectives", 1) …
    targets: tuple[TargetResult, ...]


@dataclass(frozen=True)
class TaskResult:
    """One task in the report's scope and what was reported about it."""

    task: Task
    quarter: int
    deadline: date
    status: str  # a status key, or "unreported"
    completed: date | None = None
    notes: str | None = None

    @property
    def done(self) -> bool:
        """Completed, on time or late."""
        return self.status in DONE_STATUSES


@dataclass(frozen=True)
class Share:
    """A count out of a total, with its exact ratio."""

    key: str
    label: str
    count: int
    total: int

    @property
    def ratio(self) -> Fraction | None:
        """count / total; ``None`` for an empty total."""
        return Fraction(self.count, self.total) if self.total else None


@dataclass(frozen=True)
class BudgetRow:
    """One budget source: dự toán, đã sử dụng (``None``: not reported), tỷ lệ giải ngân."""

    name: str
    allocated: int
    spent: int | None
    notes: str | None = None

    @property
    def ratio(self) -> Fraction | None:
        """spent / allocated; ``None`` when not reported or nothing was allocated."""
        if self.spent is None or self.allocated == 0:
            return None
        return Fraction(self.spent, self.allocated)


@dataclass(frozen=True)
class ReportData:
    """Everything a follow-up report states, computed from the plan and progress."""

    plan: Plan
    progress: Progress
    period: ReportPeriod
    groups: tuple[TargetGroup, ...]
    tasks: tuple[TaskResult, ...]  # in scope, in plan order
    upcoming: tuple[TaskResult, ...]  # later quarters, not done yet
    budget: tuple[BudgetRow, ...]
    warnings: tuple[Notice, ...] = ()  # shown to the user; the report is still made

    @property
    def targets(self) -> tuple[TargetResult, ...]:
        """Every target, in plan order."""
        return tuple(t for g in self.groups for t in g.targets)

    def target_shares(self) -> tuple[Share, ...]:
        """How many targets are đạt, vượt, chưa đạt, chưa báo cáo."""
        results = self.targets
        return tuple(
            Share(key, label, sum(1 for t in results if t.assessment == key), len(results))
            for key, label in ASSESSMENT_LABELS.items()
        )

    def status_shares(self) -> tuple[Share, ...]:
        """How many tasks in scope have each status, "chưa báo cáo" last."""
        labels = {**STATUS_LABELS, UNREPORTED: UNREPORTED_LABEL}
        return tuple(
            Share(key, labels[key], sum(1 for t in self.tasks if t.status == key), len(self.tasks))
            for key in STATUS_ORDER
        )

    @property
    def unfinished(self) -> tuple[TaskResult, ...]:
        """Tasks in scope not completed (in progress, overdue or not reported)."""
        return tuple(t for t in self.tasks if not t.done)

    @property
    def budget_total(self) -> BudgetRow | None:
        """The total row; its ``spent`` is ``None`` unless every source was reported."""
        if not self.budget:
            return None
        spent = [row.spent for row in self.budget]
        return BudgetRow(
            "Tổng cộng",
            sum(row.allocated for row in self.budget),
            None if None in spent else sum(s for s in spent if s is not None),
        )


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
        groups=_groups(plan, progress),
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


def _groups(plan: Plan, progress: Progress) -> tuple[TargetGroup, ...]:
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
        )

    for ref in plan_areas(plan):
        found = [result(t, text) for t, text in targets_in(ref.area.content)]
        placed.update(r.target.id for r in found)
        if found or ref.group == "objectives":
            groups.append(TargetGroup(ref.area.title, (ref.group, ref.index), tuple(found)))
    texts = _target_texts(plan)
    rest = [result(t, texts.get(t.id, "")) for t in iter_targets(plan) if t.id not in placed]
    if rest:
        groups.append(TargetGroup("Các chỉ tiêu khác", None, tuple(rest)))
    return tuple(groups)


def targets_in(blocks: list[Block]) -> list[tuple[Target, str]]:
    """The targets declared in a block list, each with the text that places it."""
    found: list[tuple[Target, str]] = []
    for block in iter_blocks(blocks):
        if isinstance(block, Paragraph):
            found += [(t, block.text) for t in block.targets]
        elif isinstance(block, Bullet):
            found += [(t, block.bullet) for t in block.targets]
            for item in block.items:
                if isinstance(item, SubBullet):
                    found += [(t, item.text) for t in item.targets]
    return found


def _target_texts(plan: Plan) -> dict[str, str]:
    texts: dict[str, str] = {}
    for blocks in plan_block_lists(plan):
        for target, text in targets_in(blocks):
            texts.setdefault(target.id, text)
    return texts


_SENTENCE_END = re.compile(r"(?<=[.;])\s+")


def sentence_label(text: str, target: Target) -> str:
    """The sentence of ``text`` that holds ``{target.id}``, as plain text (the default label)."""
    mark = "{" + target.id + "}"
    pieces = [p for p in _SENTENCE_END.split(text) if mark in p] or [text]
    plain: list[str] = []
    for span in parse_inline(pieces[0]):
        if span.placeholder == target.id:
            qualifier = f"{target.qualifier} " if target.qualifier else ""
            plain.append(f"{qualifier}{count(target.quantity)} {target.unit}")
        elif span.placeholder:
            plain.append("{" + span.placeholder + "}")
        else:
            plain.append(span.text)
    label = " ".join("".join(plain).split()).rstrip(".;,: ")
    return label[:1].upper() + label[1:]


# --- tasks -------------------------------------------------------------------------------


def _tasks(
    plan: Plan, progress: Progress, period: ReportPeriod, *, scope: bool
) -> tuple[TaskResult, ...]:
    """Tasks in the period's scope (``scope``), or the later ones not done yet.

    The scope is the tasks of the period's quarters (a quarter report: its own quarter;
    6m, 9m, year: quarters 1..N), plus tasks of later quarters already reported (done
    early, or started).
    """
    entries = {e.id: e for e in progress.tasks}
    quarters = task_quarter(plan)
    out: list[TaskResult] = []
    for task in iter_tasks(plan):
        quarter = quarters[task.id]
        entry = entries.get(task.id)
        status = (entry.status if entry else None) or UNREPORTED
        later = quarter > period.info.last_quarter
        earlier = quarter < period.info.quarters[0]
        reported_later = later and status != UNREPORTED
        if scope:
            if earlier or (later and not reported_later):
                continue
        elif not later or status in DONE_STATUSES:
            continue
        out.append(
            TaskResult(
                task=task,
                quarter=quarter,
                deadline=task_deadline(task.due, quarter, period.year),
                status=status,
                completed=entry.completed if entry else None,
                notes=entry.notes if entry else None,
            )
        )
    return tuple(out)


# --- budget ------------------------------------------------------------------------------


def _budget(plan: Plan, progress: Progress) -> tuple[BudgetRow, ...]:
    budget = plan.budget
    if budget is None:
        return ()
    if not budget.sources:
        entry = next((b for b in progress.budget if b.source == TOTAL_SOURCE), None)
        allocated = budget.year_amount if budget.year_amount is not None else budget.total
        if entry and entry.allocated is not None:
            allocated = entry.allocated
        return (
            BudgetRow(
                budget.total_label,
                allocated,
                entry.spent if entry else None,
                entry.notes if entry else None,
            ),
        )
    by_source = {find_source(budget.sources, b.source): b for b in progress.budget}
    rows = []
    for i, source in enumerate(budget.sources):
        entry = by_source.get(i)
        allocated = source.amount
        if entry and entry.allocated is not None:
            allocated = entry.allocated
        rows.append(
            BudgetRow(
                source.name,
                allocated,
                entry.spent if entry else None,
                entry.notes if entry else None,
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
