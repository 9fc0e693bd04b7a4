"""The plan sheet's layout (version 2): its sheets, columns and what each cell shows.

Writing (:mod:`kehoach.sheets.plan_write`) fills these cells from the plan; reading
(:mod:`kehoach.sheets.plan_import`) compares each cell with what was written, so an
unedited cell keeps the plan's value exactly. The layout is described in
:mod:`kehoach.sheets.plan`.
"""

from __future__ import annotations

from typing import Any

from kehoach.sheets.workbook import Column, money_value
from kehoach.vi import KIND_LABELS

LAYOUT = "kehoach-plan"
VERSION = 2
"""Version 2 lists the tasks of version 2 tasks blocks (place, time as written, result);
version 1 sheets (quarterly tasks only) are still read."""

TARGETS = "Chỉ tiêu"
TASKS = "Nhiệm vụ"
BUDGET = "Kinh phí"
SOURCES = "Nguồn kinh phí"
LINES = "Dự toán kinh phí"

MONEY = "#,##0"
SPARE_LINES = 50  # empty editable rows under the budget lines and sources

TARGET_COLUMNS = (
    Column("id", "Mã chỉ tiêu", 22, locked=True),
    Column("context", "Câu trong kế hoạch (chỉ để xem)", 60, locked=True),
    Column("quantity", "Số lượng", 10, number_format="0"),
    Column("unit", "Đơn vị tính", 16),
    Column("qualifier", "Từ đứng trước", 14),
    Column("label", "Tên chỉ tiêu", 50),
    Column("kind", "Loại chỉ tiêu (hằng năm, cộng dồn, một lần, tỷ lệ)", 20),
)
TASK_COLUMNS = (
    Column("id", "Mã nhiệm vụ", 24, locked=True),
    Column("where", "Vị trí trong kế hoạch (chỉ để xem)", 30, locked=True),
    Column("quarter", "Quý", 6, number_format="0"),
    Column("text", "Nội dung nhiệm vụ", 70),
    Column("count", "Số lượng", 10, number_format="0"),
    Column("unit", "Đơn vị tính", 14),
    Column("lead", "Chủ trì", 22),
    Column("support", "Phối hợp (mỗi đơn vị một dòng)", 26),
    Column("when", "Thời gian (như viết trong kế hoạch)", 24),
    Column("result", "Kết quả, sản phẩm", 26),
    Column("due", "Thời hạn", 12, number_format="DD/MM/YYYY"),
    Column("recurring", "Lặp lại hằng năm (có/không)", 14),
)
TASK_COLUMNS_V1 = tuple(c for c in TASK_COLUMNS if c.key not in ("where", "when", "result"))
"""The task columns of a version 1 sheet (quarterly tasks only)."""
BUDGET_COLUMNS = (
    Column("item", "Khoản", 40, locked=True),
    Column("amount", "Số tiền (đồng)", 22, number_format=MONEY),
)
BUDGET_ITEMS = (("total", "Tổng kinh phí"), ("year_amount", "Nhu cầu kinh phí năm kế hoạch"))
SOURCE_COLUMNS = (
    Column("id", "Mã nguồn", 20, locked=True),
    Column("name", "Tên nguồn", 40),
    Column("amount", "Số tiền (đồng)", 22, number_format=MONEY),
)
LINE_COLUMNS = (
    Column("id", "Mã dòng", 16, locked=True),
    Column("name", "Nội dung chi", 50),
    Column("amount", "Số tiền (đồng)", 22, number_format=MONEY),
    Column("source", "Mã nguồn", 18),
    Column("note", "Ghi chú", 30),
)

HELP = (
    "Sửa các ô trắng rồi nhập lại bằng: kehoach import-sheet TỆP.xlsx --plan KẾ-HOẠCH.yaml "
    "-o KẾ-HOẠCH-MỚI.yaml. Cột xám (mã, vị trí) được khoá: không sửa. Thêm, bớt, chuyển chỉ "
    "tiêu và nhiệm vụ trong tệp YAML (đổi Quý chỉ chuyển được nhiệm vụ của phần nhiệm vụ "
    "theo quý); dòng kinh phí không có mã thêm được ở cuối trang."
)


def target_cells(target: dict[str, Any], sentence: str) -> dict[str, Any]:
    """A target's cells by column key (``sentence``: the plan's sentence holding it)."""
    return {
        "id": target["id"],
        "context": sentence,
        "quantity": target["quantity"],
        "unit": target["unit"],
        "qualifier": target["qualifier"],
        "label": target["label"],
        "kind": KIND_LABELS[target["kind"]] if target.get("kind") else None,
    }


def task_cells(task: dict[str, Any], quarter: int | None, where: str = "") -> dict[str, Any]:
    """A task's cells by column key; the supporting units one a line."""
    support = task["support"]
    if isinstance(support, str):
        support = [support]
    return {
        "id": task["id"],
        "where": where,
        "quarter": quarter,
        "when": task.get("when"),
        "result": task.get("result"),
        "text": task["text"],
        "count": task["count"],
        "unit": task["unit"],
        "lead": task["lead"],
        "support": "\n".join(support) or None,
        "due": task["due"],
        "recurring": None
        if task["recurring"] is None
        else ("có" if task["recurring"] else "không"),
    }


def source_cells(source: dict[str, Any]) -> dict[str, Any]:
    """A budget source's cells by column key."""
    return {"id": source["id"], "name": source["name"], "amount": money_value(source["amount"])}


def line_cells(line: dict[str, Any]) -> dict[str, Any]:
    """A budget line's cells by column key."""
    return {
        "id": line["id"],
        "name": line["name"],
        "amount": money_value(line["amount"]),
        "source": line["source"],
        "note": line["note"],
    }
