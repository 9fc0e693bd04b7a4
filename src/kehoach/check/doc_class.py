"""Which kind of administrative document a DOCX is, read from the top of page one.

The checker must know what it is reading before it judges the format: a State
document (Nghị định 30/2020/NĐ-CP) checked against the Party format gets every
difference between the two as an error. The class is decided from the heading lines
at the very top of the document only (the first table's first rows, or the first
paragraphs), never from text deep in a long form:

- ``party``: "ĐẢNG CỘNG SẢN VIỆT NAM" (F-TITLE-1);
- ``youth-union``: "ĐOÀN TNCS HỒ CHÍ MINH" as the heading;
- ``fatherland-front``: the Quốc hiệu with an issuing body of the Mặt trận Tổ quốc;
- ``state``: the Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (NĐ 30, S-05);
- ``other``: none of these (a letter, a personal record form, any other text).

This is part of reading (it is also what Word import needs); it applies no rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from kehoach.check.findings import Msg
from kehoach.check.read.lines import norm, upper_key
from kehoach.check.read.view import Block, DocxView, ParagraphView, TableView

__all__ = ["CLASS_NAMES", "DocumentClass", "DocumentClassId", "classify", "top_lines"]

DocumentClassId = Literal["party", "state", "fatherland-front", "youth-union", "other"]

CLASS_NAMES: Final[dict[str, Msg]] = {
    "party": Msg("văn bản của Đảng", "a Party document"),
    "state": Msg(
        "văn bản hành chính Nhà nước (Nghị định 30/2020/NĐ-CP)",
        "a State administrative document (Decree 30/2020/NĐ-CP)",
    ),
    "fatherland-front": Msg(
        "văn bản của Mặt trận Tổ quốc Việt Nam", "a Vietnam Fatherland Front document"
    ),
    "youth-union": Msg(
        "văn bản của Đoàn TNCS Hồ Chí Minh", "a Hồ Chí Minh Communist Youth Union document"
    ),
    "other": Msg(
        "không phải văn bản hành chính có tiêu đề Đảng hay Quốc hiệu",
        "not an administrative document with a Party or State heading",
    ),
}

TOP_LINES: Final[int] = 10
"""How many non-empty lines from the top of page one are read to decide the class."""
TOP_TABLE_ROWS: Final[int] = 3
"""How many rows of a leading table are read (a header table has two)."""

_PARTY = upper_key("ĐẢNG CỘNG SẢN VIỆT NAM")
_STATE = upper_key("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_YOUTH = (upper_key("ĐOÀN TNCS HỒ CHÍ MINH"), upper_key("ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH"))
_PARTY_NUMBER = re.compile(r"^Số\s+[\d\s.]*-\s*[A-ZĐa-zđ]+\s*/\s*[A-ZĐ]")
_FRONT = (upper_key("MẶT TRẬN TỔ QUỐC"), upper_key("MTTQ"))


@dataclass(frozen=True)
class DocumentClass:
    """The class of a document and the heading line it was recognised by.

    Attributes:
        id: ``party``, ``state``, ``fatherland-front``, ``youth-union`` or ``other``.
        evidence: The heading line that decided it (``None`` for ``other``).
    """

    id: DocumentClassId
    evidence: str | None = None

    @property
    def name(self) -> Msg:
        """The class's name for people."""
        return CLASS_NAMES[self.id]


def _block_paragraphs(block: Block) -> list[ParagraphView]:
    if isinstance(block, ParagraphView):
        return [block]
    out: list[ParagraphView] = []
    for row in block.rows[:TOP_TABLE_ROWS]:
        for cell in row.cells:
            out.extend(cell.paragraphs)
    return out


def top_lines(view: DocxView, limit: int = TOP_LINES) -> list[str]:
    """The first ``limit`` non-empty lines of page one, each normalised.

    A leading table counts with its first rows only (its later rows are a form's body).
    """
    lines: list[str] = []
    for block in view.blocks:
        for paragraph in _block_paragraphs(block):
            for text in paragraph.text.replace("\t", "\n").split("\n"):
                text = norm(text)
                if text:
                    lines.append(text)
                if len(lines) >= limit:
                    return lines
        if isinstance(block, TableView) and lines:
            # A header table is the whole header: do not read into the text below it.
            return lines
    return lines


def classify(view: DocxView) -> DocumentClass:
    """The class of ``view``, decided from its top lines."""
    lines = top_lines(view)
    keys = [upper_key(line) for line in lines]
    for line, key in zip(lines, keys, strict=True):
        if _PARTY in key:
            return DocumentClass("party", line)
    for line, key in zip(lines, keys, strict=True):
        if key.startswith(_YOUTH):
            return DocumentClass("youth-union", line)
    state = next((line for line, key in zip(lines, keys, strict=True) if _STATE in key), None)
    if state is not None:
        front = next(
            (line for line, key in zip(lines, keys, strict=True) if any(f in key for f in _FRONT)),
            None,
        )
        if front is not None:
            return DocumentClass("fatherland-front", front)
        return DocumentClass("state", state)
    # A Party document that lost its heading still shows the Party star or number form
    # (F-STAR-1, F-NUM-1 "Số 29-KH/TU"); it is checked, and its missing title reported.
    for line in lines:
        if line in ("*", "***", "* * *") or _PARTY_NUMBER.match(line):
            return DocumentClass("party", line)
    return DocumentClass("other")
