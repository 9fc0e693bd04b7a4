"""Read a filled-in progress spreadsheet back as :class:`~kehoach.model.Progress`.

Reading gives the same progress as the equivalent YAML file: a row with nothing filled
in is "not reported", never zero. Every problem names the sheet, row and column, and
the returned locator finds the cell of any progress field for problems found later
(unknown ids, impossible dates).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl.utils import get_column_letter
from pydantic import ValidationError

from kehoach.errors import InputError, Locate, Problem
from kehoach.loader import data_positions, format_path
from kehoach.messages import word_error
from kehoach.model import Progress
from kehoach.sheets.progress_layout import (
    BUDGET,
    BUDGET_COLS,
    LAYOUT,
    REPORT,
    REPORT_COLS,
    TARGET_COLS,
    TARGET_COLS_V1,
    TARGETS,
    TASK_COLS,
    TASKS,
    VERSION,
)
from kehoach.sheets.workbook import (
    CellError,
    Column,
    Problems,
    SheetSource,
    date_cell,
    money_cell,
    open_workbook,
    read_meta,
    read_table,
    text_cell,
)


class _Cells:
    """Where each progress field was read: path → (sheet, row, column, header)."""

    def __init__(self) -> None:
        self.at: dict[tuple[Any, ...], tuple[str, int, int, str]] = {}

    def put(self, path: tuple[Any, ...], sheet: str, row: int, column: int, header: str) -> None:
        self.at[path] = (sheet, row, column, header)

    def locate(self, path: tuple[Any, ...]) -> Problem:
        """The cell of a field, else of its nearest parent (its row at least)."""
        found = path
        while found and found not in self.at:
            found = found[:-1]
        if found not in self.at:
            return Problem(format_path(path), "", "")
        sheet, row, column, header = self.at[found]
        return Problem(f"{header} ({get_column_letter(column)}{row})", "", "", row, column, sheet)


def read_progress_sheet(source: SheetSource) -> tuple[Progress, Locate]:
    """Read a filled-in progress workbook.

    Returns the progress and a function giving the cell a progress field came from
    (to locate problems found later, such as unknown ids).

    Raises:
        InputError: naming the sheet, row and column of every problem.
    """
    book, name = open_workbook(source)
    meta = read_meta(book, name, LAYOUT, (1, VERSION))
    target_cols = TARGET_COLS_V1 if str(meta.get("version")) == "1" else TARGET_COLS
    problems = Problems(name)
    tables = {
        title: read_table(book, title, columns, problems)
        for title, columns in (
            (TARGETS, target_cols),
            (TASKS, TASK_COLS),
            (BUDGET, BUDGET_COLS),
            (REPORT, REPORT_COLS),
        )
    }
    problems.raise_if_any()
    cells = _Cells()
    data: dict[str, Any] = {}
    if meta.get("digest"):
        items = {
            key.removeprefix("item "): text_cell(value) or ""
            for key, value in meta.items()
            if key.startswith("item ")
        }
        data["generated_from"] = {"digest": str(meta["digest"]), "items": items}
    readers = (
        ("targets", TARGETS, target_cols, _target_entry),
        ("tasks", TASKS, TASK_COLS, _task_entry),
        ("budget", BUDGET, BUDGET_COLS, _budget_entry),
    )
    for field, title, columns, entry in readers:
        data[field] = _entries(tables[title] or [], title, columns, entry, cells, problems)
    _read_report(tables[REPORT] or [], data, cells, problems)
    problems.raise_if_any()
    try:
        progress = Progress.model_validate(data)
    except ValidationError as exc:
        raise InputError(name, _problems(exc, cells, data)) from None
    return progress, cells.locate


Entry = Callable[[dict[str, Any]], dict[str, Any]]


def _entries(
    rows: list[Any],
    title: str,
    columns: tuple[Column, ...],
    entry: Entry,
    cells: _Cells,
    problems: Problems,
) -> list[dict[str, Any]]:
    """One progress entry per row that has something filled in (others: not reported)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        values = row.values
        if all(_blank(values[c.key]) for c in columns if not c.locked):
            continue
        if _blank(values[columns[0].key]):  # filled in, but whose figures are these?
            kind_vi, kind_en = _KINDS[title]
            problems.add(
                title,
                f"dòng {row.number} có số liệu nhưng không có {kind_vi} (ô mã bị xoá hoặc gộp?)",
                f"row {row.number} is filled in but has no {kind_en} (id cell cleared or merged?)",
                row=row.number,
                column=1,
                field=f"{columns[0].title} (A{row.number})",
            )
            continue
        index = len(out)
        for number, column in enumerate(columns, start=1):
            cells.put((_FIELDS[title], index, column.key), title, row.number, number, column.title)
        cells.put((_FIELDS[title], index), title, row.number, 1, columns[0].title)
        try:
            out.append(entry(values))
        except _BadCell as bad:
            number = next(i for i, c in enumerate(columns, start=1) if c.key == bad.key)
            problems.add(
                title,
                bad.error.vi,
                bad.error.en,
                row=row.number,
                column=number,
                field=f"{columns[number - 1].title} ({get_column_letter(number)}{row.number})",
            )
    return out


_FIELDS = {TARGETS: "targets", TASKS: "tasks", BUDGET: "budget"}
_KINDS = {
    TARGETS: ("mã chỉ tiêu", "target id"),
    TASKS: ("mã nhiệm vụ", "task id"),
    BUDGET: ("mã nguồn kinh phí", "budget source id"),
}


class _BadCell(Exception):
    def __init__(self, key: str, error: CellError):
        self.key, self.error = key, error


def _convert(values: dict[str, Any], key: str, convert: Callable[[Any], Any]) -> Any:
    try:
        return convert(values[key])
    except CellError as error:
        raise _BadCell(key, error) from None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _target_entry(v: dict[str, Any]) -> dict[str, Any]:
    evidence = text_cell(v["evidence"])
    achieved = v["achieved"]  # the model reads numbers and text ("4,5"), never via float maths
    return _drop_none(
        {
            "id": text_cell(v["id"]),
            "achieved": None if _blank(achieved) else achieved,
            "notes": _text(v["notes"]),
            "evidence": [x.strip() for x in evidence.splitlines() if x.strip()]
            if evidence
            else None,
        }
    )


def _task_entry(v: dict[str, Any]) -> dict[str, Any]:
    return _drop_none(
        {
            "id": text_cell(v["id"]),
            "status": _text(v["status"]),
            "completed": _convert(v, "completed", date_cell),
            "notes": _text(v["notes"]),
        }
    )


def _budget_entry(v: dict[str, Any]) -> dict[str, Any]:
    return _drop_none(
        {
            "source": text_cell(v["source"]),
            "allocated": _convert(v, "allocated", money_cell),
            "spent": _convert(v, "spent", money_cell),
            "notes": _text(v["notes"]),
        }
    )


def _text(value: Any) -> str | None:
    text = text_cell(value)
    return text.strip() or None if text is not None else None


def _read_report(rows: list[Any], data: dict[str, Any], cells: _Cells, problems: Problems) -> None:
    results: list[dict[str, Any]] = []
    header: dict[str, Any] = {}
    causes: dict[str, Any] = {}
    for row in rows:
        key, title = row.values["key"], str(row.values["label"] or "")
        raw = row.values["value"]
        if not isinstance(key, str) or _blank(raw):
            continue
        try:
            if key in ("cutoff", "header.date"):
                value: Any = date_cell(raw)
            elif key == "header.number":
                value = raw
            else:
                value = _text(raw)
        except CellError as error:
            problems.add(
                REPORT,
                error.vi,
                error.en,
                row=row.number,
                column=3,
                field=f"{title} (C{row.number})",
            )
            continue
        if key == "results":
            cells.put(("results", len(results)), REPORT, row.number, 3, title)
            results.append({"area": text_cell(row.values["area"]), "content": value})
            continue
        first, _, second = key.partition(".")
        target = header if first == "header" else causes if first == "causes" else data
        target[second or first] = value
        cells.put((first, second) if second else (first,), REPORT, row.number, 3, title)
    if header:
        data["header"] = header
    if causes:
        data["causes"] = causes
    if results:
        data["results"] = results


def _problems(error: ValidationError, cells: _Cells, data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    paths = data_positions(data)
    for item in error.errors(include_url=False):
        where = cells.locate(paths.locate(tuple(item["loc"]))[0])
        key = (where.sheet, where.line, where.column, where.field)
        if key in seen:
            continue
        seen.add(key)
        vi, en = word_error(dict(item))
        problems.append(Problem(where.field, vi, en, where.line, where.column, where.sheet))
    return problems


__all__ = ["Locate", "read_progress_sheet"]
