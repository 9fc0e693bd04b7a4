"""The progress spreadsheet: made from a plan, filled in by staff, read back as progress.

Sheets: "Chỉ tiêu" (targets), "Nhiệm vụ" (tasks, status from a drop-down), "Kinh phí"
(budget sources), "Báo cáo" (period, report number and date, the narratives) and the
hidden "kehoach" metadata sheet (layout, version and the plan's fingerprint). Ids and
planned figures are locked (sheet protection without a password); the cells to fill in
are unlocked. Reading back gives the same :class:`~kehoach.model.Progress` as the
equivalent YAML file, and every problem names the sheet, row and column.

The layout is in :mod:`~kehoach.sheets.progress_layout`, writing in
:mod:`~kehoach.sheets.progress_write` and reading in :mod:`~kehoach.sheets.progress_read`;
this module gathers their public names, so callers import them from one place.
"""

from kehoach.sheets.progress_layout import BUDGET, LAYOUT, REPORT, TARGETS, TASKS, VERSION
from kehoach.sheets.progress_read import Locate, read_progress_sheet
from kehoach.sheets.progress_write import (
    narrative_text,
    plain_text,
    progress_workbook,
    progress_workbook_bytes,
)

__all__ = [
    "BUDGET",
    "LAYOUT",
    "REPORT",
    "TARGETS",
    "TASKS",
    "VERSION",
    "Locate",
    "narrative_text",
    "plain_text",
    "progress_workbook",
    "progress_workbook_bytes",
    "read_progress_sheet",
]
