"""Targets from sentences that state a figure and a unit ("tổ chức **04** hội nghị").

A figure in bold followed by a unit is how kehoach writes a target, and how careful
writers mark one: it becomes a target (listed in the review). A figure not in bold with a
known unit ("tổ chức 04 hội nghị") is only proposed in the review — the plan keeps the
words, nothing is invented. A target is made only where rendering it gives back the same
words: the figure written as kehoach writes counts (``05``, ``12``; :func:`kehoach.vi.count`).
"""

from __future__ import annotations

import re
from typing import Any

from kehoach.docx_import.review import ReviewItem
from kehoach.docx_import.tasks import IdMaker
from kehoach.vi import count

__all__ = ["propose_targets"]

# Units of measurable targets in Party and Front plans, longest first.
UNITS = sorted(
    (
        "hội nghị",
        "cuộc kiểm tra",
        "cuộc giám sát",
        "cuộc thi",
        "cuộc",
        "lớp tập huấn",
        "lớp bồi dưỡng",
        "lớp",
        "buổi",
        "bài viết",
        "tin, bài",
        "tin bài",
        "bài",
        "lượt",
        "đợt",
        "cuốn sách",
        "cuốn",
        "hướng dẫn",
        "chỉ thị",
        "nghị quyết",
        "kế hoạch",
        "hội thi",
        "hội thảo",
        "chương trình",
        "chuyên đề",
        "đoàn kiểm tra",
        "đoàn giám sát",
        "quy chế",
        "văn bản",
        "báo cáo",
        "mô hình",
        "đảng viên",
        "chi bộ",
        "hội nghị tập huấn",
        "trang tuyên truyền",
        "trang thông tin",
        "thôn",
        "tổ dân phố",
        "xã",
        "hộ",
        "tập thể",
        "cá nhân",
        "đơn vị",
        "đồng chí",
        "lượt người",
    ),
    key=len,
    reverse=True,
)
_QUALIFIERS = ("ít nhất", "tối thiểu", "trên", "đạt")
_FIGURE = re.compile(
    r"(?:(?P<q>" + "|".join(_QUALIFIERS) + r")\s+)?"
    r"(?:\*\*(?P<bn>\d{1,3}(?:\.\d{3})*)(?P<bp>%)?\*\*|(?P<n>\d{1,3}(?:\.\d{3})*)(?P<p>%)?)",
    re.IGNORECASE,
)
_UNIT = re.compile(r"\s+(" + "|".join(re.escape(u) for u in UNITS) + r")\b", re.IGNORECASE)
_FREE_UNIT = re.compile(r"\s+([^\W\d_]+)")  # an unknown unit: one word (review it)
_KEYS = ("bullet", "numbered", "text")
_CITED = re.compile(r"\b(Điều|khoản|điểm|số|Mẫu|mục|Phần|Chương|lần thứ)\s*$", re.IGNORECASE)


def _propose(text: str, ids: IdMaker, review: list[ReviewItem]) -> tuple[str, list[dict[str, Any]]]:
    targets: list[dict[str, Any]] = []
    out: list[str] = []
    position = 0
    for match in _FIGURE.finditer(text):
        if match.start() < position:
            continue
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in "/.,-" or _CITED.search(text[: match.start()]):
            continue  # part of a date, a number, a document symbol or "Điều 4"
        bold = match.group("bn") is not None
        written = match.group("bn") or match.group("n")
        end = match.end()
        if match.group("bp") or match.group("p"):
            unit = "%"
        else:
            found = _UNIT.match(text, end) or (_FREE_UNIT.match(text, end) if bold else None)
            if found is None:
                continue
            unit, end = found.group(1), found.end()
        quantity = int(written.replace(".", ""))
        shown = (text[match.start() : end]).replace("**", "")
        if not bold:
            review.append(
                ReviewItem(
                    "target",
                    f"Có thể là chỉ tiêu: «{shown}» — nếu cần theo dõi, đặt"
                    " {mã} vào câu và khai báo chỉ tiêu (kehoach không tự đặt).",
                    f"Possibly a target: «{shown}» — to track it, put {{id}} in the"
                    " sentence and declare the target (kehoach did not make it one).",
                    "medium",
                    quote=shown,
                )
            )
            continue
        if count(quantity) != written:
            review.append(
                ReviewItem(
                    "target",
                    f"Số liệu «{written} {unit}» không viết theo cách kehoach viết"
                    f" ({count(quantity)}): chưa đặt làm chỉ tiêu, giữ nguyên chữ.",
                    f"Figure «{written} {unit}» is not written as kehoach writes it"
                    f" ({count(quantity)}): not made a target, text kept.",
                    "medium",
                    quote=shown,
                )
            )
            continue
        target: dict[str, Any] = {
            "id": ids(unit if unit != "%" else "ty-le", prefix="ct"),
            "quantity": quantity,
            "unit": unit,
        }
        if match.group("q"):
            target["qualifier"] = match.group("q")
        targets.append(target)
        out.append(text[position : match.start()] + "{" + target["id"] + "}")
        position = end
        review.append(
            ReviewItem(
                "target",
                f"Chỉ tiêu {target['id']}: {quantity} {unit} (con số in đậm) — kiểm tra đây có"
                " phải chỉ tiêu cần theo dõi không (nếu không, xoá chỉ tiêu và trả lại chữ).",
                f"Target {target['id']}: {quantity} {unit} (figure in bold) — check it is a"
                " target to track (if not, remove it and put the words back).",
                "medium",
                quote=shown,
            )
        )
    out.append(text[position:])
    return "".join(out), targets


def propose_targets(blocks: list[Any], ids: IdMaker, review: list[ReviewItem]) -> list[Any]:
    """``blocks`` with proposed targets placed in paragraphs, bullets and numbered lines."""
    result: list[Any] = []
    for block in blocks:
        if isinstance(block, str):
            text, targets = _propose(block, ids, review)
            result.append({"text": text, "targets": targets} if targets else block)
        elif isinstance(block, dict) and "section" in block:
            result.append({**block, "content": propose_targets(block["content"], ids, review)})
        elif isinstance(block, dict) and any(isinstance(block.get(k), str) for k in _KEYS):
            key = next(k for k in _KEYS if isinstance(block.get(k), str))
            text, targets = _propose(block[key], ids, review)
            result.append({**block, key: text, "targets": targets} if targets else block)
        else:
            result.append(block)
    return result
