"""``import_docx``: a Word plan → plan data (the v2 shape of model-v2) and a review list."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from kehoach.check.read import DocxView, ParagraphView, TableView
from kehoach.check.read.lines import norm
from kehoach.docx_import.body import append_block, build_sections, paragraph_block
from kehoach.docx_import.complete import complete_plan
from kehoach.docx_import.frame import Frame, read_frame
from kehoach.docx_import.money import money_notes
from kehoach.docx_import.names import sentence_case_names
from kehoach.docx_import.notes import citation_notes, format_notes
from kehoach.docx_import.review import ReviewItem
from kehoach.docx_import.source import DocxImportError, load_view
from kehoach.docx_import.tables import table_block
from kehoach.docx_import.targets import propose_targets
from kehoach.docx_import.tasks import IdMaker, find_tasks
from kehoach.docx_import.text import escape_rich, rich_text

__all__ = ["ImportResult", "import_docx", "import_view"]

_CLOSING = re.compile(r"^(Trên đây là|Nhận được (kế hoạch|văn bản) này)", re.IGNORECASE)
_APPENDIX = re.compile(r"^(PHỤ LỤC|PHỤ BIỂU)\b", re.IGNORECASE)
_LEVELS = ("roman", "arabic", "decimal", "decimal3", "letter")


@dataclass
class ImportResult:
    """What import made of one Word file.

    Attributes:
        plan: The plan data (a mapping in the v2 plan-file shape, ready for YAML).
        review: The guesses to check (:class:`ReviewItem`).
        source: The file name (or ``"<bytes>"``).
        header_class: Whose header the document has: ``party`` (ĐẢNG CỘNG SẢN VIỆT NAM),
            ``state`` (Quốc hiệu), ``mttq`` (Fatherland Front) or ``doan`` (Youth Union).
    """

    plan: dict[str, Any]
    review: list[ReviewItem] = field(default_factory=list)
    source: str = "<bytes>"
    header_class: str = "party"

    def low_confidence(self) -> list[ReviewItem]:
        """The guesses ``--strict`` refuses."""
        return [item for item in self.review if item.confidence == "low"]


def import_docx(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    keep_capitals: bool = False,
) -> ImportResult:
    """Import a Word plan (.docx; .doc/.odt/.rtf through LibreOffice).

    Names typed in capitals in the header and signature ("ĐẢNG ỦY XÃ BẢN HỒ") are
    written in sentence case, each change a review item (render prints them in capitals
    again); ``keep_capitals`` keeps them as typed.

    Raises:
        DocxImportError: The file is not a readable Word document, has no body, or needs
            LibreOffice and it is missing.
    """
    label = name or (os.fspath(source) if not isinstance(source, bytes | bytearray) else "<bytes>")
    view = load_view(source, label)
    return import_view(view, name=label, keep_capitals=keep_capitals)


def import_view(
    view: DocxView, *, name: str = "<bytes>", keep_capitals: bool = False
) -> ImportResult:
    """Import an already read document view (``name`` is used in messages)."""
    if not any(norm(p.full_text) for p in view.paragraphs):
        raise DocxImportError(
            name,
            "văn bản không có nội dung nào để nhập.",
            "the document has no text to import.",
        )
    frame = read_frame(view)
    review = frame.review
    ids = IdMaker()
    blocks = list(view.blocks)
    body = blocks[frame.body_start : frame.body_end]
    body, closing = _split_closing(body)

    def table(t: TableView) -> dict[str, Any]:
        return table_block(t, review, ids)

    opening, sections, order = build_sections(body, table, review)
    review.extend(
        citation_notes(
            [(p.index, p.full_text) for p in body if isinstance(p, ParagraphView)][: len(opening)]
        )
    )
    review.extend(format_notes(view.paragraphs))
    review.extend(money_notes(view.paragraphs))
    sections = [
        {**s, "content": propose_targets(find_tasks(s["content"], ids, review), ids, review)}
        for s in sections
    ]
    plan: dict[str, Any] = {"version": 2}
    if frame.header.get("date"):
        plan["year"] = frame.header["date"]["year"]
    plan["header"] = frame.header
    plan["title"] = frame.title
    if opening:
        plan["opening"] = {"paragraphs": opening}
    levels = [kind for kind in order if kind in _LEVELS]
    plan["numbering"] = {"parts": "part" in order, "levels": levels}  # completed later
    if order and order[0] == "part":
        plan["parts"] = [{"title": s["title"], "sections": _sections_of(s)} for s in sections]
    else:
        plan["sections"] = sections
    closing_blocks = [_closing_block(item, review, ids) for item in closing]
    if closing_blocks:
        plan["closing"] = [b for b in closing_blocks if b]
    if frame.signature is not None:
        plan["signature"] = frame.signature
    if frame.recipients is not None:
        plan["recipients"] = frame.recipients
    appendices = _appendices(blocks[frame.appendix_start :], review, ids)
    leftovers = _leftovers(blocks[frame.body_end : frame.appendix_start], frame, review, ids)
    if leftovers:
        plan.setdefault("closing", []).extend(leftovers)
    if appendices:
        plan["appendices"] = appendices
    if not keep_capitals:
        sentence_case_names(plan, review)
    plan = complete_plan(plan, frame.header_class, review, name)
    return ImportResult(plan, review, source=name, header_class=frame.header_class)


def _sections_of(part: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for block in part["content"]:
        if isinstance(block, dict) and "section" in block:
            out.append({"title": block["section"], "content": block["content"]})
        elif out:
            out[-1]["content"].append(block)
        else:
            out.append({"title": "", "content": [block]})
    return out


def _split_closing(
    body: list[ParagraphView | TableView],
) -> tuple[list[ParagraphView | TableView], list[ParagraphView | TableView]]:
    """The body proper and the closing paragraphs from "Trên đây là …" on."""
    for index, item in enumerate(body):
        if isinstance(item, ParagraphView) and _CLOSING.match(norm(item.full_text)):
            return body[:index], body[index:]
    return body, []


def _closing_block(item: ParagraphView | TableView, review: list[ReviewItem], ids: IdMaker) -> Any:
    if isinstance(item, TableView):
        return table_block(item, review, ids)
    if not norm(item.full_text):
        return None
    return paragraph_block(item, review)


def _leftovers(
    blocks: list[ParagraphView | TableView],
    frame: Frame,
    review: list[ReviewItem],
    ids: IdMaker,
) -> list[Any]:
    """What lies around the signature and Nơi nhận but is neither: kept as closing blocks."""
    out: list[Any] = [escape_rich(text) for text in frame.closing_extra]
    if out:
        review.append(
            ReviewItem(
                "signature",
                "Các dòng cạnh chữ ký không phải chữ ký hay nơi nhận: giữ làm đoạn kết.",
                "Lines beside the signature that are neither signature nor recipients: kept"
                " as closing paragraphs.",
                "low",
                quote=" / ".join(frame.closing_extra),
            )
        )
    closing_table = frame.closing_table
    for block in blocks:
        if isinstance(block, TableView) and block is not closing_table:
            out.append(table_block(block, review, ids))
    return out


def _appendices(
    blocks: list[ParagraphView | TableView], review: list[ReviewItem], ids: IdMaker
) -> list[dict[str, Any]]:
    appendices: list[dict[str, Any]] = []
    for block in blocks:
        if isinstance(block, ParagraphView):
            text = norm(block.full_text)
            if not text:
                continue
            if _APPENDIX.match(text):
                appendices.append({"title": text, "content": []})
                continue
            if not appendices:
                appendices.append({"title": "Phụ lục", "content": []})
            content = appendices[-1]["content"]
            if (
                len(content) == 0
                and block.alignment == "center"
                and "subtitle" not in appendices[-1]
            ):
                appendices[-1]["subtitle"] = rich_text(block)
                continue
            append_block(content, paragraph_block(block, review))
        else:
            if not appendices:
                appendices.append({"title": "Phụ lục", "content": []})
            appendices[-1]["content"].append(table_block(block, review, ids))
    return appendices
