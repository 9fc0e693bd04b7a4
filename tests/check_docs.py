"""Test helper: a correct Party document built with python-docx, following the spec.

``build_party_doc()`` returns a ``docx.Document`` that ``kehoach check`` accepts with no
finding at all; tests mutate it to break exactly one rule. Until the renderer's
output is used as the base, this is the reference of a correct document.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"

BODY = [
    ("heading", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("heading", "1. Mục đích"),
    ("text", "Tiếp tục cụ thể hóa các nội dung của Đề án số 11-ĐA/TU thành nhiệm vụ cụ thể."),
    ("heading", "2. Yêu cầu"),
    ("text", "- Bảo đảm tính thực tiễn, khoa học, đồng bộ, hiệu quả."),
    ("heading", "II. NỘI DUNG THỰC HIỆN"),
    ("text", "Tổ chức ít nhất 05 hội nghị học tập, quán triệt chỉ thị, nghị quyết của Đảng."),
    ("text", "Trên đây là Kế hoạch triển khai thực hiện Đề án năm 2022."),
]

RECIPIENTS = [
    "- Tỉnh ủy Lào Cai;",
    "- Các chi, đảng bộ trực thuộc;",
    "- Lưu Văn phòng Thị ủy.",
]


def set_fonts(rpr_parent, size_pt: float | None = None) -> None:  # type: ignore[no-untyped-def]
    """Set all four rFonts slots (and the size) on a style's or run's ``w:rPr``."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def _para(container, text: str, *, size: float = 14, bold: bool = False,  # type: ignore[no-untyped-def]
          italic: bool = False, underline: bool = False,
          align=WD_ALIGN_PARAGRAPH.CENTER, first: bool = False):  # fmt: skip
    paragraph = container.add_paragraph() if not first else container.paragraphs[0]
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        run.font.underline = underline
    return paragraph


def _no_borders(table) -> None:  # type: ignore[no-untyped-def]
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tblpr.append(borders)


def _page_field(paragraph) -> None:  # type: ignore[no-untyped-def]
    run = paragraph.add_run()
    run.font.size = Pt(14)
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instr
        run._r.append(element)
    result = paragraph.add_run("2")
    result.font.size = Pt(14)
    end = paragraph.add_run()
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), "end")
    end._r.append(element)


def build_party_doc(
    *, date_line: str = "Sa Pa, ngày 15 tháng 01 năm 2022", swap_closing: bool = False
):  # type: ignore[no-untyped-def]
    """A Kế hoạch in the Party format (36-HD/05-HD values), correct in every checked rule."""
    doc = Document()
    normal = doc.styles["Normal"]
    set_fonts(normal.element)
    normal.font.size = Pt(14)
    section = doc.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    header = section.header
    number = header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)
    section.first_page_header.paragraphs[0].text = ""

    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _para(left, "ĐẢNG BỘ TỈNH LÀO CAI", first=True)
    _para(left, "THỊ ỦY SA PA", bold=True)
    _para(left, "*")
    _para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, underline=True, first=True)
    _para(table.cell(1, 0), "Số 29-KH/TU", first=True)
    _para(table.cell(1, 1), date_line, italic=True, first=True)

    _para(doc, "")
    _para(doc, "KẾ HOẠCH", size=16, bold=True)
    _para(doc, "triển khai thực hiện Đề án số 11-ĐA/TU về lĩnh vực Tuyên giáo năm 2022", bold=True)
    _para(doc, "-----")
    for kind, text in BODY:
        paragraph = _para(doc, text, bold=kind == "heading", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Mm(10)
        fmt.space_after = Pt(6)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(18)

    closing = doc.add_table(rows=1, cols=2)
    _no_borders(closing)
    rcell, scell = closing.cell(0, 0), closing.cell(0, 1)
    if swap_closing:
        rcell, scell = scell, rcell
    _para(rcell, "Nơi nhận:", underline=True, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    for item in RECIPIENTS:
        _para(rcell, item, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(scell, "T/M BAN THƯỜNG VỤ", bold=True, first=True)
    _para(scell, "PHÓ BÍ THƯ")
    for _ in range(4):
        _para(scell, "")
    _para(scell, "Thào A Sinh", bold=True)
    return doc


def to_bytes(doc) -> bytes:  # type: ignore[no-untyped-def]
    """Save a python-docx document to bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def iter_paragraphs(doc):  # type: ignore[no-untyped-def]
    """Every body paragraph of ``doc``, table cells included, in order."""
    body = doc.element.body
    from docx.text.paragraph import Paragraph

    for element in body.iter(qn("w:p")):
        yield Paragraph(element, doc)


def find(doc, start: str):  # type: ignore[no-untyped-def]
    """The first paragraph whose text starts with ``start``."""
    for paragraph in iter_paragraphs(doc):
        if paragraph.text.startswith(start):
            return paragraph
    raise LookupError(start)
