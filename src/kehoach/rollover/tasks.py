"""Is a task done again every year, or once? Guessed from its words when not said."""

from __future__ import annotations

import re

# Said outright: the task recurs.
_RECURRING = re.compile(
    r"\b(định kỳ|hằng năm|hàng năm|thường xuyên|hằng tháng|hàng tháng|hằng quý|hàng quý|"
    r"mỗi năm|mỗi quý|duy trì)\b",
    re.IGNORECASE,
)
# A milestone, a contest, an event held once (sơ kết/tổng kết N năm, hội thi, cuộc thi…).
_ONE_OFF = re.compile(
    r"\b(sơ kết|tổng kết|hội thi|cuộc thi|hội thảo|kỷ niệm|kỉ niệm|đại hội|lần thứ|"
    r"\d{1,3}\s+năm\s+(?:triển khai\s+)?thực hiện|biên soạn|dự án|xây dựng chỉ thị|"
    r"ban hành chỉ thị|xây dựng đề án|ký\s+(?:\{count\}|\d+)?\s*quy chế)",
    re.IGNORECASE,
)


def guess_recurring(text: str) -> tuple[bool, str | None]:
    """Whether a task's text reads as recurring, and the words that decided it.

    "Sơ kết định kỳ …" recurs (the words "định kỳ" win over "sơ kết"); "Sơ kết 05 năm
    thực hiện Chỉ thị …", "Tổ chức 01 cuộc thi …" are one-off; a task with no telling
    word is taken as recurring, as most tasks of a yearly plan are.
    """
    said = _RECURRING.search(text)
    if said:
        return True, said.group(0)
    once = _ONE_OFF.search(text)
    if once:
        return False, once.group(0)
    return True, None
