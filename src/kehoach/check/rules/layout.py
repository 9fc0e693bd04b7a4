"""Rules that need the laid-out pages (``kehoach check --layout``): page numbers shown
from page 2 and not on page 1 (F-PAGENUM-1/2), each appendix numbered on its own
(F-PAGENUM-4), a table total alone at the top of a page (F-APX-5), the length of the
line under the title (F-TITLE-3) and the room left for the signature (F-SIGN-7).

The pages come from :func:`kehoach.check.read.layout.laid_out_pages` (text lines, their
boxes and page 1's drawn lines). A page number is a line holding only digits at the very
top or bottom of a page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kehoach.check.findings import Location, Msg
from kehoach.check.read.layout import HRule, LaidOutPage, TextBox
from kehoach.check.read.lines import Line, upper_key
from kehoach.check.read.parts import DocumentParts
from kehoach.check.rules.collect import Collector
from kehoach.profiles import FormatProfile

__all__ = ["check_layout", "check_signature_room", "check_title_rule", "shown_number"]

_DIGITS = re.compile(r"^\d{1,4}$")
_APPENDIX = re.compile(r"^(PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)(\s|$)")
_TOTAL = re.compile(r"^(TỔNG CỘNG|Tổng cộng|Cộng|CỘNG)\b")
_APPENDIX_LINES = 4  # an appendix starts with its label among a page's first lines
_HEADER_LINES = 12  # at most this many lines of repeated table header rows are passed over


def shown_number(page: Sequence[str]) -> int | None:
    """The page number printed on ``page`` (its first or last line, digits only)."""
    for line in (page[0], page[-1]) if page else ():
        if _DIGITS.match(line):
            return int(line)
    return None


def _content(page: Sequence[str]) -> Sequence[str]:
    """The page's lines without its page number."""
    if page and _DIGITS.match(page[0]):
        page = page[1:]
    if page and _DIGITS.match(page[-1]):
        page = page[:-1]
    return page


def _at(page: int) -> Location:
    return Location(part="document", element="page", quote=f"trang {page}")


def check_layout(
    pages: Sequence[Sequence[str]], col: Collector, header_rows: Sequence[str] = ()
) -> None:
    """The page rules on the laid-out ``pages`` (page 1 first).

    ``header_rows`` are the texts of the table rows repeated at the top of each page
    (``w:tblHeader``): a total row under such a repeated header is still alone.
    """
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
    repeated = _words(header_rows)
    for index, page in enumerate(pages[1:], start=2):
        content = _after_repeated_header(_content(page), repeated)
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


def _words(texts: Sequence[str]) -> frozenset[str]:
    """The words of ``texts``, each compared without case and tone placement."""
    return frozenset(upper_key(word) for text in texts for word in text.split())


def _after_repeated_header(lines: Sequence[str], header_words: frozenset[str]) -> Sequence[str]:
    """``lines`` without the repeated header rows at their top: the leading lines made
    only of words of those rows (a total line is never taken for one)."""
    start = 0
    while (
        start < min(len(lines), _HEADER_LINES)
        and not _TOTAL.match(lines[start])
        and _words([lines[start]]) <= header_words
    ):
        start += 1
    return lines[start:]


def _starts_appendix(page: Sequence[str]) -> bool:
    return any(_APPENDIX.match(line) for line in _content(page)[:_APPENDIX_LINES])


# A typed line of underscores or dashes drawn under the title.
_TYPED_RULE = re.compile(r"^[_\-–—]{5,}$")
# How far below the title's box its line may be (a border sits a few points lower).
_RULE_BELOW_PT = 12.0


def check_title_rule(
    parts: DocumentParts, profile: FormatProfile, page: LaidOutPage, col: Collector
) -> None:
    """F-TITLE-3 on page 1: the line under the Party title is as long as the title
    (± ``profile.title_rule_tolerance``)."""
    title = parts.party_title
    if title is None or not parts.title_rule:
        return  # no title, or no line at all: reported without the layout
    box = _find_box(page.boxes, title)
    rule = _rule_under(box, page) if box is not None else None
    if box is None or rule is None:
        col.evaluated("F-TITLE-3")  # replace the "needs the layout" reason
        col.skip(
            "F-TITLE-3",
            Msg("không tìm thấy tiêu đề hoặc đường kẻ dưới tiêu đề trên trang đã dàn",
                "the title or its line was not found on the laid-out page"),
        )  # fmt: skip
        return
    col.evaluated("F-TITLE-3")
    width = box.x1 - box.x0
    ratio = rule.length / width if width else 0.0
    if abs(ratio - 1) <= profile.title_rule_tolerance:
        return
    col.at_paragraph(
        "F-TITLE-3", title, "party_title",
        Msg(f"đường kẻ dài bằng tiêu đề ({_mm(width)} mm, "
            f"±{profile.title_rule_tolerance:.0%})",
            f"a line as long as the title ({_mm(width)} mm, "
            f"±{profile.title_rule_tolerance:.0%})"),
        Msg(f"đường kẻ dài {_mm(rule.length)} mm ({ratio:.0%} tiêu đề)",
            f"the line is {_mm(rule.length)} mm ({ratio:.0%} of the title)"),
        Msg(f"Kéo đường kẻ dưới tiêu đề cho dài bằng dòng “{profile.party_title_text}” "
            "(hoặc gạch chân chính dòng tiêu đề).",
            "Make the line under the title as long as the title (or underline the title)."),
    )  # fmt: skip


def check_signature_room(
    parts: DocumentParts, profile: FormatProfile, pages: Sequence[LaidOutPage], col: Collector
) -> None:
    """F-SIGN-7: between the signature's last title line and the signer's name, room for
    ``profile.signature_blank_lines`` empty lines of the body size."""
    lines = [ln for ln in parts.signature if any(c.isalpha() for c in ln.text)]
    signer = next(
        (ln for ln in reversed(lines) if not ln.upper and not ln.text.startswith("(")), None
    )
    if signer is None or signer is lines[0]:
        return  # no signer or nothing above it: reported (or skipped) without the layout
    for page in reversed(pages):
        name = _find_box(page.boxes, signer, last=True)
        if name is None:
            continue
        above = [
            b for b in page.boxes
            if b.y1 <= name.y0 + 1 and b.x0 < name.x1 and name.x0 < b.x1 and b.text.strip()
        ]  # fmt: skip
        if not above:
            break
        room = name.y0 - max(b.y1 for b in above)
        wanted = profile.signature_blank_lines * profile.body.size_pt
        col.evaluated("F-SIGN-7")
        if room + 0.5 < wanted:
            lines_left = room / profile.body.size_pt
            col.at_paragraph(
                "F-SIGN-7", signer, "signature",
                Msg(f"khoảng trống để ký ≥ {profile.signature_blank_lines} dòng trống "
                    f"cỡ {profile.body.size_pt:g} ({_mm(wanted)} mm)",
                    f"room to sign ≥ {profile.signature_blank_lines} empty lines of "
                    f"{profile.body.size_pt:g} pt ({_mm(wanted)} mm)"),
                Msg(f"còn {_mm(room)} mm (≈ {lines_left:.1f} dòng)",
                    f"{_mm(room)} mm left (≈ {lines_left:.1f} lines)"),
                Msg(f"Để {profile.signature_blank_lines} dòng trống giữa chức vụ và họ tên "
                    "người ký.",
                    f"Leave {profile.signature_blank_lines} empty lines between the title "
                    "and the signer's name."),
                "warning",
            )  # fmt: skip
        return
    col.evaluated("F-SIGN-7")  # replace the "needs the layout" reason
    col.skip(
        "F-SIGN-7",
        Msg("không tìm thấy họ tên người ký trên trang đã dàn",
            "the signer's name was not found on the laid-out pages"),
    )  # fmt: skip


def _find_box(boxes: Sequence[TextBox], line: Line, *, last: bool = False) -> TextBox | None:
    """The laid-out box showing ``line``'s text (the last one with ``last``)."""
    key = upper_key(line.text)
    found = [box for box in boxes if upper_key(box.text) == key]
    if not found:
        return None
    return found[-1] if last else found[0]


def _rule_under(title: TextBox, page: LaidOutPage) -> HRule | None:
    """The drawn (or typed) line just under the title box, overlapping it."""
    middle = (title.y0 + title.y1) / 2
    candidates = [
        rule for rule in page.rules
        if middle < rule.y <= title.y1 + _RULE_BELOW_PT
        and rule.x0 < title.x1 and title.x0 < rule.x1
    ]  # fmt: skip
    typed = [
        HRule(box.x0, box.x1, (box.y0 + box.y1) / 2) for box in page.boxes
        if _TYPED_RULE.match(box.text.replace(" ", ""))
        and title.y1 - 1 <= box.y0 <= title.y1 + _RULE_BELOW_PT
        and box.x0 < title.x1 and title.x0 < box.x1
    ]  # fmt: skip
    found = candidates + typed
    return min(found, key=lambda rule: abs(rule.y - title.y1)) if found else None


def _mm(points: float) -> str:
    return f"{points * 25.4 / 72:.0f}"
