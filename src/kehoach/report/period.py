"""The period a report covers: chosen on the command line or in the progress file.

Resolving it against the plan gives the year and the cut-off date, from which every
task's deadline and every "overdue" follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach.errors import UsageError
from kehoach.model import PERIODS, PeriodInfo, Plan, Progress
from kehoach.model.progress import parse_period
from kehoach.report.notices import Notice


@dataclass(frozen=True)
class ReportPeriod:
    """The period a report covers, resolved against the plan."""

    info: PeriodInfo
    year: int
    cutoff: date

    @property
    def phrase(self) -> str:
        """ "6 tháng đầu năm 2022"."""
        return self.info.phrase(self.year)


def resolve_period(
    plan: Plan, progress: Progress, override: str | None = None
) -> tuple[ReportPeriod, list[Notice]]:
    """The report period: the file's, or ``override`` (the command line's ``--period``)
    when the file has none.

    Raises:
        UsageError: no period given anywhere, an unknown ``override``, or an
            ``override`` that differs from the file's period (both are named).
    """
    notes: list[Notice] = []
    key = progress.period
    year = progress.year or plan.year
    if override is not None:
        try:
            override_key = parse_period(override)
        except Exception:  # a PydanticCustomError: word it for the command line
            override_key = None
        if override_key not in PERIODS:
            raise UsageError(
                f"kỳ báo cáo '{override}' không hợp lệ (q1, q2, q3, q4, 6m, 9m, year)",
                f"unknown report period '{override}' (q1, q2, q3, q4, 6m, 9m, year)",
            )
        if key is not None and key != override_key:
            # A sheet filled for six months is not a year report: say so, never guess (#12).
            raise UsageError(
                f"--period {override} ({PERIODS[override_key].phrase(year)}) khác kỳ báo cáo "
                f"ghi trong tệp tiến độ ({PERIODS[key].phrase(year)}): sửa kỳ trong tệp "
                "hoặc bỏ --period",
                f"--period {override} ({override_key}) differs from the progress file's "
                f"period ({key}): change the file's period or leave out --period",
            )
        key = override_key
    if key is None:
        raise UsageError(
            "chưa có kỳ báo cáo: ghi period trong tệp tiến độ hoặc dùng --period",
            "no report period: set period in the progress file or use --period",
        )
    info = PERIODS[key]
    cutoff = progress.cutoff or info.end(year)
    return ReportPeriod(info, year, cutoff), notes


def task_deadline(due: date | None, quarter: int, year: int) -> date:
    """A task's deadline: its own ``due`` date, else the last day of its quarter."""
    if due is not None:
        return due
    return PERIODS[f"q{quarter}"].end(year)


__all__ = ["ReportPeriod", "resolve_period", "task_deadline"]
