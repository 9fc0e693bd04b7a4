"""Writing the plan sheet: a plan's targets, tasks and budget as a protected workbook.

The layout is :mod:`kehoach.sheets.plan_layout`; the same plan gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kehoach.model import Plan
from kehoach.model.data import iter_target_data
from kehoach.sheets.plan_layout import (
    BUDGET,
    BUDGET_COLUMNS,
    BUDGET_ITEMS,
    HELP,
    LAYOUT,
    LINE_COLUMNS,
    LINES,
    SOURCE_COLUMNS,
    SOURCES,
    SPARE_LINES,
    TARGET_COLUMNS,
    TARGETS,
    TASK_COLUMNS,
    TASKS,
    VERSION,
    line_cells,
    source_cells,
    target_cells,
    task_cells,
)
from kehoach.sheets.plan_places import budget_place, iter_task_places
from kehoach.sheets.workbook import (
    add_meta_sheet,
    add_table_sheet,
    money_value,
    new_workbook,
    workbook_bytes,
)


def plan_workbook(plan: Plan) -> Workbook:
    """The plan's targets, tasks and budget as a workbook (see :mod:`kehoach.sheets.plan`)."""
    data = plan.model_dump()
    book = new_workbook()
    targets = [target_cells(t, s) for _, t, s in iter_target_data(data)]
    add_table_sheet(book, TARGETS, TARGET_COLUMNS, [_row(TARGET_COLUMNS, t) for t in targets])
    task_rows = [
        _row(TASK_COLUMNS, task_cells(p.task, p.quarter, p.where)) for p in iter_task_places(data)
    ]
    tasks = add_table_sheet(book, TASKS, TASK_COLUMNS, task_rows)
    last = max(len(task_rows) + 1, 2)
    quarter_rule = DataValidation(type="whole", operator="between", formula1="1", formula2="4")
    quarter_rule.error = "Quý là một số từ 1 đến 4"
    quarter_rule.add(_cells(TASK_COLUMNS, "quarter", last))
    yes_no = DataValidation(type="list", formula1='"có,không"', allow_blank=True)
    yes_no.add(_cells(TASK_COLUMNS, "recurring", last))
    tasks.add_data_validation(quarter_rule)
    tasks.add_data_validation(yes_no)
    found = budget_place(data)
    budget = found[1] if found else None
    amounts = [
        [label, None if budget is None or budget[key] is None else money_value(budget[key])]
        for key, label in BUDGET_ITEMS
    ]
    add_table_sheet(book, BUDGET, BUDGET_COLUMNS, amounts)
    # Sources and detail lines: rows without an id may be added below, in spare rows.
    for title, columns, cells, key in (
        (SOURCES, SOURCE_COLUMNS, source_cells, "sources"),
        (LINES, LINE_COLUMNS, line_cells, "lines"),
    ):
        items = budget[key] if budget else []
        rows = [_row(columns, cells(item)) for item in items]
        add_table_sheet(book, title, columns, rows, spare_rows=SPARE_LINES)
    add_meta_sheet(
        book,
        LAYOUT,
        VERSION,
        {
            "plan_year": plan.year,
            "subject": plan.title.subject,
            "help": HELP,
        },
    )
    return book


def plan_sheet_bytes(plan: Plan) -> bytes:
    """:func:`plan_workbook` as .xlsx bytes (the same plan gives the same bytes)."""
    return workbook_bytes(plan_workbook(plan))


def _cells(columns: tuple[Any, ...], key: str, last: int) -> str:
    """ "C2:C27": the data cells of the column with ``key``."""
    letter = get_column_letter(next(i for i, c in enumerate(columns, 1) if c.key == key))
    return f"{letter}2:{letter}{last}"


def _row(columns: tuple[Any, ...], cells: dict[str, Any]) -> list[Any]:
    return [cells[c.key] for c in columns]
