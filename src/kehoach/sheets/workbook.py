"""Workbook plumbing for kehoach spreadsheets: layout checks, typed cells, located errors.

A kehoach workbook carries a metadata sheet (``kehoach``) naming its layout and layout
version, so a file from another tool or an older layout is refused with a clear
message instead of being misread. Every data sheet starts with one header row; the
headers are checked name by name, so a moved or renamed column is an error naming
the column. Problems are collected and raised together as one
:class:`~kehoach.errors.InputError` whose problems carry the sheet, row and column.

Workbooks are saved deterministically (fixed document dates, fixed ZIP timestamps):
the same data gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from os import PathLike
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from kehoach.errors import InputError, Problem

META_SHEET = "kehoach"
"""The name of the metadata sheet (layout name and version)."""

FIXED_TIME = datetime(2000, 1, 1)
"""Document dates written into every workbook (deterministic output)."""

EXACT_LIMIT = 10**15
"""Amounts from here up are written as text: a spreadsheet keeps 15 significant digits."""

HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")

SheetSource = str | PathLike[str] | bytes | IO[bytes]


@dataclass(frozen=True)
class Column:
    """A column of a data sheet: its header, key and how it is shown."""

    key: str
    title: str
    width: float = 14
    locked: bool = False  # ids and information columns: protected
    number_format: str | None = None


# --- writing -----------------------------------------------------------------------------


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
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # "=SUM(…)" typed by a person stays words


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


# --- reading -----------------------------------------------------------------------------


def open_workbook(source: SheetSource) -> tuple[Workbook, str]:
    """Open an .xlsx file (path, bytes or binary stream); its name for messages.

    Raises:
        InputError: the file is missing or is not an .xlsx workbook.
    """
    name = "<bytes>" if isinstance(source, bytes) else str(getattr(source, "name", source))
    if isinstance(source, bytes):
        stream: Any = io.BytesIO(source)
    elif isinstance(source, str | PathLike):
        path = Path(source)
        if not path.is_file():
            raise InputError(name, [Problem("", "không tìm thấy tệp", "file not found")])
        stream = path
    else:
        stream = source
    try:
        book = load_workbook(stream, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise InputError(
            name,
            [
                Problem(
                    "",
                    "không đọc được tệp bảng tính .xlsx (tệp hỏng hoặc không phải .xlsx)",
                    f"cannot read the .xlsx workbook (damaged or not .xlsx): {exc}",
                )
            ],
        ) from None
    return book, name


def read_meta(book: Workbook, name: str, layout: str, version: int) -> dict[str, Any]:
    """The metadata of a workbook, after checking it has the expected layout and version.

    Raises:
        InputError: no metadata sheet, another layout, or another version.
    """
    if META_SHEET not in book.sheetnames:
        raise InputError(
            name,
            [
                Problem(
                    "",
                    f"không phải bảng tính do kehoach xuất (thiếu trang tính '{META_SHEET}')",
                    f"not a workbook exported by kehoach (no '{META_SHEET}' sheet)",
                    sheet=META_SHEET,
                )
            ],
        )
    meta: dict[str, Any] = {}
    for key, value, *_ in book[META_SHEET].iter_rows(min_row=2, values_only=True):
        if isinstance(key, str):
            meta[key.strip()] = value
    if meta.get("layout") != layout:
        raise InputError(
            name,
            [
                Problem(
                    "layout",
                    f"bảng tính có dạng '{meta.get('layout')}', cần '{layout}'",
                    f"the workbook's layout is '{meta.get('layout')}', expected '{layout}'",
                    sheet=META_SHEET,
                )
            ],
        )
    if str(meta.get("version")) != str(version):
        raise InputError(
            name,
            [
                Problem(
                    "version",
                    f"bảng tính dạng phiên bản {meta.get('version')}, kehoach này đọc phiên "
                    f"bản {version}: xuất lại bảng tính",
                    f"layout version {meta.get('version')}; this kehoach reads version "
                    f"{version}: export the workbook again",
                    sheet=META_SHEET,
                )
            ],
        )
    return meta


@dataclass
class SheetRow:
    """One data row: its number and its values by column key."""

    number: int
    values: dict[str, Any]


@dataclass
class Problems:
    """Problems collected while reading a workbook, raised together."""

    name: str
    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        sheet: str,
        vi: str,
        en: str,
        *,
        row: int | None = None,
        column: int | None = None,
        field: str = "",
    ) -> None:
        """Record a problem at a sheet, row and column (1-based)."""
        self.items.append(Problem(field, vi, en, line=row, column=column, sheet=sheet))

    def raise_if_any(self) -> None:
        """Raise :class:`InputError` with every problem recorded so far."""
        if self.items:
            raise InputError(self.name, list(self.items))


def read_table(
    book: Workbook, title: str, columns: Sequence[Column], problems: Problems
) -> list[SheetRow] | None:
    """The non-empty data rows of a sheet, after checking its header row.

    Returns None (with problems recorded) when the sheet is missing or a header does
    not match: a moved or renamed column is named.
    """
    if title not in book.sheetnames:
        problems.add(
            title,
            f"thiếu trang tính '{title}' (đã xoá hoặc đổi tên?)",
            f"the sheet '{title}' is missing (deleted or renamed?)",
        )
        return None
    sheet = book[title]
    header = [cell.value for cell in next(sheet.iter_rows(min_row=1, max_row=1), ())]
    ok = True
    for index, column in enumerate(columns, start=1):
        found = header[index - 1] if index <= len(header) else None
        found_text = str(found).strip() if found is not None else ""
        if found_text != column.title:
            letter = get_column_letter(index)
            problems.add(
                title,
                f"cột {letter} phải có tiêu đề '{column.title}' nhưng là '{found_text}' "
                "(cột bị di chuyển, đổi tên hay xoá?)",
                f"column {letter} must be headed '{column.title}' but is '{found_text}' "
                "(moved, renamed or deleted column?)",
                row=1,
                column=index,
                field=column.title,
            )
            ok = False
    for index in range(len(columns) + 1, len(header) + 1):
        extra = header[index - 1]
        if extra is not None and str(extra).strip():
            letter = get_column_letter(index)
            problems.add(
                title,
                f"cột {letter} '{extra}' không có trong mẫu (cột thêm vào?)",
                f"column {letter} '{extra}' is not part of the layout (added column?)",
                row=1,
                column=index,
                field=str(extra),
            )
            ok = False
    if not ok:
        return None
    rows = []
    for number, values in enumerate(
        sheet.iter_rows(min_row=2, max_col=len(columns), values_only=True), start=2
    ):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        padded = list(values) + [None] * (len(columns) - len(values))
        rows.append(SheetRow(number, {c.key: v for c, v in zip(columns, padded, strict=True)}))
    return rows


def iter_cells(columns: Sequence[Column]) -> Iterator[tuple[int, Column]]:
    """Columns with their 1-based numbers."""
    return enumerate(columns, start=1)


# --- cell values -------------------------------------------------------------------------


class CellError(ValueError):
    """A cell value of the wrong kind; the message has a Vietnamese and an English part."""

    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi, self.en = vi, en


def text_cell(value: Any) -> str | None:
    """A text cell as text (numbers typed into a text column are kept as written)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def int_cell(value: Any) -> int | None:
    """A whole number (empty: None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("phải là số nguyên", "must be a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip().replace(".", "").replace(" ", "")
        if text.isdigit():
            return int(text)
    raise CellError(f"'{value}' không phải số nguyên", f"'{value}' is not a whole number")


def money_value(amount: int) -> int | str:
    """How an amount is written: a number, or text with "." separators when a
    spreadsheet could not keep all its digits."""
    if amount < EXACT_LIMIT:
        return amount
    return f"{amount:,}".replace(",", ".")


def money_cell(value: Any) -> int | None:
    """An amount of đồng: a whole number, or text such as ``6.505.490.000``."""
    if isinstance(value, float) and value.is_integer() and abs(value) >= 2**53:
        raise CellError(
            "số tiền quá lớn để bảng tính giữ đủ chữ số; ghi dạng chữ (6.505.490.000)",
            "the amount is too large for a spreadsheet number; write it as text",
        )
    if isinstance(value, str):
        text = value.strip().replace(" ", "").removesuffix("đ").removesuffix("đồng")
        if not text:
            return None
        groups = text.split(".")
        if text.isdigit() or (
            len(groups) > 1
            and all(g.isdigit() for g in groups)
            and all(len(g) == 3 for g in groups[1:])
            and 1 <= len(groups[0]) <= 3
        ):
            return int(text.replace(".", ""))
        raise CellError(
            f"'{value}' không phải số tiền (viết 6505490000 hoặc 6.505.490.000)",
            f"'{value}' is not an amount (write 6505490000 or 6.505.490.000)",
        )
    return int_cell(value)


def date_cell(value: Any) -> date | None:
    """A date cell (or text ``30/6/2022``); empty: None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise CellError("chỉ ghi ngày, không ghi giờ", "a date without a time")
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        parts = value.strip().replace("-", "/").replace(".", "/").split("/")
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            day, month, year = (int(p) for p in parts)
            if year < 100 and len(parts[0]) == 4:  # 2022-06-30
                day, year = year, day
            try:
                return date(year, month, day)
            except ValueError:
                pass
    raise CellError(
        f"'{value}' không phải ngày (ghi 30/6/2022)", f"'{value}' is not a date (30/6/2022)"
    )


_YES = {"có", "co", "x", "yes", "y", "true", "1", "đúng", "lặp lại"}
_NO = {"không", "khong", "no", "n", "false", "0", "sai", "một lần"}


def bool_cell(value: Any) -> bool | None:
    """Có/không (or a TRUE/FALSE cell); empty: None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(f"'{value}' phải là có hoặc không", f"'{value}' must be có (yes) or không (no)")


def same_cell(found: Any, written: Any) -> bool:
    """Whether a cell read back still holds what was written (the cell was not edited)."""
    if isinstance(found, str) and not found:
        found = None
    if isinstance(written, str) and not written:
        written = None
    if isinstance(found, datetime) and isinstance(written, date):
        return found.time() == datetime.min.time() and found.date() == written
    if isinstance(found, float) and isinstance(written, int) and not isinstance(written, bool):
        return found.is_integer() and int(found) == written
    return bool(type(found) is type(written) and found == written) or (
        found is None and written is None
    )
