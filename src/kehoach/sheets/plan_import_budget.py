"""Reading the budget sheets back: the amounts, the sources and the detail lines.

Sources and lines with an id must be the plan's; rows without an id may be added or
removed, and take the place of the plan's rows without an id in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kehoach.loader import format_path
from kehoach.sheets.plan_cell_reader import CellReader, match_ids, required_text
from kehoach.sheets.plan_layout import (
    BUDGET,
    BUDGET_COLUMNS,
    BUDGET_ITEMS,
    LINE_COLUMNS,
    LINES,
    SOURCE_COLUMNS,
    SOURCES,
    line_cells,
    source_cells,
)
from kehoach.sheets.plan_places import budget_place
from kehoach.sheets.workbook import SheetRow, money_cell, money_value, text_cell


def read_budget(
    tables: dict[str, list[SheetRow] | None], data: dict[str, Any], reader: CellReader
) -> None:
    place = budget_place(data)
    budget = place[1] if place else None
    at = format_path(place[0]) if place else "budget"  # "sections[3].content[0].budget"
    problems = reader.problems
    amount_rows = tables[BUDGET] or []
    labels = [label for _, label in BUDGET_ITEMS]
    found = [text_cell(r.values["item"]) for r in amount_rows]
    if found != labels:
        problems.add(
            BUDGET,
            f"trang {BUDGET} phải có đúng các dòng: {', '.join(labels)} (dòng bị xoá, đổi tên?)",
            f"the {BUDGET} sheet must have exactly the rows: {', '.join(labels)}",
            column=1,
        )
        return
    source_rows, line_rows = tables[SOURCES] or [], tables[LINES] or []
    if budget is None:
        if any(r.values["amount"] is not None for r in amount_rows) or source_rows or line_rows:
            problems.add(
                BUDGET,
                "kế hoạch chưa có mục kinh phí: thêm mục budget trong tệp YAML trước",
                "the plan has no budget: add a budget section in the YAML file first",
            )
        return
    for row, (key, _) in zip(amount_rows, BUDGET_ITEMS, strict=True):
        base = budget[key]
        written = None if base is None else money_value(base)
        budget[key] = reader.value(
            BUDGET, BUDGET_COLUMNS, row, "amount", written, base, money_cell, f"{at}.{key}"
        )
        if key == "total" and budget[key] is None and base is not None:
            reader.problem(
                BUDGET, BUDGET_COLUMNS, row, "amount", "thiếu tổng kinh phí", "the total is missing"
            )
            budget[key] = base
    budget["sources"] = _read_items(
        SOURCES,
        SOURCE_COLUMNS,
        source_rows,
        budget["sources"],
        source_cells,
        {"name": required_text, "amount": money_cell},
        f"{at}.sources",
        reader,
        ("nguồn kinh phí", "budget source"),
    )
    budget["lines"] = _read_items(
        LINES,
        LINE_COLUMNS,
        line_rows,
        budget["lines"],
        line_cells,
        {"name": required_text, "amount": money_cell, "source": text_cell, "note": text_cell},
        f"{at}.lines",
        reader,
        ("dòng kinh phí", "budget line"),
    )


def _read_items(
    sheet: str,
    columns: tuple[Any, ...],
    rows: list[SheetRow],
    base: list[dict[str, Any]],
    cells: Callable[[dict[str, Any]], dict[str, Any]],
    parsers: dict[str, Callable[[Any], Any]],
    prefix: str,
    reader: CellReader,
    kind: tuple[str, str],
) -> list[dict[str, Any]]:
    """Budget sources or lines: rows with an id match the plan's; rows without may vary."""
    with_id = {item["id"]: item for item in base if item["id"]}
    without_id = [item for item in base if not item["id"]]
    by_id = match_ids(sheet, rows, list(with_id), reader.problems, kind, optional=True)
    result: list[dict[str, Any]] = []
    free = iter(without_id)
    for row in rows:
        raw = text_cell(row.values["id"])
        item_id = raw.strip() if raw else None
        if item_id:
            if by_id.get(item_id) is not row:
                continue
            old: dict[str, Any] | None = with_id[item_id]
        else:
            old = next(free, None)
        written = cells(old) if old else {}
        item: dict[str, Any] = {"id": item_id}
        path = f"{prefix}[{len(result)}]"
        for key, parse in parsers.items():
            item[key] = reader.value(
                sheet,
                columns,
                row,
                key,
                written.get(key),
                old[key] if old else None,
                parse,
                f"{path}.{key}",
            )
            if key in ("name", "amount") and item[key] is None:
                if key == "name":
                    item[key] = ""
                else:
                    reader.problem(
                        sheet, columns, row, key, "thiếu số tiền", "the amount is missing"
                    )
                    item[key] = 0
        reader.places[path] = (sheet, row.number, 1, columns[0].title)
        result.append(item)
    return result
