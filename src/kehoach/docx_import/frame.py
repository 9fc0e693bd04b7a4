"""The frame of a document: header, title, where the body ends, signature, Nơi nhận.

The checker already recognises these parts by content (:func:`kehoach.check.read.parts.find_parts`);
here they are turned into plan data — the header as written (upper-case names kept, a
blank number left blank, a blank day or month left blank) — and the body's block range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kehoach.check.read import DocxView, ParagraphView, TableView
from kehoach.check.read.dateline import parse_date_line
from kehoach.check.read.lines import Line, norm, upper_key
from kehoach.check.read.parts import DocumentParts, find_parts
from kehoach.docx_import.review import ReviewItem
from kehoach.docx_import.text import rich_text
from kehoach.orgs import is_organ_name
from kehoach.profiles import get_profile

__all__ = ["Frame", "read_frame"]

_AUTHORITY = re.compile(r"^(T/M|K/T|T/L|T/UQ|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*(.*)$", re.IGNORECASE)
_CONTINUATION = re.compile(
    r"^(XÃ|PHƯỜNG|THỊ TRẤN|THỊ XÃ|HUYỆN|QUẬN|TỈNH|THÀNH PHỐ|ĐẶC KHU|THÔN|TỔ DÂN PHỐ|VIỆT NAM)\b"
)
_PARTY_NUMBER = re.compile(
    r"^Số\s*:?\s*(?P<n>\d*)[\s.…]*-\s*(?P<type>[A-ZĐ][A-Za-zĐđ]*)\s*/\s*(?P<body>\S+)$"
)
_STATE_NUMBER = re.compile(
    r"^Số\s*:?\s*(?P<n>\d*)[\s.…]*/\s*(?P<year>\d{4}/)?(?P<type>[A-ZĐ][A-Za-zĐđ]*)"
    r"(?:-(?P<body>\S+))?$"
)


@dataclass
class Frame:
    """What surrounds the body, as plan data, and where the body lies in ``view.blocks``.

    Attributes:
        header: The ``header:`` mapping (v2 shape).
        header_class: ``party``, ``state``, ``mttq`` or ``doan``.
        title: ``{type_name, subject}``.
        body_start, body_end: The body's block range (opening included).
        appendix_start: First block of the appendices (``len(blocks)`` when none).
        signature, recipients: Plan mappings, or ``None`` when absent.
        used: Paragraphs consumed by the frame (for the "nothing lost" account).
    """

    header: dict[str, Any] = field(default_factory=dict)
    header_class: str = "party"
    title: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    body_end: int = 0
    appendix_start: int = 0
    signature: dict[str, Any] | None = None
    recipients: dict[str, Any] | None = None
    closing_extra: list[str] = field(default_factory=list)
    closing_table: TableView | None = None
    review: list[ReviewItem] = field(default_factory=list)


def _block_index(view: DocxView) -> dict[int, int]:
    """id(paragraph) → index of the top-level block holding it."""
    out: dict[int, int] = {}
    for index, block in enumerate(view.blocks):
        paragraphs = [block] if isinstance(block, ParagraphView) else block.paragraphs
        for paragraph in paragraphs:
            out[id(paragraph)] = index
    return out


def read_frame(view: DocxView) -> Frame:
    """Recognise the frame of ``view``."""
    parts = find_parts(view, get_profile("party-2018"))
    where = _block_index(view)
    frame = Frame()
    frame.header, frame.header_class = _header(parts, frame.review)
    frame.title = _title(parts)
    title_paragraphs = [p for p in (parts.type_name, *parts.subject, parts.separator) if p]
    classified = [parts.party_title, parts.star, parts.number, parts.date, *parts.state_lines]
    header_paragraphs = [line.paragraph for line in (*classified, *parts.org_lines) if line]
    # The title block ends the frame; without one, the header does. A "Số thẻ …" cell
    # further down is not a header line, so header lines after the title do not count.
    anchors = [where[id(p)] for p in title_paragraphs if id(p) in where]
    if not anchors:
        anchors = [where[id(p)] for p in header_paragraphs if id(p) in where]
    frame.body_start = max(anchors) + 1 if anchors else 0
    blocks = view.blocks
    appendix = [where[id(p)] for p in parts.appendix if id(p) in where]
    frame.appendix_start = min(appendix) if appendix else len(blocks)
    closing = [
        where[id(line.paragraph)]
        for line in (*parts.signature, *parts.receipt, *parts.recipients_items)
        if id(line.paragraph) in where
    ]
    if parts.recipients_label is not None and id(parts.recipients_label.paragraph) in where:
        closing.append(where[id(parts.recipients_label.paragraph)])
    if parts.closing_table is not None:
        closing.extend(i for i, b in enumerate(blocks) if b is parts.closing_table)
    closing = [i for i in closing if i >= frame.body_start]
    frame.body_end = min(closing) if closing else frame.appendix_start
    frame.closing_table = parts.closing_table
    used: set[int] = set()
    frame.signature = _signature(parts.signature, frame.review, used)
    frame.recipients = _recipients(parts)
    used.update(id(line) for line in parts.recipients_items)
    if parts.recipients_label is not None:
        used.add(id(parts.recipients_label))
    frame.closing_extra = [
        line.text
        for line in (*parts.signature, *parts.receipt, *parts.recipients_items)
        if id(line) not in used and line.text
    ]
    return frame


def _is_bold(line: Line) -> bool:
    runs = [r for r in line.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _header_class(parts: DocumentParts) -> str:
    if parts.party_title is not None:
        return "party"
    names = upper_key(" ".join(line.text for line in parts.org_lines))
    if "MẶT TRẬN" in names or "MTTQ" in names:
        return "mttq"
    if "ĐOÀN" in names and ("THANH NIÊN" in names or "TNCS" in names or "ĐOÀN TRƯỜNG" in names):
        return "doan"
    if parts.state_lines:
        return "state"
    return "party"


def _header(parts: DocumentParts, review: list[ReviewItem]) -> tuple[dict[str, Any], str]:
    header: dict[str, Any] = {}
    kind = _header_class(parts)
    names: list[list[str]] = []
    bold_at: int | None = None
    for line in parts.org_lines:
        if names and _CONTINUATION.match(norm(line.text).upper()) and not _is_bold(line):
            names[-1].append(line.text)
        elif names and bold_at is not None and _is_bold(line) and bold_at == len(names) - 1:
            names[-1].append(line.text)  # the issuing body wrapped over two bold lines
        else:
            names.append([line.text])
        if _is_bold(line) and bold_at is None:
            bold_at = len(names) - 1
    joined = [" ".join(n) for n in names]
    if joined:
        issuing = bold_at if bold_at is not None else len(joined) - 1
        header["superiors"] = joined[:issuing][-3:]
        header["issuing_body"] = joined[issuing]
        if len(joined) > 1 and issuing > 0 and is_organ_name(joined[issuing]):
            # "ỦY BAN MTTQ VIỆT NAM XÃ … / BAN THƯỜNG TRỰC": the bold line is an organ of
            # the body named above it, not of a superior; running text names both.
            organ, body = joined[issuing], joined[issuing - 1]
            review.append(
                ReviewItem(
                    "header",
                    f"Cơ quan ban hành: «{organ}» của «{body}», không phải cấp trên (tiêu đề "
                    "in như văn bản gốc; trích dẫn trong câu văn ghi cả hai, tên ban trước).",
                    f"Issuing body: «{organ}» of «{body}», not a superior (the header prints "
                    "as in the source; citations in running text name both, the organ first).",
                    "medium" if bold_at is not None else "low",
                )
            )
        elif len(joined) > 1:
            review.append(
                ReviewItem(
                    "header",
                    "Cơ quan ban hành: «{}»; cấp trên: {}.".format(
                        joined[issuing], ", ".join(f"«{s}»" for s in joined[:issuing]) or "không"
                    ),
                    "Issuing body: «{}»; superiors: {}.".format(
                        joined[issuing], ", ".join(f"«{s}»" for s in joined[:issuing]) or "none"
                    ),
                    "medium" if bold_at is not None else "low",
                )
            )
    else:
        review.append(
            ReviewItem(
                "header",
                "Không nhận ra tên cơ quan ban hành ở góc trái tiêu đề.",
                "The issuing body was not found in the header.",
                "low",
            )
        )
    if parts.number is not None:
        _number(parts.number.text, header, review)
    if parts.date is not None:
        _date(parts.date.text, header, review)
    else:
        review.append(
            ReviewItem(
                "date",
                "Không thấy dòng địa danh, ngày tháng.",
                "No place and date line was found.",
                "low",
            )
        )
    return header, kind


def _number(text: str, header: dict[str, Any], review: list[ReviewItem]) -> None:
    flat = " ".join(text.split())
    match = _PARTY_NUMBER.match(flat) or _STATE_NUMBER.match(flat)
    if match is None:
        review.append(
            ReviewItem(
                "header",
                "Không đọc được số và ký hiệu; giữ nguyên để sửa tay.",
                "The number and symbol could not be read; fix them by hand.",
                "low",
                quote=flat,
            )
        )
        return
    if match.group("n"):
        header["number"] = int(match.group("n"))
    header["type_code"] = match.group("type")
    if match.groupdict().get("body"):
        header["body_code"] = match.group("body")


def _date(text: str, header: dict[str, Any], review: list[ReviewItem]) -> None:
    parsed = parse_date_line(norm(text))
    if parsed is None:
        place = norm(text).split(",")[0].strip() if "," in text else ""
        if place:
            header["place"] = place
        review.append(
            ReviewItem(
                "date",
                "Không đọc được ngày tháng ở tiêu đề.",
                "The header date could not be read.",
                "low",
                quote=text,
            )
        )
        return
    header["place"] = parsed.place
    date: dict[str, int] = {"year": parsed.year}
    if parsed.month is not None:
        date["month"] = parsed.month
    if parsed.day is not None:
        date["day"] = parsed.day
    header["date"] = date
    if parsed.day is None or parsed.month is None:
        review.append(
            ReviewItem(
                "date",
                "Ngày hoặc tháng để trống (dự thảo): giữ trống.",
                "Day or month left blank (a draft): kept blank.",
                "high",
                quote=text,
            )
        )


def _title(parts: DocumentParts) -> dict[str, Any]:
    title: dict[str, Any] = {}
    if parts.type_name is not None:
        name = norm(parts.type_name.full_text)
        title["type_name"] = name[:1] + name[1:].lower()
    subject = " ".join(rich_text(p) for p in parts.subject).strip()
    if subject:
        title["subject"] = subject
    return title


def _signature(
    lines: list[Line], review: list[ReviewItem], used: set[int]
) -> dict[str, Any] | None:
    """The signature mapping; the lines it took are added to ``used`` (by ``id``)."""
    chosen = [line for line in lines if line.text and not re.match(r"^[(\[].*[)\]]$", line.text)]
    if not chosen:
        return None
    signature: dict[str, Any] = {}
    rest = chosen
    match = _AUTHORITY.match(chosen[0].text)
    if match:
        signature["authority"] = match.group(1).upper()
        if signature["authority"] == "Q.":
            signature["position"] = match.group(2)
        else:
            signature["on_behalf_of"] = match.group(2)
        used.add(id(chosen[0]))
        rest = chosen[1:]
    names = [line for line in rest if not line.text.isupper()]
    positions = [line for line in rest if line.text.isupper()]
    if positions and "position" not in signature:
        signature["position"] = " ".join(line.text for line in positions)
        used.update(id(line) for line in positions)
    if names:
        signature["signer"] = names[-1].text
        used.add(id(names[-1]))
    else:
        signature["signer"] = ""
        review.append(
            ReviewItem(
                "signature",
                "Không thấy họ tên người ký.",
                "No signer name was found.",
                "low",
            )
        )
    return signature


def _recipients(parts: DocumentParts) -> dict[str, Any] | None:
    if parts.recipients_label is None:
        return None
    items: list[str] = []
    filing = ""
    for line in parts.recipients_items:
        text = line.text.strip()
        starts_item = bool(re.match(r"^[-–+•]", text))
        body = re.sub(r"^[-–+•]\s*", "", text).strip()
        lowered = body.lower()
        if lowered.startswith("lưu"):
            filing = re.sub(r"^lưu\s*:?\s*", "", body, flags=re.IGNORECASE).rstrip(" .;,")
            continue
        if not starts_item and items:
            items[-1] = f"{items[-1]} {body}"
        else:
            items.append(body)
    items = [re.sub(r"\s*[;,.]\s*$", "", " ".join(i.split())) for i in items if i.strip()]
    return {"items": items, "filing": filing}
