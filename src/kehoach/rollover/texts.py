"""Places in plan data: reading and writing a path, and naming the place in words.

The plan is handled as plain data (``Plan.model_dump()``; its texts are found by
:func:`kehoach.model.data.iter_free_text`), so a path here is the path a person sees
in the YAML file ("content.tasks.quarters[0].tasks[7].text") and the same path can be
written back before the data is validated again.
"""

from __future__ import annotations

import re
from typing import Any

from kehoach.model.data import Path
from kehoach.vi import roman


def parse_path(text: str) -> Path:
    """The parts of "content.tasks.quarters[0].tasks[7].text".

    The inverse of :func:`kehoach.loader.format_path`, which writes the review paths.
    """
    parts: list[str | int] = []
    for piece in re.findall(r"[^.\[\]]+|\[\d+\]", text):
        parts.append(int(piece[1:-1]) if piece.startswith("[") else piece)
    return tuple(parts)


def get_at(data: Any, path: Path) -> Any:
    """The value at ``path``."""
    for part in path:
        data = data[part]
    return data


def set_at(data: Any, path: Path, value: Any) -> None:
    """Replace the value at ``path`` (the data is changed in place)."""
    get_at(data, path[:-1])[path[-1]] = value


_WORDS: dict[str, tuple[str, str]] = {
    "header": ("Tiêu đề văn bản", "Header"),
    "title": ("Tên loại, trích yếu", "Title"),
    "subject": ("trích yếu", "subject"),
    "opening": ("Mở đầu", "Opening"),
    "basis": ("căn cứ", "basis"),
    "paragraphs": ("đoạn", "paragraph"),
    "purposes": ("Mục đích, yêu cầu", "Purposes"),
    "purpose": ("mục đích", "purpose"),
    "requirements": ("yêu cầu", "requirements"),
    "content": ("Nội dung", "Content"),
    "objectives": ("Mục tiêu", "Objectives"),
    "solutions": ("Giải pháp", "Solutions"),
    "areas": ("lĩnh vực", "area"),
    "intro": ("đoạn mở đầu", "introduction"),
    "extra": ("mục khác", "other part"),
    "quarters": ("Quý", "Quarter"),
    "organization": ("Tổ chức thực hiện", "Organisation"),
    "budget": ("Kinh phí", "Budget"),
    "notes": ("ghi chú", "note"),
    "sources": ("nguồn", "source"),
    "lines": ("dòng phụ biểu", "budget line"),
    "reporting": ("Chế độ báo cáo", "Reporting"),
    "other_sections": ("Mục lớn khác", "Other section"),
    "closing": ("Đoạn kết", "Closing"),
    "recipients": ("Nơi nhận", "Recipients"),
    "items": ("ý", "item"),
    "signature": ("Chữ ký", "Signature"),
    "appendices": ("Phụ lục", "Appendix"),
    "targets": ("chỉ tiêu", "target"),
    "table": ("bảng", "table"),
    "rows": ("dòng", "row"),
    "total": ("dòng tổng", "total row"),
    "parts": ("phần", "part"),
    "sections": ("mục", "section"),
    "groups": ("nhóm", "group"),
}

# Fields whose names say more than the generic word (the last part of a path).
_FIELDS: dict[str, tuple[str, str]] = {
    "text": ("", ""),
    "bullet": ("", ""),
    "section": ("tiêu đề mục", "heading"),
    "label": ("tên chỉ tiêu", "label"),
    "unit": ("đơn vị tính", "unit"),
    "qualifier": ("từ đứng trước", "qualifier"),
    "name": ("tên", "name"),
    "note": ("ghi chú", "note"),
    "lead": ("chủ trì", "lead"),
    "support": ("phối hợp", "support"),
    "due": ("thời hạn", "due date"),
    "when": ("thời gian", "time"),
    "result": ("kết quả", "result"),
    "year_label": ("nhãn nhu cầu năm", "year label"),
    "year_amount": ("nhu cầu kinh phí năm", "amount for the year"),
    "total_label": ("nhãn tổng kinh phí", "total label"),
    "appendix_title": ("tên phụ biểu", "appendix title"),
    "number": ("số, ký hiệu", "number"),
    "filing": ("nơi lưu", "filing"),
    "signer": ("người ký", "signer"),
    "issuing_body": ("cơ quan ban hành", "issuing body"),
    "superior_body": ("cơ quan cấp trên", "superior body"),
    "place": ("địa danh", "place"),
    "position": ("chức vụ", "position"),
    "on_behalf_of": ("thay mặt", "on behalf of"),
}


def describe(path: Path, data: Any, lang: str = "vi") -> str:
    """Where ``path`` is, in words: "Nội dung › Quý I › nhiệm vụ q1-ban-hanh-chuong-trinh"."""
    en = lang == "en"
    parts: list[str] = []
    node = data
    previous: str | int | None = None
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(part, int):
            node = node[part]
            item_id = node.get("id") if isinstance(node, dict) else None
            if isinstance(previous, int):  # a table cell in a row
                parts[-1] = f"{parts[-1]}, {'cell' if en else 'ô'} {part + 1}"
            elif previous == "quarters" and isinstance(node, dict):
                parts[-1] = f"{parts[-1]} {roman(node['quarter'])}"
            elif previous in ("sections", "parts") and isinstance(node, dict) and node.get("title"):
                title = " ".join(str(node["title"]).split())
                title = title if len(title) <= 40 else f"{title[:39]}…"
                parts[-1] = f"{parts[-1]} “{title}”"
            elif previous == "tasks" and item_id:
                parts[-1] = f"{'task' if en else 'nhiệm vụ'} {item_id}"
            elif item_id:
                parts[-1] = f"{parts[-1]} {item_id}"
            elif parts:
                parts[-1] = f"{parts[-1]} {part + 1}"
        else:
            node = node[part] if isinstance(node, dict) else node
            if last and part in _FIELDS:
                word = _FIELDS[part][1 if en else 0]
            elif (
                part == "tasks"
                and isinstance(previous, int)
                and not last
                and isinstance(path[i + 1], str)
            ):
                word = ""  # a v2 tasks block ("content[1].tasks.tasks"): "ý 2" names it
            elif part == "tasks" and previous == "content":
                word = "Specific tasks" if en else "Nhiệm vụ cụ thể"
            elif part == "tasks":
                word = "task" if en else "nhiệm vụ"
            elif part in ("title", "content") and i > 0:
                word = {"title": ("tiêu đề", "heading"), "content": ("ý", "item")}[part][en]
            else:
                word = _WORDS.get(part, (part, part))[1 if en else 0]
            if word:
                parts.append(word)
        previous = part
    return " › ".join(parts)
