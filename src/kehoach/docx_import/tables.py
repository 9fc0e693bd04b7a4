"""Tables: a task table (columns recognised by their headers) or a table kept as a table.

A task table has a header row naming at least the task column (Nội dung, Nhiệm vụ, Công
việc…) and one of Chủ trì, Phối hợp, Thời gian/Thời hạn, Kết quả/Sản phẩm. Its rows
become tasks; columns that are not task fields (Ghi chú…) keep their text as task
items, so nothing is lost. Any other table stays a table, cell by cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kehoach.check.read import TableView
from kehoach.check.read.lines import norm
from kehoach.docx_import.review import ReviewItem
from kehoach.docx_import.text import escape_rich

__all__ = ["table_block"]

_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(STT|TT|SỐ TT|SỐ THỨ TỰ)$")),
    (
        "text",
        re.compile(r"^(NỘI DUNG|NHIỆM VỤ|CÔNG VIỆC|NỘI DUNG CÔNG VIỆC|HOẠT ĐỘNG|TÊN NHIỆM VỤ)"),
    ),
    ("lead", re.compile(r"(CHỦ TRÌ|ĐƠN VỊ THỰC HIỆN|CƠ QUAN THỰC HIỆN|PHỤ TRÁCH|NGƯỜI THỰC HIỆN)")),
    ("support", re.compile(r"PHỐI HỢP")),
    ("when", re.compile(r"^(THỜI GIAN|THỜI HẠN|THỜI ĐIỂM|TIẾN ĐỘ)")),
    ("result", re.compile(r"^(KẾT QUẢ|SẢN PHẨM)")),
    ("note", re.compile(r"^GHI CHÚ")),
)


def _lines(text: str) -> list[str]:
    return [norm(line) for line in text.split("\n") if norm(line)]


def _cell_texts(row: Any) -> list[str]:
    out: list[str] = []
    for cell in row.cells:
        text = "\n".join(line for p in cell.paragraphs for line in _lines(p.full_text))
        out.append(text)
        out.extend("" for _ in range(max(cell.grid_span, 1) - 1))
    return out


def _column_fields(header: list[str]) -> list[str | None]:
    fields: list[str | None] = []
    for title in header:
        key = norm(title).upper()
        found = next((name for name, pattern in _COLUMNS if pattern.search(key)), None)
        fields.append(found if found not in fields else None)
    return fields


def table_block(
    table: TableView, review: list[ReviewItem], new_id: Callable[[str], str]
) -> dict[str, Any]:
    """The plan block for ``table``: ``{tasks: …}`` for a task table, else ``{table: …}``."""
    rows = [_cell_texts(row) for row in table.rows]
    rows = [r for r in rows if any(c.strip() for c in r)]
    first_paragraph = table.paragraphs[0].index if table.paragraphs else None
    if not rows:
        return {"table": {"columns": [{"title": ""}], "rows": []}}
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    fields = _column_fields(rows[0])
    if "text" in fields and {"lead", "support", "when", "result"} & set(fields):
        return _task_table(rows, fields, first_paragraph, review, new_id)
    return {
        "table": {
            "columns": [{"title": t} for t in rows[0]],
            "rows": rows[1:],
        }
    }


def _task_table(
    rows: list[list[str]],
    fields: list[str | None],
    paragraph: int | None,
    review: list[ReviewItem],
    new_id: Callable[[str], str],
) -> dict[str, Any]:
    header = rows[0]
    tasks: list[dict[str, Any]] = []
    for row in rows[1:]:
        task: dict[str, Any] = {}
        extra: list[str] = []
        for title, name, value in zip(header, fields, row, strict=False):
            if not value:
                continue
            if name == "text":
                lines = value.split("\n")
                task["text"] = escape_rich(lines[0])
                extra += [escape_rich(re.sub(r"^[-+•]\s*", "", line)) for line in lines[1:]]
            elif name in ("lead", "when", "result"):
                task[name] = value
            elif name == "support":
                task["support"] = value
            elif name == "number":
                continue
            else:
                extra.append(escape_rich(f"{title}: {value}"))
        if "text" not in task:
            task["text"] = escape_rich(" ".join(v for v in row if v))
        task = {"id": new_id(task["text"]), **task}
        if extra:
            task["items"] = extra
        tasks.append(task)
    columns = [f for f in fields if f in ("text", "lead", "support", "when", "result")]
    review.append(
        ReviewItem(
            "table",
            "Bảng nhiệm vụ: cột nhận theo tiêu đề ({}); {} nhiệm vụ.".format(
                ", ".join(
                    f"{h} → {f or 'giữ nguyên'}" for h, f in zip(header, fields, strict=False)
                ),
                len(tasks),
            ),
            "Task table: columns taken from their headers ({}); {} tasks.".format(
                ", ".join(f"{h} → {f or 'kept'}" for h, f in zip(header, fields, strict=False)),
                len(tasks),
            ),
            "medium",
            paragraph,
            " | ".join(header),
        )
    )
    return {"tasks": {"style": "table", "columns": columns, "tasks": tasks}}
