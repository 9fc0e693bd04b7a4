"""Recognise the parts of a Party document by their content, not by style names.

Works on documents typed by hand as well as on kehoach's own output:

- the page-one header is the first table (or the first paragraphs) holding
  "ĐẢNG CỘNG SẢN VIỆT NAM" (or, wrongly, the State Quốc hiệu), the star, "Số …"
  and the place/date line;
- the type name is the first all-caps line after it; the subject follows it down to
  the ``-----`` separator;
- the body runs from the separator to the "Nơi nhận:" label or the signature block
  (a table holding them, or paragraphs starting with T/M, K/T, T/L, Q. …);
- an appendix ("PHỤ LỤC …") after the signature is not body text.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from kehoach.check.read.lines import Line, is_upper, lines_of, norm, upper_key
from kehoach.check.read.view import Block, DocxView, ParagraphView, TableView
from kehoach.profiles import FormatProfile
from kehoach.profiles.doctypes import DocumentType

__all__ = ["DocumentParts", "find_parts"]

HEADER_WINDOW = 14
HEADER_TABLE_ROWS = 3
"""Rows of a table read for header parts: a header table has two (F-HDR-2); a form's
table below holds dates and numbers that are not the header's ("kết nạp ngày …")."""
STATE_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # F-TITLE-4 (State, NĐ30)
STATE_MOTTO = "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"
_NUMBER = re.compile(r"^S[ốố]\s*(?:[:.]|\s|\d|-|$)", re.IGNORECASE)
_DATE = re.compile(r"\bngày\b.*\btháng\b|\bngày\b\s*\d{1,2}\s*/\s*\d{1,2}", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[-–—‐‑‒―_=~.*·•\s]{3,}$")
_APPENDIX = re.compile(r"^(PHỤ LỤC|PHỤ BIỂU)(\s|$)", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^N[ơo]i\s+nh[ậa]n\b", re.IGNORECASE)
# The receiving body's acknowledgement of a giấy giới thiệu ("Tiếp nhận ngày …", "phần
# cuống"): where a signature would be, but for the receiver to fill in and sign.
_RECEIPT = re.compile(
    r"^(Tiếp nhận ngày|Đã tiếp nhận|Đã nhận|Xác nhận của|Nơi đến)\b|\(?phần cuống\)?|"
    r"\bnơi cư trú\b.*\bxác nhận\b",
    re.IGNORECASE,
)


def authority_pattern(profile: FormatProfile) -> re.Pattern[str]:
    """Lines starting with a Party (T/M …) or State (TM. …) signing authority."""
    prefixes = sorted({*profile.authorities, *profile.state_authorities}, key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"^({alternatives})(\s|$)", re.IGNORECASE)


@dataclass
class DocumentParts:
    """The recognised parts; every field may be missing in a malformed document."""

    header_table: TableView | None = None
    header_lines: list[Line] = field(default_factory=list)
    party_title: Line | None = None
    state_lines: list[Line] = field(default_factory=list)
    org_lines: list[Line] = field(default_factory=list)
    star: Line | None = None
    number: Line | None = None
    date: Line | None = None
    title_rule: bool = False
    type_name: ParagraphView | None = None
    subject: list[ParagraphView] = field(default_factory=list)
    separator: ParagraphView | None = None
    body: list[ParagraphView] = field(default_factory=list)
    body_tables: list[TableView] = field(default_factory=list)
    closing_table: TableView | None = None
    recipients_label: Line | None = None
    recipients_items: list[Line] = field(default_factory=list)
    recipients_cell: int | None = None
    signature: list[Line] = field(default_factory=list)
    signature_cell: int | None = None
    # A giấy giới thiệu's acknowledgement block for the receiving body (not a signature).
    receipt: list[Line] = field(default_factory=list)
    appendix: list[ParagraphView] = field(default_factory=list)
    document_type: DocumentType | None = None

    @property
    def header_found(self) -> bool:
        """Some header element was recognised."""
        return bool(self.header_lines)


def _is_separator(paragraph: ParagraphView) -> bool:
    text = norm(paragraph.full_text)
    if text:
        return bool(_SEPARATOR.match(text)) and any(c in text for c in "-–—_‐‑‒―=~")
    return paragraph.has_drawing or paragraph.border_bottom is not None


def _contains(line_text: str, wanted: str) -> bool:
    return upper_key(wanted) in upper_key(line_text)


def _header_kind(line: Line) -> str | None:
    text = line.text
    if _contains(text, "ĐẢNG CỘNG SẢN VIỆT NAM"):
        return "title"
    if _contains(text, STATE_TITLE) or _contains(text, STATE_MOTTO):
        return "state"
    if text in ("*", "***", "* * *"):
        return "star"
    if _NUMBER.match(text):
        return "number"
    if _DATE.search(text):
        return "date"
    return None


def _paragraphs_with_side(
    block: Block, max_rows: int | None = None
) -> list[tuple[ParagraphView, str | None]]:
    if isinstance(block, ParagraphView):
        return [(block, None)]
    out: list[tuple[ParagraphView, str | None]] = []
    for row in block.rows[:max_rows]:
        for number, cell in enumerate(row.cells, start=1):
            side: str | None = "left" if number == 1 and len(row.cells) > 1 else "right"
            if len(row.cells) == 1:
                side = None
            out.extend((p, side) for p in cell.paragraphs)
    return out


def _block_lines(block: Block, max_rows: int | None = None) -> list[Line]:
    lines: list[Line] = []
    for paragraph, side in _paragraphs_with_side(block, max_rows):
        lines.extend(lines_of(paragraph, side))  # type: ignore[arg-type]
    return lines


def find_parts(view: DocxView, profile: FormatProfile) -> DocumentParts:
    """Recognise the header, title block, body, signature and Nơi nhận of ``view``."""
    parts = DocumentParts()
    blocks = list(view.blocks)
    header_end = _find_header(blocks, parts)
    position = _find_title(blocks, header_end, parts)
    if parts.type_name is None and parts.header_table is not None:
        # Some files type the type name in the header table's last row ("DANH SÁCH
        # ĐẢNG VIÊN" under the number and date).
        parts.type_name = next(
            (p for p in parts.header_table.paragraphs if _type_of(p, profile) is not None), None
        )
    parts.document_type = document_type_of(parts, profile)
    closing = _find_closing(blocks, position, parts, profile)
    personal = parts.document_type is not None and parts.document_type.signature == "personal"
    if closing == len(blocks) and personal:
        closing = _personal_closing(blocks, position)
    for block in blocks[position:closing]:
        if isinstance(block, TableView):
            parts.body_tables.append(block)
        elif norm(block.full_text) and not _is_separator(block):
            parts.body.append(block)
    _find_recipients_signature(blocks, closing, parts, profile)
    if personal and parts.date is None:
        # A personal form dates itself above the signature ("Đà Nẵng, ngày … tháng …").
        parts.date = next((ln for ln in parts.signature if _DATE.search(ln.text)), None)
    return parts


def document_type_of(parts: DocumentParts, profile: FormatProfile) -> DocumentType | None:
    """The profile's document type whose name starts the type-name line, if any."""
    return _type_of(parts.type_name, profile) if parts.type_name is not None else None


def _type_of(paragraph: ParagraphView, profile: FormatProfile) -> DocumentType | None:
    text = norm(paragraph.full_text)
    if not is_upper(text):
        return None
    words = [upper_key(word) for word in text.split()]
    for kind in profile.document_types:
        for name in kind.names:
            wanted = [upper_key(word) for word in name.split()]
            if words[: len(wanted)] == wanted:
                return kind
    return None


_PERSONAL_SIGN = re.compile(r"^(NGƯỜI|Người)\s+\S+|^[^,]{2,40},\s*ngày\b.*\btháng\b.*\bnăm\b")
_PERSONAL_WINDOW = 12


def _personal_closing(blocks: list[Block], start: int) -> int:
    """Where a personally signed form's body ends: its closing place/date line or the
    signer's role ("NGƯỜI TỰ KIỂM ĐIỂM", "Người làm đơn") among its last blocks."""
    for index in range(max(start, len(blocks) - _PERSONAL_WINDOW), len(blocks)):
        block = blocks[index]
        texts = [ln.text for ln in _block_lines(block)]
        if any(_PERSONAL_SIGN.match(text) for text in texts):
            return index
    return len(blocks)


def _find_header(blocks: list[Block], parts: DocumentParts) -> int:
    """Classify the header lines; return the index of the first block after the header.

    The header is every block up to the last one holding a header element (title,
    State heading, star, number, date), looking at the first blocks only and
    stopping at the separator or, once the number or date was seen, at the first
    all-caps paragraph (the type name).
    """
    end = 0
    seen_number_or_date = False
    for index, block in enumerate(blocks[:HEADER_WINDOW]):
        lines = _block_lines(block, HEADER_TABLE_ROWS)
        kinds = {_header_kind(line) for line in lines} - {None}
        if isinstance(block, ParagraphView):
            text = norm(block.full_text)
            if len(text) > 200 or (text and _is_separator(block)):
                break
            if seen_number_or_date and not kinds and is_upper(text):
                break
        if not kinds:
            continue
        if isinstance(block, TableView):
            parts.header_table = parts.header_table or block
        end = index + 1
        seen_number_or_date = seen_number_or_date or bool(kinds & {"number", "date"})
    for block in blocks[:end]:
        # Every line of the header blocks belongs to the header (Word import keeps them
        # as such); only those of a table's first rows are classified (_classify_header).
        parts.header_lines.extend(_block_lines(block))
    _classify_header(parts, blocks)
    return end


_RULE_LINE = re.compile(r"^[_─━\-–—]{3,}$")


def _classify_header(parts: DocumentParts, blocks: list[Block]) -> None:
    before_star = True
    for line in parts.header_lines:
        cell = line.paragraph.cell
        if cell is not None and cell.row > HEADER_TABLE_ROWS:
            continue  # a form's own dates and numbers, deep in the table
        kind = _header_kind(line)
        if kind == "title" and parts.party_title is None:
            parts.party_title = line
        elif kind == "state":
            parts.state_lines.append(line)
        elif kind == "star" and parts.star is None:
            parts.star = line
            before_star = False
        elif kind == "number" and parts.number is None:
            parts.number = line
            before_star = False
        elif kind == "date" and parts.date is None:
            parts.date = line
        elif _RULE_LINE.match(line.text.replace(" ", "")):
            parts.title_rule = parts.title_rule or line.side != "left"
        elif before_star and line.upper and line.side != "right":
            name, star = _split_trailing_star(line)
            parts.org_lines.append(name)
            if star is not None and parts.star is None:
                parts.star = star
                before_star = False
    title = parts.party_title
    if title is not None:
        paragraph = title.paragraph
        if paragraph.border_bottom or paragraph.has_drawing:
            parts.title_rule = True
        if any(r.underlined for r in title.runs):
            parts.title_rule = True
        # A drawn line or bordered empty paragraph right under the title.
        for line_paragraph in _following_paragraphs(parts, paragraph, blocks):
            if not norm(line_paragraph.text) and (
                line_paragraph.has_drawing or line_paragraph.border_bottom is not None
            ):
                parts.title_rule = True
            break


def _split_trailing_star(line: Line) -> tuple[Line, Line | None]:
    """A name line with the star typed at its end ("CHI BỘ SINH VIÊN *"): the name and
    the star as two lines, so neither is judged as the other (F-ORG-2, F-STAR-1/2)."""
    text = line.text
    if len(text) < 3 or not text.endswith("*") or text.strip("* ") == "":
        return line, None
    name_runs = tuple(
        dataclasses.replace(r, text=r.text.rstrip(" *")) for r in line.runs if r.text.strip(" *")
    )
    star_runs = tuple(dataclasses.replace(r, text="*") for r in line.runs if "*" in r.text)[-1:]
    name = dataclasses.replace(line, text=text.rstrip(" *"), runs=name_runs)
    return name, dataclasses.replace(line, text="*", runs=star_runs)


def _following_paragraphs(
    parts: DocumentParts, paragraph: ParagraphView, blocks: list[Block]
) -> list[ParagraphView]:
    if paragraph.cell is None:
        # A title typed as a paragraph: its line (often an old VML shape, w:pict) is
        # drawn from the next paragraph.
        for index, block in enumerate(blocks[:HEADER_WINDOW]):
            if block is paragraph:
                return [b for b in blocks[index + 1 : index + 2] if isinstance(b, ParagraphView)]
        return []
    table = parts.header_table
    pool = table.paragraphs if table is not None and paragraph.cell is not None else ()
    for index, candidate in enumerate(pool):
        if candidate is paragraph:
            return [p for p in pool[index + 1 :] if p.cell == paragraph.cell]
    return []


def _find_title(blocks: list[Block], start: int, parts: DocumentParts) -> int:
    """Find the type name, subject and separator; return the index where the body starts."""
    nonempty = 0
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, TableView):
            break
        text = norm(block.full_text)
        if not text:
            continue
        nonempty += 1
        if nonempty > 4 or len(text) > 200:
            break
        if is_upper(text) and not re.match(r"^[IVXLC]+[.\-]\s", text) and not _is_separator(block):
            parts.type_name = block
            return _find_subject(blocks, index + 1, parts)
    # No type name (công văn, or a malformed document): look for a separator only.
    for index in range(start, min(len(blocks), start + 8)):
        block = blocks[index]
        if isinstance(block, ParagraphView) and _is_separator(block):
            parts.separator = block
            return index + 1
    return start


def _find_subject(blocks: list[Block], start: int, parts: DocumentParts) -> int:
    subject: list[ParagraphView] = []
    for index in range(start, min(len(blocks), start + 8)):
        block = blocks[index]
        if isinstance(block, TableView):
            break
        if _is_separator(block):
            parts.subject = subject
            parts.separator = block
            return index + 1
        if norm(block.full_text):
            subject.append(block)
    # No separator: the subject is the centred paragraphs right after the type name
    # (or, when none is centred, the first one if it is bold and not a heading).
    subject = []
    index = start
    while index < len(blocks) and len(subject) < 3:
        block = blocks[index]
        if isinstance(block, TableView):
            break
        text = norm(block.full_text)
        if text:
            runs = block.visible_runs
            bold = bool(runs) and all(r.bold for r in runs)
            heading = bool(re.match(r"^([IVXLC]+|\d+(\.\d+)*)\s*[.\-)]\s", text))
            if block.alignment == "center":
                subject.append(block)
            elif not subject and bold and not heading:
                subject.append(block)
                index += 1
                break
            else:
                break
        elif subject:
            index += 1
            break
        index += 1
    parts.subject = subject
    return index


def _find_closing(
    blocks: list[Block], start: int, parts: DocumentParts, profile: FormatProfile
) -> int:
    """Index of the first block after the body (Nơi nhận, signature or appendix)."""
    authority = authority_pattern(profile)
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, TableView):
            texts = [line.text for line in _block_lines(block)]
            if any(_RECIPIENTS.match(t) for t in texts) or any(authority.match(t) for t in texts):
                parts.closing_table = block
                return index
            continue
        text = norm(block.full_text)
        if _RECIPIENTS.match(text) or authority.match(text) or _APPENDIX.match(text):
            return index
    return len(blocks)


def _find_recipients_signature(
    blocks: list[Block], closing: int, parts: DocumentParts, profile: FormatProfile
) -> None:
    authority = authority_pattern(profile)
    lines: list[Line] = []
    appendix_at = len(blocks)
    for index in range(closing, len(blocks)):
        block = blocks[index]
        if isinstance(block, ParagraphView) and _APPENDIX.match(norm(block.full_text)):
            appendix_at = index
            break
        if isinstance(block, TableView) and block is not parts.closing_table:
            if parts.closing_table is None and any(
                authority.match(line.text) or _RECIPIENTS.match(line.text)
                for line in _block_lines(block)
            ):
                parts.closing_table = block
            else:
                continue
        lines.extend(_closing_lines(block))
    for block in blocks[appendix_at:]:
        if isinstance(block, ParagraphView):
            parts.appendix.append(block)
        else:
            parts.appendix.extend(block.paragraphs)
    table = parts.closing_table
    # Recipients: the label and the lines under it (same cell, or list-like paragraphs).
    label_index = next((i for i, ln in enumerate(lines) if _RECIPIENTS.match(ln.text)), None)
    used: set[int] = set()
    if label_index is not None:
        label = lines[label_index]
        parts.recipients_label = label
        used.add(label_index)
        if table is not None and label.paragraph.cell is not None:
            parts.recipients_cell = label.paragraph.cell.cell
        for offset, line in enumerate(lines[label_index + 1 :], start=label_index + 1):
            same_cell = label.paragraph.cell is not None and line.paragraph.cell == (
                label.paragraph.cell
            )
            if label.paragraph.cell is not None:
                if not same_cell:
                    continue
            elif authority.match(line.text) or (
                line.upper and not line.text.startswith(("-", "–", "+", "•"))
            ):
                break
            parts.recipients_items.append(line)
            used.add(offset)
    for offset, line in enumerate(lines):
        if offset in used:
            continue
        cell = line.paragraph.cell
        if cell is not None and cell.cell == parts.recipients_cell:
            continue
        parts.signature.append(line)
    _set_receipt_apart(parts, authority)
    if parts.signature and parts.signature[0].paragraph.cell is not None:
        parts.signature_cell = parts.signature[0].paragraph.cell.cell


def _set_receipt_apart(parts: DocumentParts, authority: re.Pattern[str]) -> None:
    """Move a giấy giới thiệu's acknowledgement block out of the signature: the cell of
    the closing table holding "Tiếp nhận ngày …", or, in running text, the lines from the
    heading above such a line (the tear-off part after the signer)."""
    lines = parts.signature
    marked = [i for i, line in enumerate(lines) if _RECEIPT.search(line.text)]
    if not marked:
        return
    cells = {ln.paragraph.cell for ln in lines if ln.paragraph.cell is not None}
    if len(cells) > 1:
        receipt_cells = {lines[i].paragraph.cell for i in marked}
        kept = [ln for ln in lines if ln.paragraph.cell not in receipt_cells]
        if kept:
            parts.receipt = [ln for ln in lines if ln.paragraph.cell in receipt_cells]
            parts.signature = kept
        return
    start = marked[0]
    while start > 0 and lines[start - 1].upper and not authority.match(lines[start - 1].text):
        start -= 1
    if any(not ln.upper for ln in lines[:start]):  # the issuer signed above the receipt
        parts.receipt = lines[start:]
        parts.signature = lines[:start]


def _closing_lines(block: Block) -> list[Line]:
    out: list[Line] = []
    for paragraph, side in _paragraphs_with_side(block):
        out.extend(lines_of(paragraph, side))  # type: ignore[arg-type]
    return out
