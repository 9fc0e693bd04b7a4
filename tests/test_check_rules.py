"""Format rules of ``kehoach check``: each fixture breaks exactly one rule of the spec."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from check_docs import build_party_doc, find, iter_paragraphs, to_bytes
from kehoach.check import CheckResult, check_docx
from kehoach.profiles import PARTY_2018, PARTY_2026

Mutation = Callable[[object], None]


def _run(doc, start: str):  # type: ignore[no-untyped-def]
    return find(doc, start).runs[0]


def _set_text(doc, start: str, text: str) -> None:  # type: ignore[no-untyped-def]
    paragraph = find(doc, start)
    paragraph.runs[0].text = text
    for run in paragraph.runs[1:]:
        run.text = ""


def _remove(doc, start: str) -> None:  # type: ignore[no-untyped-def]
    element = find(doc, start)._p
    element.getparent().remove(element)


def _add_after(doc, start: str, text: str, **style: object) -> None:  # type: ignore[no-untyped-def]
    paragraph = find(doc, start)
    new = OxmlElement("w:p")
    paragraph._p.addnext(new)
    from docx.text.paragraph import Paragraph

    added = Paragraph(new, paragraph._parent)
    added.alignment = paragraph.alignment
    run = added.add_run(text)
    run.font.size = Pt(float(style.get("size", 14)))  # type: ignore[arg-type]
    run.font.bold = bool(style.get("bold", False))


def _body(doc):  # type: ignore[no-untyped-def]
    return find(doc, "Tiếp tục cụ thể hóa")


def _header_part_field(doc, where: str) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    header_p = section.header.paragraphs[0]._p
    header_p.getparent().remove(header_p)
    section.header._element.append(OxmlElement("w:p"))
    target = section.footer.paragraphs[0]
    target.alignment = WD_ALIGN_PARAGRAPH.CENTER
    from check_docs import _page_field

    _page_field(target)


def _landscape_no_table(doc) -> None:  # type: ignore[no-untyped-def]
    section = doc.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(30), Mm(15)
    section.left_margin, section.right_margin = Mm(20), Mm(20)
    section.header_distance = Mm(10)


def _style_size(doc) -> None:  # type: ignore[no-untyped-def]
    """Body size set only on a paragraph style based on Normal (style chain)."""
    style = doc.styles.add_style("Body Small", 1)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(13)
    paragraph = _body(doc)
    paragraph.style = style
    for run in paragraph.runs:
        run.font.size = None


def _theme_font(doc) -> None:  # type: ignore[no-untyped-def]
    """Normal's font comes from the theme (minorHAnsi → Calibri in python-docx's theme)."""
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi"):
        del fonts.attrib[qn(slot)]
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")


def _borders(doc) -> None:  # type: ignore[no-untyped-def]
    borders = doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    for edge in borders:
        edge.set(qn("w:val"), "single")


def _appendix(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph().add_run("PHỤ LỤC I").font.size = Pt(14)


def _spacing(paragraph, **values: object) -> None:  # type: ignore[no-untyped-def]
    fmt = paragraph.paragraph_format
    for key, value in values.items():
        setattr(fmt, key, value)


# mutation → rule id expected (and its severity). Sources: shared/spec/party-document-format.md
CASES: list[tuple[str, Mutation, str, str]] = [
    ("left margin 35 mm", lambda d: setattr(d.sections[0], "left_margin", Mm(35)),
     "F-MARGIN-1", "error"),
    ("top margin 20.4 mm within tolerance", lambda d: setattr(d.sections[0], "top_margin",
     Mm(20.4)), "", ""),
    ("Letter paper", lambda d: (setattr(d.sections[0], "page_width", Mm(215.9)),
                                setattr(d.sections[0], "page_height", Mm(279.4))),
     "F-PAPER-1", "error"),
    ("landscape page without a table", _landscape_no_table, "F-PAPER-2", "warning"),
    ("a body run in Arial", lambda d: setattr(_run(d, "Tiếp tục").font, "name", "Arial"),
     "F-FONT-1", "error"),
    ("Normal font from the theme", _theme_font, "F-FONT-1", "error"),
    ("red text", lambda d: setattr(_run(d, "Tiếp tục").font.color, "rgb",
                                   RGBColor(0xFF, 0, 0)), "F-FONT-1", "error"),
    ("decomposed Unicode", lambda d: setattr(_run(d, "Tiếp tục"), "text",
     unicodedata.normalize("NFD", _run(d, "Tiếp tục").text)), "F-FONT-2", "warning"),
    ("no Party title", lambda d: _set_text(d, "ĐẢNG CỘNG SẢN", ""), "F-TITLE-1", "error"),
    ("title not bold", lambda d: setattr(_run(d, "ĐẢNG CỘNG SẢN").font, "bold", False),
     "F-TITLE-2", "error"),
    ("title 14 pt", lambda d: setattr(_run(d, "ĐẢNG CỘNG SẢN").font, "size", Pt(14)),
     "F-TITLE-2", "error"),
    ("no line under the title", lambda d: setattr(_run(d, "ĐẢNG CỘNG SẢN").font, "underline",
     False), "F-TITLE-3", "error"),
    ("State motto added", lambda d: _add_after(d, "ĐẢNG CỘNG SẢN",
     "Độc lập - Tự do - Hạnh phúc", bold=True), "F-TITLE-4", "error"),
    ("issuing body not bold", lambda d: setattr(_run(d, "THỊ ỦY").font, "bold", False),
     "F-ORG-2", "error"),
    ("superior body bold", lambda d: setattr(_run(d, "ĐẢNG BỘ TỈNH").font, "bold", True),
     "F-ORG-2", "error"),
    ("no star", lambda d: _remove(d, "*"), "F-STAR-1", "error"),
    ("bold star", lambda d: setattr(_run(d, "*").font, "bold", True), "F-STAR-2", "warning"),
    ("colon after Số", lambda d: _set_text(d, "Số 29", "Số: 29-KH/TU"), "F-NUM-1", "error"),
    ("spaces around the hyphen", lambda d: _set_text(d, "Số 29", "Số 29 - KH/TU"),
     "F-NUM-1", "error"),
    ("number not padded", lambda d: _set_text(d, "Số 29", "Số 5-KH/TU"), "F-NUM-2", "error"),
    ("State symbol QyĐ", lambda d: _set_text(d, "Số 29", "Số 29-QyĐ/TU"), "F-SYM-3", "error"),
    ("bold number", lambda d: setattr(_run(d, "Số 29").font, "bold", True), "F-NUM-4", "error"),
    ("number left-aligned", lambda d: setattr(find(d, "Số 29"), "alignment",
     WD_ALIGN_PARAGRAPH.LEFT), "F-HDR-4", "error"),
    ("unnumbered draft", lambda d: _set_text(d, "Số 29", "Số      -KH/TU"), "", ""),
    ("day and month not padded", lambda d: _set_text(d, "Sa Pa,", "Sa Pa, ngày 5 tháng 1 năm "
     "2022"), "F-DATE-2", "error"),
    ("month 3 padded", lambda d: _set_text(d, "Sa Pa,", "Sa Pa, ngày 15 tháng 03 năm 2022"),
     "F-DATE-2", "error"),
    ("no comma after the place", lambda d: _set_text(d, "Sa Pa,", "Sa Pa ngày 15 tháng 01 năm "
     "2022"), "F-DATE-1", "error"),
    ("date upright", lambda d: setattr(_run(d, "Sa Pa,").font, "italic", False), "F-DATE-3",
     "error"),
    ("type name 14 pt", lambda d: setattr(_run(d, "KẾ HOẠCH").font, "size", Pt(14)),
     "F-TYPE-2", "error"),
    ("type name left-aligned", lambda d: setattr(find(d, "KẾ HOẠCH"), "alignment",
     WD_ALIGN_PARAGRAPH.LEFT), "F-TYPE-1", "error"),
    ("subject starts upper case", lambda d: _set_text(d, "triển khai", "Triển khai thực hiện "
     "Đề án"), "F-SUBJ-1", "warning"),
    ("subject not bold", lambda d: setattr(_run(d, "triển khai").font, "bold", False),
     "F-SUBJ-1", "error"),
    ("four hyphens", lambda d: _set_text(d, "-----", "----"), "F-SUBJ-3", "error"),
    ("no separator", lambda d: _remove(d, "-----"), "F-SUBJ-3", "error"),
    ("body left-aligned", lambda d: setattr(_body(d), "alignment", WD_ALIGN_PARAGRAPH.LEFT),
     "F-BODY-2", "error"),
    ("heading left-aligned without indent (allowed)", lambda d: (
        setattr(find(d, "I. MỤC"), "alignment", WD_ALIGN_PARAGRAPH.LEFT),
        _spacing(find(d, "I. MỤC"), first_line_indent=Mm(0))), "", ""),
    ("no first-line indent", lambda d: _spacing(_body(d), first_line_indent=Mm(0)),
     "F-BODY-3", "error"),
    ("indent 9 mm", lambda d: _spacing(_body(d), first_line_indent=Mm(9)), "F-BODY-3",
     "warning"),
    ("no paragraph spacing", lambda d: _spacing(_body(d), space_after=Pt(0)), "F-BODY-4",
     "error"),
    # The fixture is dated 2022: F-BODY-5 and F-BODY-6 are unconfirmed for 36-HD (F-SRC-2),
    # so they are warnings; test_2026_rules_are_errors checks them under 05-HD.
    ("single line spacing", lambda d: _spacing(_body(d), line_spacing_rule=WD_LINE_SPACING.SINGLE),
     "F-BODY-5", "warning"),
    ("exactly 24 pt", lambda d: _spacing(_body(d), line_spacing=Pt(24)), "F-BODY-5", "warning"),
    ("body 13 pt", lambda d: setattr(_run(d, "Tiếp tục").font, "size", Pt(13)), "F-BODY-1",
     "error"),
    ("body 13 pt through a based-on style", _style_size, "F-BODY-1", "error"),
    ("body mixes 14 and 15 pt", lambda d: setattr(_run(d, "Tổ chức").font, "size", Pt(15)),
     "F-BODY-1", "error"),
    ("body ends with ./.", lambda d: _set_text(d, "Trên đây", "Trên đây là Kế hoạch./."),
     "F-BODY-6", "warning"),
    ("State authority TM.", lambda d: _set_text(d, "T/M", "TM. BAN THƯỜNG VỤ"), "F-SIGN-2",
     "error"),
    ("authority not bold", lambda d: setattr(_run(d, "T/M").font, "bold", False), "F-SIGN-3",
     "error"),
    ("title line bold", lambda d: setattr(_run(d, "PHÓ BÍ THƯ").font, "bold", True),
     "F-SIGN-3", "error"),
    ("signer not bold", lambda d: setattr(_run(d, "Thào A Sinh").font, "bold", False),
     "F-SIGN-6", "error"),
    ("degree before the name", lambda d: _set_text(d, "Thào A Sinh", "TS. Thào A Sinh"),
     "F-SIGN-6", "error"),
    ("signature left-aligned", lambda d: setattr(find(d, "Thào A Sinh"), "alignment",
     WD_ALIGN_PARAGRAPH.LEFT), "F-SIGN-7", "warning"),
    ("Nơi nhận bold", lambda d: setattr(_run(d, "Nơi nhận").font, "bold", True), "F-RECIP-2",
     "error"),
    ("Nơi nhận not underlined", lambda d: setattr(_run(d, "Nơi nhận").font, "underline",
     False), "F-RECIP-2", "error"),
    ("recipient 14 pt", lambda d: setattr(_run(d, "- Tỉnh ủy").font, "size", Pt(14)),
     "F-RECIP-3", "error"),
    ("recipient ends with a comma", lambda d: _set_text(d, "- Tỉnh ủy", "- Tỉnh ủy Lào Cai,"),
     "F-RECIP-3", "error"),
    ("filing line in State form", lambda d: _set_text(d, "- Lưu", "- Lưu: VT, VP."),
     "F-RECIP-3", "error"),
    ("page number on page 1", lambda d: setattr(d.sections[0],
     "different_first_page_header_footer", False), "F-PAGENUM-2", "error"),
    ("page number in the footer", lambda d: _header_part_field(d, "footer"), "F-PAGENUM-1",
     "error"),
    ("page number left-aligned", lambda d: setattr(d.sections[0].header.paragraphs[0],
     "alignment", WD_ALIGN_PARAGRAPH.LEFT), "F-PAGENUM-1", "error"),
    ("page number bold", lambda d: [setattr(r.font, "bold", True) for r in
     d.sections[0].header.paragraphs[0].runs], "F-PAGENUM-3", "error"),
    ("header 15 mm from the edge", lambda d: setattr(d.sections[0], "header_distance", Mm(15)),
     "F-PAGENUM-5", "warning"),
    ("appendix in Roman numerals", _appendix, "F-APX-1", "error"),
    ("header table with borders", _borders, "F-DOCX-1", "warning"),
]  # fmt: skip


def _check(doc) -> CheckResult:  # type: ignore[no-untyped-def]
    return check_docx(to_bytes(doc))


def test_correct_document_has_no_finding() -> None:
    """The reference Party document passes every checked rule (no error, no warning)."""
    result = _check(build_party_doc())
    assert result.findings == ()
    assert result.ok


@pytest.mark.parametrize(("mutation", "rule", "severity"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_each_mutation_breaks_exactly_its_rule(
    mutation: Mutation, rule: str, severity: str
) -> None:
    """Breaking one rule in an otherwise correct document yields exactly that rule id."""
    doc = build_party_doc()
    mutation(doc)
    result = _check(doc)
    found = {(f.rule, f.severity) for f in result.findings}
    expected = {(rule, severity)} if rule else set()
    assert found == expected, [
        (f.rule, f.severity, f.location.describe("en"), f.actual.en) for f in result.findings
    ]


@pytest.mark.parametrize(
    ("mutation", "rule"),
    [
        (lambda d: _set_text(d, "Trên đây", "Trên đây là Kế hoạch./."), "F-BODY-6"),
        (lambda d: _spacing(_body(d), line_spacing=Pt(24)), "F-BODY-5"),
    ],
)
def test_2026_rules_are_errors(mutation: Mutation, rule: str) -> None:
    """Under 05-HD/VPTW (party-2026), F-BODY-5 and F-BODY-6 deviations are errors."""
    doc = build_party_doc()
    mutation(doc)
    result = check_docx(to_bytes(doc), profile="party-2026")
    assert (rule, "error") in {(f.rule, f.severity) for f in result.findings}


def test_signature_left_of_recipients() -> None:
    """F-SIGN-1: Nơi nhận goes left and the signature right, not the other way round."""
    result = _check(build_party_doc(swap_closing=True))
    assert {f.rule for f in result.findings} == {"F-SIGN-1"}


def test_profile_from_date_2026() -> None:
    """F-SRC-1: a document dated from 27/5/2026 is checked against party-2026 (05-HD)."""
    result = _check(build_party_doc(date_line="Hà Nội, ngày 27 tháng 5 năm 2026"))
    assert result.profile_id == PARTY_2026.id
    assert result.findings == ()


def test_profile_from_date_before_2026() -> None:
    """F-SRC-2: a document dated 26/5/2026 is checked against party-2018 (36-HD)."""
    result = _check(build_party_doc(date_line="Hà Nội, ngày 26 tháng 5 năm 2026"))
    assert result.profile_id == PARTY_2018.id


def test_no_date_uses_2026_with_warning() -> None:
    """F-SRC-1: without a readable date the newest profile is used, with a warning."""
    doc = build_party_doc()
    _remove(doc, "Sa Pa,")
    result = _check(doc)
    assert result.profile_id == PARTY_2026.id
    src = [f for f in result.findings if f.rule == "F-SRC-1"]
    assert [f.severity for f in src] == ["warning"]
    assert {f.rule for f in result.findings} == {"F-SRC-1", "F-DATE-1"}


def test_profile_given_by_id() -> None:
    """An explicit profile id wins over the document's date."""
    result = check_docx(to_bytes(build_party_doc()), profile="party-2026")
    assert result.profile_id == "party-2026"


def test_unknown_profile_id() -> None:
    """An unknown profile id is a KeyError naming the known ids."""
    with pytest.raises(KeyError, match="party-2018"):
        check_docx(to_bytes(build_party_doc()), profile="state-1999")


def test_layout_rules_are_not_evaluated() -> None:
    """Rules needing the laid-out page are listed as not evaluated, never as passed."""
    result = _check(build_party_doc())
    skipped = {n.rule for n in result.not_evaluated}
    assert {"F-TITLE-3", "F-SIGN-7", "F-PAGENUM-4", "F-MARGIN-2"} <= skipped
    assert not {f.rule for f in result.findings} & {"F-PAGENUM-4", "F-MARGIN-2"}


def test_unconfirmed_rules_are_warnings_only() -> None:
    """Unconfirmed rules (F-FONT-2, F-STAR-2, F-PAGENUM-5…) never produce errors."""
    doc = build_party_doc()
    for paragraph in iter_paragraphs(doc):
        for run in paragraph.runs:
            run.text = unicodedata.normalize("NFD", run.text)
            run.font.bold = True if run.text == "*" else run.font.bold
    doc.sections[0].header_distance = Mm(20)
    result = _check(doc)
    from kehoach.profiles.rules import RULES

    for finding in result.findings:
        if RULES[finding.rule].status in ("unconfirmed", "secondary"):
            assert finding.severity == "warning", finding


def test_grouped_findings_list_every_paragraph() -> None:
    """One deviation repeated in several paragraphs is one finding listing all of them."""
    doc = build_party_doc()
    for start in ("Tiếp tục", "Tổ chức", "Trên đây"):
        find(doc, start).alignment = WD_ALIGN_PARAGRAPH.LEFT
    result = _check(doc)
    (finding,) = result.findings
    assert finding.rule == "F-BODY-2"
    assert len(finding.location.paragraphs) == 3
    assert "«Tiếp tục" in finding.location.describe("vi")


def test_findings_have_both_languages() -> None:
    """Every finding carries expected/actual/fix in Vietnamese and English."""
    doc = build_party_doc()
    doc.sections[0].left_margin = Mm(35)
    (finding,) = _check(doc).findings
    assert finding.fix.vi != finding.fix.en
    assert "35" in finding.actual.get("vi") and "35" in finding.actual.get("en")
    assert finding.location.describe("en").startswith("page: section 1")
