"""Reading plan-sheet rows against the plan: edits found, ids checked, errors placed.

A cell that still holds what was written keeps the plan's exact value (a whole number
read back as a float, or a date read back as a date and time, is not an edit). The id
columns are locked, so an id that is not the plan's, or a missing one, is an error
naming its row.
Every value read remembers its cell, so that a validation error of the plan built from
the sheet names the sheet, row and column a person must correct.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from kehoach.errors import Problem
from kehoach.loader import data_positions, problems_from
from kehoach.sheets.plan_layout import BUDGET
from kehoach.sheets.workbook import CellError, Problems, SheetRow, same_cell, text_cell


class CellReader:
    """Reads cells against the plan's own values: an unedited cell keeps the plan's value."""

    def __init__(self, problems: Problems):
        self.problems = problems
        # model path → (sheet, row, column, header), to place validation errors
        self.places: dict[str, tuple[str, int, int, str]] = {}

    def value(
        self,
        sheet: str,
        columns: tuple[Any, ...],
        row: SheetRow,
        key: str,
        written: Any,
        base: Any,
        parse: Callable[[Any], Any],
        path: str,
    ) -> Any:
        """The field's value: ``base`` when the cell still holds ``written``, else parsed."""
        index = column_number(columns, key)
        self.places[path] = (sheet, row.number, index, columns[index - 1].title)
        found = row.values[key]
        if same_cell(found, written):
            return base
        try:
            return parse(found)
        except CellError as exc:
            self.problem(sheet, columns, row, key, exc.vi, exc.en)
            return base

    def problem(
        self, sheet: str, columns: tuple[Any, ...], row: SheetRow, key: str, vi: str, en: str
    ) -> None:
        """Record a problem at the cell of column ``key`` in ``row``."""
        index = column_number(columns, key)
        self.problems.add(
            sheet, vi, en, row=row.number, column=index, field=columns[index - 1].title
        )


def column_number(columns: tuple[Any, ...], key: str) -> int:
    """The 1-based number of the column with ``key``."""
    return next(i for i, c in enumerate(columns, start=1) if c.key == key)


def required_text(value: Any) -> str:
    """A text cell that must hold text: a cleared cell is an error, never an empty task."""
    text = text_cell(value)
    if text is None or not text.strip():
        raise CellError(
            "ô này bắt buộc, không được để trống", "this cell is required and may not be empty"
        )
    return text


def support_lines(value: Any) -> list[str]:
    """The supporting units, one a line in the cell."""
    text = text_cell(value)
    return [] if text is None else [item.strip() for item in text.splitlines() if item.strip()]


def match_ids(
    sheet: str,
    rows: list[SheetRow],
    known: list[str],
    problems: Problems,
    kind: tuple[str, str],
    *,
    optional: bool = False,
) -> dict[str, SheetRow]:
    """Rows by id, after checking the ids are exactly the plan's (ids are protected)."""
    by_id: dict[str, SheetRow] = {}
    kind_vi, kind_en = kind
    for row in rows:
        item_id = (text_cell(row.values["id"]) or "").strip()
        if not item_id:
            if not optional:
                problems.add(
                    sheet,
                    f"dòng {row.number} không có mã {kind_vi} (cột mã bị xoá?)",
                    f"row {row.number} has no {kind_en} id (was the id cell cleared?)",
                    row=row.number,
                    column=1,
                )
            continue
        if item_id in by_id:
            problems.add(
                sheet,
                f"mã {kind_vi} '{item_id}' ghi hai lần (dòng {by_id[item_id].number} và "
                f"dòng {row.number})",
                f"{kind_en} id '{item_id}' appears twice (rows {by_id[item_id].number} and "
                f"{row.number})",
                row=row.number,
                column=1,
            )
            continue
        if item_id not in known:
            problems.add(
                sheet,
                f"dòng {row.number}: mã {kind_vi} '{item_id}' không có trong kế hoạch; cột mã "
                f"được khoá, không sửa mã (thêm, bớt {kind_vi} trong tệp YAML)",
                f"row {row.number}: {kind_en} id '{item_id}' is not in the plan; ids are "
                f"protected and must not be edited (add or remove {kind_en}s in the YAML file)",
                row=row.number,
                column=1,
            )
            continue
        by_id[item_id] = row
    for item_id in known:
        if item_id not in by_id and not any(
            p.sheet == sheet and f"'{item_id}'" in p.message_vi for p in problems.items
        ):
            problems.add(
                sheet,
                f"thiếu dòng của {kind_vi} '{item_id}' (dòng bị xoá hoặc mã bị sửa?)",
                f"no row for {kind_en} '{item_id}' (deleted row or edited id?)",
            )
    return by_id


def raise_located(exc: ValidationError, reader: CellReader, data: Any) -> None:
    """Re-raise a validation error of ``data`` with each problem placed at its cell."""
    located = []
    for problem in problems_from(exc, data_positions(data)):
        field = problem.field
        place = None
        while field and place is None:
            place = reader.places.get(field)
            cut = max(field.rfind("."), field.rfind("["))
            field = field[:cut] if cut > 0 else ""
        if place is None and (problem.field.startswith("budget") or ".budget" in problem.field):
            place = (BUDGET, 0, 0, "")
        if place is None:
            located.append(problem)
            continue
        sheet, row, column, header = place
        located.append(
            Problem(
                header or problem.field,
                problem.message_vi,
                problem.message_en,
                line=row or None,
                column=column or None,
                sheet=sheet,
            )
        )
    reader.problems.items.extend(located)
    reader.problems.raise_if_any()
