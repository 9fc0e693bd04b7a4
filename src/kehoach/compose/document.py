"""The composed document: every text of a Party document, formatted and numbered.

Plans and reports are composed into this one shape (numbers, dates, money, section
numbering and bullets already written out by :mod:`kehoach.vi` rules); the renderer
only lays it out in DOCX. It knows nothing of DOCX itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from kehoach.profiles import FormatProfile

ParagraphRole = Literal[
    "heading1",  # I. MỤC ĐÍCH, YÊU CẦU
    "heading2",  # 1. Mục đích
    "heading3",  # 1.1. …
    "heading4",  # a) … or 2.3.1. …
    "body",  # running text, first-line indent
    "bullet1",  # "- " item
    "bullet2",  # "+ " item
    "basis",  # "- Căn cứ …;" (F-BASIS-1)
    "center",  # a centred body-size line (appendix notes)
]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph of the body. ``runs`` include its number or bullet mark."""

    role: ParagraphRole
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        """The plain text of the paragraph."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Cell:
    """A table cell."""

    text: str
    align: Literal["left", "center", "right"] = "left"
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class TableData:
    """A table: a header row (repeated on each page), body rows, optional total row."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative column widths
    unit: str | None = None  # "Đơn vị tính: đồng", right-aligned italic above the table
    caption: str | None = None  # a bold line above the table (report appendices)


Block = Para | TableData


@dataclass(frozen=True)
class PendingAppendix:
    """An appendix a block asked for (a task table placed in an appendix).

    The plan's composer numbers and labels it into an :class:`AppendixPart`.
    """

    title: str
    blocks: tuple[Block, ...]
    landscape: bool = False


@dataclass(frozen=True)
class AppendixPart:
    """An appendix on its own pages (F-APX-1/2)."""

    label: str  # "PHỤ LỤC 1" / "PHỤ BIỂU" …
    title: str  # already upper-case
    reference: str  # "(Kèm theo Kế hoạch số 29-KH/TU, ngày 15/01/2022 của …)"
    blocks: tuple[Block, ...]
    landscape: bool = False


@dataclass(frozen=True)
class ComposedDocument:
    """Everything the renderer writes, in order, with the resolved format profile."""

    profile: FormatProfile
    superior_body: str | None  # upper-case, not bold (F-ORG-2)
    issuing_body: str  # upper-case, bold
    number_line: str  # "Số 29-KH/TU" / "Số    -KH/TU"
    date_line: str  # "Sa Pa, ngày 15 tháng 01 năm 2022"
    type_name: str  # "KẾ HOẠCH"
    subject: tuple[Run, ...]
    body: tuple[Block, ...]
    recipients: tuple[str, ...]  # "- TT Tỉnh ủy;" … "- Lưu Văn phòng Thị ủy."
    signature_authority: str | None  # "T/M BAN THƯỜNG VỤ"
    signature_position: str | None  # "PHÓ BÍ THƯ THƯỜNG TRỰC"
    signer: str
    draft_label: str | None = None
    appendices: tuple[AppendixPart, ...] = ()
    title: str = ""  # core property dc:title (deterministic)
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def plain_text(self) -> list[str]:
        """Every line of the document in reading order (for tests and previews)."""
        lines = [x for x in (self.superior_body, self.issuing_body) if x]
        lines += [self.profile.star_text, self.number_line]
        if self.draft_label:
            lines.append(self.draft_label)
        lines += [self.profile.party_title_text, self.date_line, self.type_name]
        lines += ["".join(r.text for r in self.subject), self.profile.subject_separator]
        lines += _block_lines(self.body)
        lines += [self.profile.recipients_label_text, *self.recipients]
        lines += [x for x in (self.signature_authority, self.signature_position) if x]
        lines.append(self.signer)
        for appendix in self.appendices:
            lines += [appendix.label, appendix.title, appendix.reference]
            lines += _block_lines(appendix.blocks)
        return lines


def map_texts(doc: ComposedDocument, change: Callable[[str], str]) -> ComposedDocument:
    """The same document with ``change`` applied to every piece of text in it."""

    def run(r: Run) -> Run:
        return replace(r, text=change(r.text))

    def cell(c: Cell) -> Cell:
        return replace(c, text=change(c.text))

    def optional(text: str | None) -> str | None:
        return None if text is None else change(text)

    def block(b: Block) -> Block:
        if isinstance(b, Para):
            return replace(b, runs=tuple(map(run, b.runs)))
        return replace(
            b,
            header=tuple(map(cell, b.header)),
            rows=tuple(tuple(map(cell, row)) for row in b.rows),
            unit=optional(b.unit),
            caption=optional(b.caption),
        )

    def appendix(a: AppendixPart) -> AppendixPart:
        return replace(
            a,
            label=change(a.label),
            title=change(a.title),
            reference=change(a.reference),
            blocks=tuple(map(block, a.blocks)),
        )

    return replace(
        doc,
        superior_body=optional(doc.superior_body),
        issuing_body=change(doc.issuing_body),
        number_line=change(doc.number_line),
        date_line=change(doc.date_line),
        type_name=change(doc.type_name),
        subject=tuple(map(run, doc.subject)),
        body=tuple(map(block, doc.body)),
        recipients=tuple(map(change, doc.recipients)),
        signature_authority=optional(doc.signature_authority),
        signature_position=optional(doc.signature_position),
        signer=change(doc.signer),
        draft_label=optional(doc.draft_label),
        appendices=tuple(map(appendix, doc.appendices)),
        title=change(doc.title),
    )


def _block_lines(blocks: tuple[Block, ...]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            lines.append(block.text)
        else:
            if block.caption:
                lines.append(block.caption)
            if block.unit:
                lines.append(block.unit)
            for row in (block.header, *block.rows):
                lines.append(" | ".join(cell.text for cell in row))
    return lines
