"""Workbook plumbing for kehoach spreadsheets: layout checks, typed cells, located errors.

The plumbing has three parts, each in its own module; this module gathers their names,
the import path the plan and progress sheets use:

- :mod:`kehoach.sheets.workbook_write`: columns, protected sheets, the metadata sheet
  (layout name and version), deterministic .xlsx bytes;
- :mod:`kehoach.sheets.workbook_read`: opening a workbook, checking its layout, version
  and header rows, problems collected with their sheet, row and column;
- :mod:`kehoach.sheets.cells`: typed cell values (text, whole numbers, amounts, dates,
  có/không) and whether a cell was edited.
"""

from __future__ import annotations

from kehoach.sheets.cells import (
    EXACT_LIMIT,
    CellError,
    bool_cell,
    date_cell,
    int_cell,
    money_cell,
    money_value,
    same_cell,
    text_cell,
)
from kehoach.sheets.workbook_read import (
    Problems,
    SheetRow,
    SheetSource,
    open_workbook,
    read_meta,
    read_table,
)
from kehoach.sheets.workbook_write import (
    FIXED_TIME,
    HEADER_FILL,
    HEADER_FONT,
    LOCKED_FILL,
    META_SHEET,
    WRAP,
    Column,
    add_meta_sheet,
    add_table_sheet,
    new_workbook,
    protect,
    set_value,
    style_cell,
    workbook_bytes,
)

__all__ = [
    "EXACT_LIMIT",
    "FIXED_TIME",
    "HEADER_FILL",
    "HEADER_FONT",
    "LOCKED_FILL",
    "META_SHEET",
    "WRAP",
    "CellError",
    "Column",
    "Problems",
    "SheetRow",
    "SheetSource",
    "add_meta_sheet",
    "add_table_sheet",
    "bool_cell",
    "date_cell",
    "int_cell",
    "money_cell",
    "money_value",
    "new_workbook",
    "open_workbook",
    "protect",
    "read_meta",
    "read_table",
    "same_cell",
    "set_value",
    "style_cell",
    "text_cell",
    "workbook_bytes",
]
