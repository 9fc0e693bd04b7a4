"""Follow-up reports: progress on a plan → computed figures → a composed Báo cáo.

Must not import the CLI or the renderer (architecture.md, layers).
"""

from kehoach.report.compose import (
    compose_report,
    compose_report_data,
    compose_report_with_notices,
)
from kehoach.report.compute import (
    BudgetRow,
    ReportData,
    Share,
    TargetGroup,
    TargetResult,
    TaskResult,
    compute_report,
)
from kehoach.report.links import (
    LinkResult,
    Notice,
    ProgressWarning,
    ReportPeriod,
    emit_warnings,
    link_progress,
    resolve_period,
)
from kehoach.report.snapshot import plan_snapshot, snapshot_differences

__all__ = [
    "BudgetRow",
    "LinkResult",
    "Notice",
    "ProgressWarning",
    "ReportData",
    "ReportPeriod",
    "Share",
    "TargetGroup",
    "TargetResult",
    "TaskResult",
    "compose_report",
    "compose_report_data",
    "compose_report_with_notices",
    "compute_report",
    "emit_warnings",
    "link_progress",
    "plan_snapshot",
    "resolve_period",
    "snapshot_differences",
]
