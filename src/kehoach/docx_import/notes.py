"""Review notes that are not guesses about structure: formatting kehoach will not
reproduce (colours, fonts other than Times New Roman, highlighted words) and the
citations recognised in the opening lines."""

from __future__ import annotations

import re

from kehoach.check.read import ParagraphView
from kehoach.check.read.lines import norm
from kehoach.docx_import.review import ReviewItem

__all__ = ["citation_notes", "format_notes"]

_PLAIN_COLOURS = {None, "auto", "000000"}
_BODY_FONT = "Times New Roman"
_CITATION = re.compile(r"^(?P<lead>Căn cứ|Thực hiện|Thi hành|Theo)\s+(?P<what>.+)$", re.IGNORECASE)
_DOCUMENT = re.compile(
    r"(?P<type>Luật|Nghị quyết|Nghị định|Chỉ thị|Kế hoạch|Hướng dẫn|Quyết định|Thông tri|"
    r"Thông tư|Kết luận|Quy định|Đề án|Công văn|Thông báo|Chương trình|Điều lệ)"
    r"(?:\s+(?:số\s+)?(?P<number>\d+[\w/.\-]*[A-ZĐ][\w/.\-]*))?"
    r"(?:,?\s*ngày\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}))?"
)


def format_notes(paragraphs: tuple[ParagraphView, ...]) -> list[ReviewItem]:
    """One note per colour and per font that kehoach will not reproduce (first place seen)."""
    seen: dict[tuple[str, str], tuple[int, str]] = {}
    for paragraph in paragraphs:
        for run in paragraph.visible_runs:
            if run.color not in _PLAIN_COLOURS:
                seen.setdefault(("color", str(run.color)), (paragraph.index, run.text))
            font = run.font_ascii or run.font_hansi
            if font and not font.startswith(_BODY_FONT):
                seen.setdefault(("font", font), (paragraph.index, run.text))
    notes: list[ReviewItem] = []
    for (kind, value), (index, text) in seen.items():
        if kind == "color":
            vi = f"Chữ màu {value}: kehoach trình bày chữ đen theo thể thức, không giữ màu."
            en = f"Text in colour {value}: kehoach prints black text as the format requires."
        else:
            vi = f"Phông chữ {value}: kehoach trình bày bằng {_BODY_FONT} theo thể thức (F-FONT-1)."
            en = f"Font {value}: kehoach uses {_BODY_FONT} as the format requires (F-FONT-1)."
        notes.append(ReviewItem("format", vi, en, "high", index, text))
    return notes


def citation_notes(paragraphs: list[tuple[int, str]]) -> list[ReviewItem]:
    """The documents cited by "Căn cứ …"/"Thực hiện …" opening lines (kept as written)."""
    notes: list[ReviewItem] = []
    for index, text in paragraphs:
        match = _CITATION.match(norm(text))
        if match is None:
            continue
        cited = [m for m in _DOCUMENT.finditer(match.group("what")) if m.group("number")]
        if not cited:
            continue
        names = "; ".join(
            " ".join(x for x in (m.group("type"), m.group("number"), m.group("date")) if x)
            for m in cited
        )
        notes.append(
            ReviewItem(
                "citation",
                f"Căn cứ nhận ra ({len(cited)} văn bản: {names}); giữ nguyên câu chữ như"
                " văn bản gốc.",
                f"Basis recognised ({len(cited)} documents: {names}); kept word for word.",
                "high",
                index,
                text,
            )
        )
    return notes
