"""What a follow-up report states: each target, task and budget source with its figures.

Ratios are exact (:class:`~fractions.Fraction`) and quantities :class:`~decimal.Decimal`,
never float. A target or task without an entry is "chưa báo cáo" and counted on its
own: it is never taken as zero. A quantity above the target is "vượt" (exceeded).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from kehoach.model import Plan, Progress, Target, Task
from kehoach.model.progress import DONE_STATUSES, STATUS_LABELS
from kehoach.report.notices import Notice
from kehoach.report.period import ReportPeriod
from kehoach.vi.targets import counts_whole_things

Assessment = Literal["met", "exceeded", "on_schedule", "behind", "unmet", "unreported"]

ASSESSMENT_LABELS: dict[str, str] = {
    "met": "Đạt",
    "exceeded": "Vượt",
    "on_schedule": "Đúng tiến độ",
    "behind": "Chậm tiến độ",
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
    due_share: Fraction = Fraction(1)
    """The part of the target due by the cut-off (:func:`due_share`); 1 at year end."""

    @property
    def due(self) -> Fraction:
        """The quantity due by the cut-off: the planned figure times :attr:`due_share`,
        rounded up to a whole number when the target counts whole things (1,6 thôn due
        means 02 thôn: the fewest that keep the target on schedule)."""
        due = self.planned * self.due_share
        if counts_whole_things(self.target.unit):
            return Fraction(math.ceil(due))
        return due

    @property
    def ratio(self) -> Fraction | None:
        """achieved / planned; ``None`` when not reported or nothing was planned."""
        if self.achieved is None or self.planned == 0:
            return None
        return Fraction(self.achieved) / self.planned

    @property
    def assessment(self) -> Assessment:
        """đạt / vượt / đúng tiến độ / chậm tiến độ / chưa đạt / chưa báo cáo.

        An "at most" target is met while the figure stays within it. Before the year
        ends, a yearly or cumulative target short of its full figure is measured against
        the share due by the cut-off (:func:`due_share`): on schedule or behind.
        """
        if self.achieved is None:
            return "unreported"
        if self.target.effective_bound == "at_most":
            return "met" if self.achieved <= self.planned else "unmet"
        if self.achieved > self.planned:
            return "exceeded"
        if self.achieved == self.planned:
            return "met"
        if self.due_share < 1:
            return "on_schedule" if self.achieved >= self.due else "behind"
        return "unmet"

    @property
    def remaining(self) -> Decimal:
        """What is left to reach the target (0 when met)."""
        achieved = self.achieved or Decimal(0)
        return max(Decimal(self.planned) - achieved, Decimal(0))


def due_share(target: Target, end_month: int, year: int) -> Fraction:
    """The part of ``target`` due by the end of month ``end_month`` of ``year`` (pro rata).

    The rule (documented in the README): a yearly target is due in equal monthly parts,
    so 6/12 of it by the end of June and 9/12 by the end of September; a cumulative
    target with ``since``/``through`` years is due in equal monthly parts over that
    whole span (without them, like a yearly one). One-off targets, ratios and "at most"
    limits are not pro-rated: they are measured against the whole figure.
    """
    kind = target.effective_kind
    if kind not in ("yearly", "cumulative") or target.effective_bound == "at_most":
        return Fraction(1)
    if kind == "cumulative" and target.since is not None and target.through is not None:
        span = (target.through - target.since + 1) * 12
        elapsed = (year - target.since) * 12 + end_month
        return min(Fraction(max(elapsed, 0), max(span, 1)), Fraction(1))
    return Fraction(end_month, 12)


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
    ongoing: bool = False
    """Its time names no quarter ("Thường xuyên"): it runs through the year."""
    early: bool = False
    """Due in a quarter after the period, but already reported (done early, or started)."""

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
    year_amount: int | None = None
    """The plan's amount for the whole year (``allocated`` may be the period's estimate)."""

    @property
    def for_period(self) -> bool:
        """Whether ``allocated`` is an estimate for the period, not the year's amount."""
        return self.year_amount is not None and self.allocated != self.year_amount

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

    def label(self, assessment: str) -> str:
        """The wording of an assessment; "behind" reads "Chưa đạt" when the progress asks
        for it (``behind_wording: chua-dat``)."""
        if assessment == "behind" and self.progress.behind_wording == "chua-dat":
            return ASSESSMENT_LABELS["unmet"]
        return ASSESSMENT_LABELS[assessment]

    def target_shares(self) -> tuple[Share, ...]:
        """How many targets are đạt, vượt, đúng/chậm tiến độ, chưa đạt, chưa báo cáo."""
        results = self.targets
        return tuple(
            Share(
                key, self.label(key), sum(1 for t in results if t.assessment == key), len(results)
            )
            for key in ASSESSMENT_LABELS
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
        years = [row.year_amount for row in self.budget]
        return BudgetRow(
            "Tổng cộng",
            sum(row.allocated for row in self.budget),
            None if None in spent else sum(s for s in spent if s is not None),
            year_amount=None if None in years else sum(y for y in years if y is not None),
        )


__all__ = [
    "ASSESSMENT_LABELS",
    "STATUS_ORDER",
    "UNREPORTED",
    "UNREPORTED_LABEL",
    "Assessment",
    "BudgetRow",
    "ReportData",
    "Share",
    "TargetGroup",
    "TargetResult",
    "TaskResult",
    "due_share",
]
