"""Writing kehoach workbooks: the layout, its styles and protection, deterministic bytes.

A kehoach workbook carries a metadata sheet (``kehoach``) naming its layout and layout
version. Every data sheet starts with one bold header row; id and information columns
are locked (grey) and the sheet is protected without a password, so ids cannot be typed
over while columns can still be widened and rows sorted.

Workbooks are saved deterministically (fixed document dates, fixed ZIP timestamps):
the same data gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

META_SHEET = "kehoach"
"""The name of the metadata sheet (layout name and version)."""

FIXED_TIME = datetime(2000, 1, 1)
"""Document dates written into every workbook (deterministic output)."""

HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Column:
    """A column of a data sheet: its header, key and how it is shown."""

    key: str
    title: str
    width: float = 14
    locked: bool = False  # ids and information columns: protected
    number_format: str | None = None


def new_workbook() -> Workbook:
    """An empty workbook (its default sheet removed) with fixed document properties."""
    book = Workbook()
    book.remove(book.active)
    book.properties.creator = "kehoach"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.lastModifiedBy = "kehoach"
    return book


def set_value(cell: Cell, value: Any) -> None:
    """Put a value in a cell; text is always stored as text (never as a formula)."""
    if isinstance(value, str):
        value = neutralized(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # "=SUM(…)" typed by a person stays words


# A cell starting with one of these is taken for a formula by a spreadsheet, and a CSV
# re-save drops the "text" mark a cell had: "=cmd|' /C calc'!A0" would then run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralized(text: str) -> str:
    """Text as written into a cell: a leading ' before a formula-like start (OWASP).

    A text already starting with ' before such a character gets one more, so that
    :func:`kehoach.sheets.workbook_read.restored` gives back exactly what was written.
    """
    if text.startswith(FORMULA_STARTS) or (text[:1] == "'" and text[1:2] in (*FORMULA_STARTS, "'")):
        return "'" + text
    return text


def add_table_sheet(
    book: Workbook,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    *,
    spare_rows: int = 0,
) -> Worksheet:
    """A protected sheet: a bold header row, the rows, editable cells unlocked.

    ``spare_rows`` empty rows below the data are left editable (outside the locked
    columns) so that rows can be added where the layout allows it.
    """
    sheet = book.create_sheet(title)
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        set_value(cell, column.title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_index, row in enumerate(rows, start=2):
        for index, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = sheet.cell(row=row_index, column=index)
            set_value(cell, value)
            style_cell(cell, column, value)
    for row_index in range(len(rows) + 2, len(rows) + 2 + spare_rows):
        for index, column in enumerate(columns, start=1):
            style_cell(sheet.cell(row=row_index, column=index), column, None)
    sheet.freeze_panes = "B2"
    protect(sheet)
    return sheet


def style_cell(cell: Cell, column: Column, value: Any) -> None:
    """Lock or unlock a data cell, and give it its number format."""
    cell.alignment = WRAP
    if column.locked:
        cell.fill = LOCKED_FILL
    else:
        cell.protection = Protection(locked=False)
    if isinstance(value, str):
        cell.number_format = "@"
    elif column.number_format:
        cell.number_format = column.number_format


def protect(sheet: Worksheet) -> None:
    """Protect a sheet without a password: locked cells (ids) cannot be typed over, but
    columns can still be widened and rows sorted or filtered."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False
    sheet.protection.sort = False


def add_meta_sheet(book: Workbook, layout: str, version: int, info: dict[str, Any]) -> None:
    """The metadata sheet: layout, version, then information lines (all protected)."""
    sheet = book.create_sheet(META_SHEET)
    rows = [("layout", layout), ("version", version), *info.items()]
    set_value(sheet.cell(row=1, column=1), "Trường / Field")
    set_value(sheet.cell(row=1, column=2), "Giá trị / Value")
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for index, (key, value) in enumerate(rows, start=2):
        set_value(sheet.cell(row=index, column=1), key)
        set_value(sheet.cell(row=index, column=2), value)
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 80
    sheet.protection.sheet = True


def workbook_bytes(book: Workbook) -> bytes:
    """The workbook as .xlsx bytes, the same bytes for the same data."""
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    # ExcelWriter directly: Workbook.save() stamps the "modified" date with the clock.
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed timestamps (openpyxl stamps entries with the clock)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info))
    return out.getvalue()
