"""The rendered DOCX follows the Party format, read back with styles resolved.

Rule ids: /work/shared/spec/party-document-format.md. Every value is read through the
style chain (document defaults → paragraph style → character style → direct
formatting); a value set only on a style counts (F-DOCX-2).
"""

from __future__ import annotations

import unicodedata

import pytest

from docx_reading import (
    NS,
    one,
    part_xml,
    read,
    table_with_style,
    with_style,
)
from helpers.sample_docs import sapa_like
from kehoach.check import DocxView, ParagraphView
from kehoach.profiles import PARTY_2018
from kehoach.render import Renderer
from kehoach.render.metrics import text_width_twips

TNR = "Times New Roman"
PROFILE = PARTY_2018


@pytest.fixture(scope="module")
def data() -> bytes:
    return Renderer().render_bytes(sapa_like(PROFILE))


@pytest.fixture(scope="module")
def view(data: bytes) -> DocxView:
    return read(data)


def runs_of(paragraph: ParagraphView):
    return [r for r in paragraph.runs if r.text]


def assert_text_style(
    p: ParagraphView, size: float, *, bold: bool = False, italic: bool = False, align="center"
) -> None:
    assert p.alignment == align, p.text
    for run in runs_of(p):
        assert run.size_pt == size, (p.text, run.size_pt)
        assert run.bold is bold, p.text
        assert run.italic is italic, p.text


# --------------------------------------------------------------------------- page


def test_paper_a4_portrait(view: DocxView) -> None:
    """F-PAPER-1: every portrait section is A4, 11906 × 16838 twips."""
    main = view.sections[0]
    assert (main.page_width, main.page_height, main.orientation) == (11906, 16838, "portrait")


def test_margins(view: DocxView) -> None:
    """F-MARGIN-1: top 20, bottom 20, left 30, right 15 mm (section 11 twips)."""
    main = view.sections[0]
    margins = (main.margin_top, main.margin_bottom, main.margin_left, main.margin_right)
    assert margins == (1134, 1134, 1701, 850)


def test_every_run_is_times_new_roman_black(data: bytes, view: DocxView) -> None:
    """F-FONT-1: every rFonts slot of every run (body and headers) is Times New Roman, black."""
    paragraphs = list(view.paragraphs)
    for section in view.sections:
        for part in section.headers.values():
            paragraphs += part.paragraphs
    runs = [r for p in paragraphs for r in p.runs]
    assert len(runs) > 100
    for run in runs:
        assert run.fonts == {"ascii": TNR, "hAnsi": TNR, "cs": TNR, "eastAsia": TNR}, run.text
        assert run.color == "000000", run.text
    defaults = part_xml(data, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    fonts = defaults.find("w:rFonts", NS)
    slots = {k.split("}")[1]: v for k, v in fonts.attrib.items()}
    assert slots == {"ascii": TNR, "hAnsi": TNR, "cs": TNR, "eastAsia": TNR}


def test_text_is_nfc(view: DocxView) -> None:
    """F-FONT-2: all text is stored precomposed (NFC)."""
    for p in view.paragraphs:
        assert unicodedata.is_normalized("NFC", p.text)


def test_decomposed_input_is_stored_nfc() -> None:
    """F-FONT-2: decomposed input (NFD) is written as NFC."""
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Việt")
    view = read(Renderer().render_bytes(sapa_like(PROFILE, signer=nfd)))
    signer = with_style(view, "KHSigner")[-1]
    assert signer.text == "Nguyễn Văn Việt"
    assert unicodedata.is_normalized("NFC", signer.text)


# --------------------------------------------------------------------------- page numbers


def test_page_number_header(view: DocxView) -> None:
    """F-PAGENUM-1/3/5: a centred PAGE field, 14 pt upright not bold, 10 mm from the top."""
    for section in view.sections:
        assert section.header_distance == 567
        header = section.headers["default"]
        assert header.fields == ("PAGE",)
        (paragraph,) = header.paragraphs
        assert paragraph.alignment == "center"
        for run in paragraph.runs:
            assert run.size_pt == 14 and not run.bold and not run.italic


def test_no_number_on_first_page(view: DocxView) -> None:
    """F-PAGENUM-2/5: titlePg is set and the first-page header is empty."""
    main = view.sections[0]
    assert main.title_pg
    assert main.headers["first"].is_empty


# --------------------------------------------------------------------------- header block


def test_header_is_borderless_two_by_two_table(view: DocxView) -> None:
    """F-HDR-1/2, F-DOCX-1: the first block is a borderless 2 × 2 table."""
    table = view.blocks[0]
    assert table is view.tables[0] and table.style_id == "KHHeaderTable"
    assert [len(row.cells) for row in table.rows] == [2, 2]
    assert table.borderless
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [
        ["ĐẢNG BỘ TỈNH LÀO CAI\nTHỊ ỦY SA PA\n*", "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["Số 29-KH/TU", "Sa Pa, ngày 15 tháng 01 năm 2022"],
    ]


def test_header_columns_and_cell_margins(data: bytes, view: DocxView) -> None:
    """F-HDR-3: columns 42 % / 58 % of the 165 mm text width, cell margins 0."""
    table = view.tables[0]
    assert sum(table.grid) == 9355
    assert table.grid[0] == round(9355 * PROFILE.header_left_fraction)
    tbl = part_xml(data, "word/document.xml").find(".//w:tbl", NS)
    margins = tbl.findall("w:tblPr/w:tblCellMar/*", NS)
    assert margins and all(m.get(f"{{{NS['w']}}}w") == "0" for m in margins)


def test_header_lines_centred(view: DocxView) -> None:
    """F-HDR-4: every header line is centred in its column."""
    for p in view.tables[0].paragraphs:
        assert p.alignment == "center", p.text


def test_party_title(view: DocxView) -> None:
    """F-TITLE-1/2: exactly ĐẢNG CỘNG SẢN VIỆT NAM, 15 pt, bold, upright, top right."""
    title = one(view, "KHPartyTitle")
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert title.cell is not None and (title.cell.row, title.cell.cell) == (1, 2)
    assert_text_style(title, 15, bold=True)


def test_line_under_party_title(view: DocxView) -> None:
    """F-TITLE-3: a solid line under the title, as long as the title (±10 %)."""
    title = one(view, "KHPartyTitle")
    assert title.border_bottom == "single"
    cell_width = view.tables[0].grid[1]
    line = cell_width - title.indent_left - title.indent_right
    text = text_width_twips(title.text, 15, bold=True)
    assert abs(line - text) <= 0.1 * text
    assert not any(r.underlined for r in title.runs)  # a line under it, not underlined text


def test_issuing_bodies(view: DocxView) -> None:
    """F-ORG-1/2: superior body 14 pt not bold, issuing body 14 pt bold, top left."""
    superior, issuing = one(view, "KHSuperiorBody"), one(view, "KHIssuingBody")
    assert (superior.text, issuing.text) == ("ĐẢNG BỘ TỈNH LÀO CAI", "THỊ ỦY SA PA")
    assert superior.cell.cell == issuing.cell.cell == 1 and superior.cell.row == 1
    assert superior.index < issuing.index
    assert_text_style(superior, 14)
    assert_text_style(issuing, 14, bold=True)


def test_no_superior_body() -> None:
    """F-ORG-1: without a superior body the issuing body is the first line."""
    view = read(Renderer().render_bytes(sapa_like(PROFILE, superior_body=None)))
    assert not with_style(view, "KHSuperiorBody")
    assert view.tables[0].rows[0].cells[0].text == "THỊ ỦY SA PA\n*"


def test_star(view: DocxView) -> None:
    """F-STAR-1/2: a centred "*" under the issuing body, 14 pt, not bold."""
    star, issuing = one(view, "KHStar"), one(view, "KHIssuingBody")
    assert star.text == "*" and star.index == issuing.index + 1
    assert_text_style(star, 14)


def test_number(view: DocxView) -> None:
    """F-NUM-1/2/4: "Số 29-KH/TU" (no colon, two digits), 14 pt upright, under the star."""
    number = one(view, "KHNumber")
    assert number.text == "Số 29-KH/TU" and ":" not in number.text
    assert (number.cell.row, number.cell.cell) == (2, 1)
    assert_text_style(number, 14)


def test_blank_number_keeps_spaces() -> None:
    """F-NUM-6, F-DATE-5: the spaces of an unnumbered, undated draft are kept."""
    doc = sapa_like(
        PROFILE, number_line="Số      -KH/TU", date_line="Sa Pa, ngày    tháng 01 năm 2022"
    )
    view = read(Renderer().render_bytes(doc))
    assert one(view, "KHNumber").text == "Số      -KH/TU"
    assert one(view, "KHDate").text == "Sa Pa, ngày    tháng 01 năm 2022"


def test_draft_label_under_number() -> None:
    """F-DRAFT-1: the draft label follows the number, 14 pt italic."""
    view = read(Renderer().render_bytes(sapa_like(PROFILE, draft_label="Dự thảo lần 2")))
    draft, number = one(view, "KHDraft"), one(view, "KHNumber")
    assert draft.text == "Dự thảo lần 2" and draft.index == number.index + 1
    assert_text_style(draft, 14, italic=True)


def test_date_line(view: DocxView) -> None:
    """F-DATE-1/2/3: "Sa Pa, ngày 15 tháng 01 năm 2022", 14 pt italic, under the title."""
    date = one(view, "KHDate")
    assert date.text == "Sa Pa, ngày 15 tháng 01 năm 2022"
    assert (date.cell.row, date.cell.cell) == (2, 2)
    assert_text_style(date, 14, italic=True)


# --------------------------------------------------------------------------- title block


def test_type_name(view: DocxView) -> None:
    """F-TYPE-1/2: KẾ HOẠCH after the header table, centred, 16 pt bold (profile default)."""
    type_name = one(view, "KHTypeName")
    assert type_name.text == "KẾ HOẠCH" and type_name.cell is None
    assert view.blocks[1] is type_name
    assert_text_style(type_name, PROFILE.type_name.size_pt, bold=True)


def test_subject_and_separator(view: DocxView) -> None:
    """F-SUBJ-1/3: trích yếu bold 14 pt centred, then "-----" centred, not bold."""
    subject, separator = view.blocks[2], view.blocks[3]
    assert subject.style_id == "KHSubject" and subject.text.startswith("triển khai")
    assert_text_style(subject, 14, bold=True)
    assert separator.style_id == "KHSeparator" and separator.text == "-----"
    assert_text_style(separator, 14)


# --------------------------------------------------------------------------- body


def body_paragraphs(view: DocxView, style: str) -> list[ParagraphView]:
    return [p for p in with_style(view, style) if p.section == 0]


@pytest.mark.parametrize("style", ["KHBody", "KHBullet1", "KHBullet2", "KHBasis"])
def test_running_text(view: DocxView, style: str) -> None:
    """F-BODY-1..5: 14 pt upright, justified, 10 mm indent, 6 pt after, exactly 18 pt."""
    paragraphs = body_paragraphs(view, style)
    assert paragraphs
    for p in paragraphs:
        assert p.alignment == "both"
        assert p.first_line == 567
        assert p.space_before + p.space_after >= 120 and p.space_after == 120
        assert (p.line, p.line_rule) == (360, "exact")
        for run in runs_of(p):
            assert run.size_pt == 14 and not run.underlined


def test_body_runs_keep_their_emphasis(view: DocxView) -> None:
    """F-BODY-1: body text is upright; bold/italic runs of the composed text stay real runs."""
    bullet = body_paragraphs(view, "KHBullet1")[0]
    looks = [(r.text, r.bold, r.italic) for r in runs_of(bullet)]
    assert ("05", True, False) in looks
    assert ("hoàn thành trong quý II", False, True) in looks
    assert ("Tổ chức ít nhất ", False, False) in looks


def test_basis_lines(view: DocxView) -> None:
    """F-BASIS-1: căn cứ lines start with "- ", end with ";" then ".", upright."""
    basis = body_paragraphs(view, "KHBasis")
    assert [p.text[:2] for p in basis] == ["- ", "- "]
    assert basis[0].text.endswith(";") and basis[-1].text.endswith(".")
    assert not any(r.italic for p in basis for r in p.runs)


@pytest.mark.parametrize(
    ("style", "bold", "italic", "indent"),
    [
        ("KHHeading1", True, False, 567),
        ("KHHeading2", True, False, 567),
        ("KHHeading3", True, True, 567),
        ("KHHeading4", False, True, 567),
    ],
)
def test_headings(view: DocxView, style: str, bold: bool, italic: bool, indent: int) -> None:
    """F-HEAD-2: body size and line spacing; I. bold, 1. bold, 1.1. bold italic, a) italic."""
    headings = body_paragraphs(view, style)
    assert headings
    for p in headings:
        assert (p.line, p.line_rule, p.first_line) == (360, "exact", indent)
        for run in runs_of(p):
            assert (run.size_pt, run.bold, run.italic) == (14, bold, italic), p.text
    if style == "KHHeading1":
        assert all(p.text == p.text.upper() for p in headings)


# --------------------------------------------------------------------------- signature


def test_signature_table(view: DocxView) -> None:
    """F-SIGN-1, F-RECIP-1, F-DOCX-1: a borderless 1 × 2 table, Nơi nhận left, signature right."""
    table = table_with_style(view, "KHSignatureTable")
    assert len(table.rows) == 1 and len(table.rows[0].cells) == 2
    assert table.borderless
    left, right = table.rows[0].cells
    assert left.text.startswith("Nơi nhận:")
    assert right.text.startswith("T/M BAN THƯỜNG VỤ")
    assert sum(table.grid) == 9355


def test_signature_lines(view: DocxView) -> None:
    """F-SIGN-2/3/4/6/7: authority bold, position not bold, blank lines, name bold; centred."""
    authority = one(view, "KHSignatureAuthority")
    position = one(view, "KHSignaturePosition")
    assert (authority.text, position.text) == ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC")
    assert_text_style(authority, 14, bold=True)
    assert_text_style(position, 14)
    signer_lines = with_style(view, "KHSigner")
    blank, name = signer_lines[:-1], signer_lines[-1]
    assert len(blank) == PROFILE.signature_blank_lines and all(not p.text for p in blank)
    assert blank[0].index == position.index + 1
    assert name.text == "Nguyễn Văn An"
    assert_text_style(name, 14, bold=True)


def test_signature_without_authority() -> None:
    """F-SIGN-3: a head signing directly has only the position line, not bold."""
    doc = sapa_like(PROFILE, signature_authority=None, signature_position="TRƯỞNG BAN")
    view = read(Renderer().render_bytes(doc))
    assert not with_style(view, "KHSignatureAuthority")
    assert_text_style(one(view, "KHSignaturePosition"), 14)


def test_recipients(view: DocxView) -> None:
    """F-RECIP-2/3: "Nơi nhận:" 14 pt underlined upright; items 12 pt, "- …;", "- Lưu …."."""
    label = one(view, "KHRecipientsLabel")
    assert label.text == "Nơi nhận:" and label.alignment == "left"
    for run in runs_of(label):
        assert run.size_pt == 14 and run.underlined and not run.bold and not run.italic
    items = with_style(view, "KHRecipientsItem")
    assert [p.text for p in items] == list(sapa_like(PROFILE).recipients)
    for p in items:
        assert_text_style(p, 12, align="left")
    assert items[-1].text.startswith("- Lưu ") and items[-1].text.endswith(".")


@pytest.mark.parametrize(
    "style",
    [
        "KHSuperiorBody",
        "KHIssuingBody",
        "KHStar",
        "KHNumber",
        "KHPartyTitle",
        "KHDate",
        "KHSubject",
        "KHRecipientsLabel",
        "KHRecipientsItem",
        "KHSignatureAuthority",
        "KHSignaturePosition",
        "KHSigner",
    ],
)
def test_header_and_signature_single_spaced(view: DocxView, style: str) -> None:
    """F-DOCX-3: header, title, signature and Nơi nhận lines: single spacing, 0 pt before/after."""
    for p in with_style(view, style):
        assert (p.line, p.line_rule) == (240, "auto")
        assert (p.space_before, p.space_after) == (0, 0)


def test_title_block_spacing(view: DocxView) -> None:
    """F-DOCX-3, F-SUBJ-5: single spacing; 12 pt before the type name, 6 pt after "-----"."""
    type_name, separator = one(view, "KHTypeName"), with_style(view, "KHSeparator")[0]
    assert (type_name.line, type_name.line_rule, type_name.space_before) == (240, "auto", 240)
    assert (separator.line, separator.line_rule, separator.space_after) == (240, "auto", 120)


# --------------------------------------------------------------------------- appendices


def test_appendices_are_sections(view: DocxView) -> None:
    """F-APX-1, F-PAGENUM-4: each appendix is a new section numbered from 1."""
    assert len(view.sections) == 3
    assert view.sections[0].page_number_start is None
    for section in view.sections[1:]:
        assert section.page_number_start == 1
        assert section.title_pg and section.headers["default"].fields == ("PAGE",)
    breaks = [p for p in view.paragraphs if p.section_break]
    assert len(breaks) == 2 and all(not p.text for p in breaks)


def test_landscape_appendix(view: DocxView) -> None:
    """F-PAPER-2, F-APX-4: a wide appendix is landscape A4 with the margins turned."""
    portrait, landscape = view.sections[1], view.sections[2]
    assert (portrait.page_width, portrait.orientation) == (11906, "portrait")
    assert (landscape.page_width, landscape.page_height) == (16838, 11906)
    assert landscape.orientation == "landscape"
    assert (landscape.margin_top, landscape.margin_bottom) == (1701, 850)
    assert (landscape.margin_left, landscape.margin_right) == (1134, 1134)
    table = next(t for t in view.tables if t.section == 2)
    assert sum(table.grid) == 16838 - 2 * 1134


def test_appendix_heading(view: DocxView) -> None:
    """F-APX-2/3: "PHỤ LỤC 1", title, reference line, "-----", centred; sizes as profiled."""
    paragraphs = [p for p in view.paragraphs if p.section == 1 and p.cell is None]
    texts = [p.text for p in paragraphs[:4]]
    assert texts == [
        "PHỤ LỤC 1",
        "DỰ TOÁN KINH PHÍ THỰC HIỆN NĂM 2022",
        "(Kèm theo Kế hoạch số 29-KH/TU, ngày 15/01/2022 của Ban Thường vụ Thị ủy Sa Pa)",
        "-----",
    ]
    label, title, reference, _ = paragraphs[:4]
    assert_text_style(label, 14, bold=True)
    assert_text_style(title, 14, bold=True)
    assert_text_style(reference, 14, italic=True)


def test_budget_table(data: bytes, view: DocxView) -> None:
    """F-APX-5: unit line right italic; header bold centred, repeated; total bold; amounts right."""
    unit = next(p for p in with_style(view, "KHAppendixUnit") if p.section == 1)
    assert unit.text == "Đơn vị tính: đồng"
    assert_text_style(unit, 14, italic=True, align="right")
    table = next(t for t in view.tables if t.section == 1)
    assert table.style_id == "KHTableGrid" and not table.borderless
    header = table.rows[0].cells
    assert [c.text for c in header] == ["TT", "Nội dung", "Kinh phí", "Nguồn"]
    for cell in header:
        (p,) = cell.paragraphs
        assert p.alignment == "center" and all(r.bold for r in runs_of(p))
    amount = table.rows[1].cells[2].paragraphs[0]
    assert amount.text == "12.500.000" and amount.alignment == "right"
    total = table.rows[-1].cells[1].paragraphs[0]
    assert total.text == "Tổng cộng" and all(r.bold for r in runs_of(total))
    grids = part_xml(data, "word/document.xml").xpath(
        "//w:tbl[w:tblPr/w:tblStyle/@w:val='KHTableGrid']", namespaces=NS
    )
    assert grids and all(t.find("w:tr/w:trPr/w:tblHeader", NS) is not None for t in grids)
    assert "<kèm theo>" in table.rows[1].cells[1].text  # escaped, read back intact


def test_every_role_has_its_style(view: DocxView) -> None:
    """F-HEAD-2, F-BODY-1: each paragraph role of the composed body gets its named style."""
    doc = sapa_like(PROFILE)
    roles = {b.role for b in doc.body if hasattr(b, "role")}
    styles = {p.style_id for p in view.paragraphs if p.section == 0}
    mapping = {
        "heading1": "KHHeading1",
        "heading2": "KHHeading2",
        "heading3": "KHHeading3",
        "heading4": "KHHeading4",
        "body": "KHBody",
        "bullet1": "KHBullet1",
        "bullet2": "KHBullet2",
        "basis": "KHBasis",
    }
    assert {mapping[r] for r in roles} <= styles
