"""Reading kehoach workbooks: opening them, checking their layout, locating problems.

A file from another tool or an older layout is refused with a clear message instead of
being misread (:func:`read_meta`). The header row of every data sheet is checked name
by name, so a moved or renamed column is an error naming the column
(:func:`read_table`). Problems are collected and raised together as one
:class:`~kehoach.errors.InputError` whose problems carry the sheet, row and column
(:class:`Problems`).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import IO, Any
from weakref import WeakKeyDictionary

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from kehoach.errors import InputError, Problem, os_reason
from kehoach.sheets.workbook_limits import read_limited, scan_workbook
from kehoach.sheets.workbook_write import FORMULA_STARTS, META_SHEET, Column

SheetSource = str | PathLike[str] | bytes | IO[bytes]

# Formulas saved without their computed value, by workbook: sheet title → cell → formula.
_UNCOMPUTED: WeakKeyDictionary[Workbook, dict[str, dict[str, str]]] = WeakKeyDictionary()


def open_workbook(source: SheetSource) -> tuple[Workbook, str]:
    """Open an .xlsx file (path, bytes or binary stream); its name for messages.

    Raises:
        InputError: the file is missing or is not an .xlsx workbook.
    """
    name = "<bytes>" if isinstance(source, bytes) else str(getattr(source, "name", source))
    if isinstance(source, str | PathLike):
        path = Path(source)
        if not path.is_file():
            raise InputError(name, [Problem("", "không tìm thấy tệp", "file not found")])
        try:
            data = read_limited(str(path), name)
        except OSError as exc:
            vi, en = os_reason(exc)
            raise InputError(
                name, [Problem("", f"không đọc được tệp: {vi}", f"cannot read: {en}")]
            ) from None
    else:
        data = read_limited(source, name)
    scan = scan_workbook(data, name)  # limits hold before openpyxl builds any cell
    try:
        with warnings.catch_warnings():
            # openpyxl's English notes ("Cell G2 is marked as a date but the serial value …
            # is outside the limits for dates") would reach users: the cell then reads as an
            # error value, which the cell readers report in words at its place.
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            book = load_workbook(io.BytesIO(data), data_only=True)
    except MemoryError:
        raise
    except Exception as exc:  # whatever openpyxl meets in a damaged file is the file's fault
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
    _UNCOMPUTED[book] = scan.uncomputed
    return book, name


def restored(value: Any) -> Any:
    """A cell's value as kehoach wrote it: the ' that kept a formula-like text from being
    a formula is taken off (:func:`~kehoach.sheets.workbook_write.neutralized`)."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in (*FORMULA_STARTS, "'"):
        return value[1:]
    return value


def read_meta(
    book: Workbook, name: str, layout: str, version: int | tuple[int, ...]
) -> dict[str, Any]:
    """The metadata of a workbook, after checking it has the expected layout and version
    (one of ``version`` when several are read).

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
            meta[key.strip()] = restored(value)
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
    versions = version if isinstance(version, tuple) else (version,)
    if str(meta.get("version")) not in {str(v) for v in versions}:
        version = max(versions)
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
    uncomputed = _UNCOMPUTED.get(book, {}).get(title, {})
    for number, values in enumerate(
        sheet.iter_rows(min_row=2, max_col=len(columns), values_only=True), start=2
    ):
        if uncomputed:
            _report_uncomputed(title, number, values, columns, uncomputed, problems)
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        padded = [restored(v) for v in values] + [None] * (len(columns) - len(values))
        rows.append(SheetRow(number, {c.key: v for c, v in zip(columns, padded, strict=True)}))
    return rows


def _report_uncomputed(
    title: str,
    number: int,
    values: Sequence[Any],
    columns: Sequence[Column],
    uncomputed: dict[str, str],
    problems: Problems,
) -> None:
    """A formula without its computed value reads as empty: name it instead (never a
    silent "chưa báo cáo" or an empty task)."""
    for index, value in enumerate(values, start=1):
        ref = f"{get_column_letter(index)}{number}"
        if value is None and ref in uncomputed:
            formula = uncomputed[ref]
            problems.add(
                title,
                f"ô {ref} có công thức ={formula} nhưng chưa có giá trị đã tính; mở tệp bằng "
                "Excel hoặc LibreOffice và lưu lại, hoặc ghi thẳng con số",
                f"cell {ref} holds the formula ={formula} without a computed value; open and "
                "save the file in Excel or LibreOffice, or type the figure",
                row=number,
                column=index,
                field=columns[index - 1].title,
            )
