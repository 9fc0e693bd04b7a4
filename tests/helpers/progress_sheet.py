"""Filling a progress workbook the way staff do, cell by cell (openpyxl), for tests."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

LABELS = {  # the drop-down labels, written out here independently of kehoach
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "in_progress": "Đang thực hiện trong hạn",
    "overdue": "Chưa thực hiện – quá hạn",
}
PERIOD_LABELS = {"6m": "6 tháng đầu năm", "year": "Cả năm"}


def book_of(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def columns_of(ws) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[1] if cell.value}


def row_of(ws, key: Any, column: int = 1) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, column).value == key)


# --------------------------------------------------------------------------- the blank sheet


def narrative_cell(value: Any) -> str:
    """A YAML narrative as the text of one cell: a line per paragraph, "- " bullets."""
    if isinstance(value, str):
        return value.strip()
    lines = []
    for block in value:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.append(f"- {block['bullet']}")
            lines += [f"+ {item}" for item in block.get("items", [])]
    return "\n".join(lines)


def fill(sheet: bytes, progress: dict, path: Path) -> Path:
    """Fill a blank progress sheet from a progress YAML dict, cell by cell, with openpyxl."""
    book = book_of(sheet)
    ws, cols = book["Chỉ tiêu"], columns_of(book["Chỉ tiêu"])
    for entry in progress["targets"]:
        row = row_of(ws, entry["id"])
        if "achieved" in entry:
            ws.cell(row, cols["Thực hiện"]).value = entry["achieved"]
        if "notes" in entry:
            ws.cell(row, cols["Ghi chú, giải trình"]).value = entry["notes"]
        if "evidence" in entry:
            ws.cell(row, cols["Minh chứng (mỗi dòng một mục)"]).value = "\n".join(entry["evidence"])
    ws, cols = book["Nhiệm vụ"], columns_of(book["Nhiệm vụ"])
    for entry in progress["tasks"]:
        row = row_of(ws, entry["id"])
        if entry.get("status"):
            ws.cell(row, cols["Tình trạng"]).value = LABELS[entry["status"]]
        if "completed" in entry:
            ws.cell(row, cols["Ngày hoàn thành"]).value = entry["completed"]
        if "notes" in entry:
            ws.cell(row, cols["Kết quả, ghi chú"]).value = entry["notes"]
    ws, cols = book["Kinh phí"], columns_of(book["Kinh phí"])
    for entry in progress["budget"]:
        row = row_of(ws, entry["source"])
        ws.cell(row, cols["Dự toán trong kỳ (đồng; để trống: như kế hoạch)"]).value = entry[
            "allocated"
        ]
        ws.cell(row, cols["Đã sử dụng (đồng)"]).value = entry["spent"]
    ws = book["Báo cáo"]
    values = {
        "period": PERIOD_LABELS[progress["period"]],
        "cutoff": progress["cutoff"],
        "header.number": progress["header"]["number"],
        "header.date": progress["header"]["date"],
    }
    for key in ("summary", "strengths", "limitations", "lessons", "directions", "proposals"):
        if key in progress:
            values[key] = narrative_cell(progress[key])
    for key in ("objective", "subjective"):
        if key in progress.get("causes", {}):
            values[f"causes.{key}"] = narrative_cell(progress["causes"][key])
    for key, value in values.items():
        ws.cell(row_of(ws, key), 3).value = value
    for result in progress.get("results", []):
        row = next(
            r
            for r in range(2, ws.max_row + 1)
            if ws.cell(r, 1).value == "results" and ws.cell(r, 4).value.startswith(result["area"])
        )
        ws.cell(row, 3).value = narrative_cell(result["content"])
    book.save(path)
    return path
