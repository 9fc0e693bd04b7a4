"""Rules that need the laid-out pages (``kehoach check --layout``): page numbers shown
from page 2 and not on page 1 (F-PAGENUM-1/2), each appendix numbered on its own
(F-PAGENUM-4), a table total alone at the top of a page (F-APX-5).

The pages come from :func:`kehoach.check.read.layout.laid_out_pages` (text lines per page).
A page number is a line holding only digits at the very top or bottom of a page.
"""

from __future__ import annotations

import re

from kehoach.check.findings import Location, Msg
from kehoach.check.rules.collect import Collector

__all__ = ["check_layout", "shown_number"]

_DIGITS = re.compile(r"^\d{1,4}$")
_APPENDIX = re.compile(r"^(PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)(\s|$)")
_TOTAL = re.compile(r"^(TỔNG CỘNG|Tổng cộng|Cộng|CỘNG)\b")
_APPENDIX_LINES = 4  # an appendix starts with its label among a page's first lines


def shown_number(page: list[str]) -> int | None:
    """The page number printed on ``page`` (its first or last line, digits only)."""
    for line in (page[:1] + page[-1:]) if page else []:
        if _DIGITS.match(line):
            return int(line)
    return None


def _content(page: list[str]) -> list[str]:
    """The page's lines without its page number."""
    if page and _DIGITS.match(page[0]):
        page = page[1:]
    if page and _DIGITS.match(page[-1]):
        page = page[:-1]
    return page


def _at(page: int) -> Location:
    return Location(part="document", element="page", quote=f"trang {page}")


def check_layout(pages: list[list[str]], col: Collector) -> None:
    """The page rules on the laid-out ``pages`` (page 1 first)."""
    numbers = [shown_number(page) for page in pages]
    if numbers and numbers[0] is not None:
        col.add(
            "F-PAGENUM-2", _at(1),
            Msg("không đánh số trang đầu", "no page number on page 1"),
            Msg(f"trang đầu in số {numbers[0]}", f"page 1 shows the number {numbers[0]}"),
            Msg("Chọn “Different First Page” và để trống đầu/chân trang của trang đầu.",
                "Tick “Different First Page” and leave page 1's header and footer empty."),
        )  # fmt: skip
    starts = [i for i, page in enumerate(pages) if i > 0 and _starts_appendix(page)]
    for index in starts:
        following = index + 1
        if following >= len(pages) or following in starts:
            continue
        shown = numbers[following]
        if shown is not None and shown == following + 1 and shown != 2:
            col.add(
                "F-PAGENUM-4", _at(following + 1),
                Msg("phụ lục đánh số trang riêng (trang 2 của phụ lục in số 2)",
                    "the appendix numbered on its own (its page 2 shows 2)"),
                Msg(f"phụ lục tiếp số trang của văn bản ({shown})",
                    f"the appendix continues the document's numbering ({shown})"),
                Msg("Đặt phụ lục ở phần (section) mới: Page Number → Format → Start at 1.",
                    "Put the appendix in a new section: Page Number → Format → Start at 1."),
            )  # fmt: skip
    for index, page in enumerate(pages[1:], start=2):
        content = _content(page)
        if content and _TOTAL.match(content[0]):
            col.add(
                "F-APX-5", _at(index),
                Msg("dòng tổng cộng cùng trang với bảng",
                    "the total on the same page as its table"),
                Msg("dòng “Tổng cộng” đứng riêng đầu trang",
                    "the “Tổng cộng” row alone at the top"),
                Msg("Giữ các dòng cuối của bảng cùng trang (Table Properties → Row → bỏ “Allow "
                    "row to break across pages”, hoặc chuyển bảng sang trang mới).",
                    "Keep the table's last rows together (or move the table to a new page)."),
                "warning",
            )  # fmt: skip


def _starts_appendix(page: list[str]) -> bool:
    return any(_APPENDIX.match(line) for line in _content(page)[:_APPENDIX_LINES])
