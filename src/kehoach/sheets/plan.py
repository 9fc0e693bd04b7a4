"""Plans as spreadsheets: the parts staff keep in Excel, out and back in without loss.

``kehoach export-sheet`` writes a plan's targets, tasks, budget amounts, sources and
detail lines to an .xlsx workbook; ``kehoach import-sheet`` reads the workbook back
onto the same plan. Everything else (the text of the body, headings, signature…)
stays in the YAML file.

Layout (version 2), one header row per sheet; ids sit in locked grey columns:

- ``Chỉ tiêu``: Mã chỉ tiêu | Câu trong kế hoạch (read only) | Số lượng | Đơn vị tính |
  Từ đứng trước | Tên chỉ tiêu | Loại chỉ tiêu
- ``Nhiệm vụ``: Mã nhiệm vụ | Vị trí trong kế hoạch (read only) | Quý | Nội dung nhiệm vụ
  | Số lượng | Đơn vị tính | Chủ trì | Phối hợp (one unit per line) | Thời gian (``when``,
  as written) | Kết quả, sản phẩm | Thời hạn | Lặp lại hằng năm (có/không). Every task of
  the plan, wherever it sits (:mod:`~kehoach.sheets.plan_places`); changing Quý moves a
  version 1 quarterly task, the row order is the order within a quarter; a task of a
  version 2 tasks block keeps its place and group (a changed Quý is refused)
- ``Kinh phí``: Tổng kinh phí, Nhu cầu kinh phí năm kế hoạch — of the version 1 budget or
  the plan's first budget block
- ``Nguồn kinh phí``: Mã nguồn | Tên nguồn | Số tiền (đồng)
- ``Dự toán kinh phí``: Mã dòng | Nội dung chi | Số tiền (đồng) | Mã nguồn | Ghi chú;
  rows without an id may be added or removed
- ``kehoach``: layout name, version, plan year. Version 1 sheets (quarterly tasks only,
  without the place, time and result columns) are still read.

Targets and tasks are added or removed in the YAML file (a target lives in a sentence;
a task id is what reports trace): every id of the plan must have its row and no other
id may appear, so an edited id is reported with its row. A cell left as exported keeps
the plan's value exactly; an amount too large for a spreadsheet number (10^15 đồng and
more) is written as text.

The work is split by job: :mod:`~kehoach.sheets.plan_layout` (sheets, columns, cells),
:mod:`~kehoach.sheets.plan_write` (export), :mod:`~kehoach.sheets.plan_import` with
:mod:`~kehoach.sheets.plan_import_budget` and :mod:`~kehoach.sheets.plan_cell_reader`
(import). This module gathers their public names.
"""

from __future__ import annotations

from kehoach.sheets.plan_cell_reader import raise_located
from kehoach.sheets.plan_import import read_plan_sheet
from kehoach.sheets.plan_layout import (
    BUDGET,
    BUDGET_COLUMNS,
    BUDGET_ITEMS,
    HELP,
    LAYOUT,
    LINE_COLUMNS,
    LINES,
    MONEY,
    SOURCE_COLUMNS,
    SOURCES,
    SPARE_LINES,
    TARGET_COLUMNS,
    TARGETS,
    TASK_COLUMNS,
    TASKS,
    VERSION,
)
from kehoach.sheets.plan_write import plan_sheet_bytes, plan_workbook

__all__ = [
    "BUDGET",
    "BUDGET_COLUMNS",
    "BUDGET_ITEMS",
    "HELP",
    "LAYOUT",
    "LINES",
    "LINE_COLUMNS",
    "MONEY",
    "SOURCES",
    "SOURCE_COLUMNS",
    "SPARE_LINES",
    "TARGETS",
    "TARGET_COLUMNS",
    "TASKS",
    "TASK_COLUMNS",
    "VERSION",
    "plan_sheet_bytes",
    "plan_workbook",
    "raise_located",
    "read_plan_sheet",
]
