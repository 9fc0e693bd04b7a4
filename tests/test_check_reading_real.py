"""Reading the shapes real headers and forms take (issue #13), on small handmade files.

Each case is one way a real document differs from kehoach's own output; the false
finding it used to give must be gone and the real defect still found.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from check_docs import _page_field, _para, build_party_doc, find, to_bytes
from kehoach.check import check_docx


def _rules(doc) -> set[str]:  # type: ignore[no-untyped-def]
    return set(check_docx(to_bytes(doc)).rule_ids)


def test_wrapped_superior_name_is_not_the_issuing_body() -> None:
    """A superior name wrapped over two lines: the bold line under it is the issuing body."""
    doc = build_party_doc()
    superior = find(doc, "ĐẢNG BỘ TỈNH LÀO CAI")
    cell_paragraph = superior._p
    wrapped = _para(doc.tables[0].cell(0, 0), "HUYỆN SA PA")
    cell_paragraph.addnext(wrapped._p)
    result = check_docx(to_bytes(doc))
    assert "F-ORG-2" not in result.rule_ids


def test_star_typed_at_the_end_of_the_name_line() -> None:
    """ "THỊ ỦY SA PA *": the star is found, the name is judged without it."""
    doc = build_party_doc()
    name = find(doc, "THỊ ỦY SA PA")
    name.runs[0].text = "THỊ ỦY SA PA *"
    find(doc, "*")._p.getparent().remove(find(doc, "*")._p)
    rules = _rules(doc)
    assert "F-STAR-1" not in rules and "F-ORG-2" not in rules


def test_star_after_the_number_is_found() -> None:
    """A star placed under "Số …" instead of above it is an F-STAR-1 error."""
    doc = build_party_doc()
    star = find(doc, "*")
    star._p.getparent().remove(star._p)
    number = find(doc, "Số 29-KH/TU")
    number._p.addnext(star._p)
    result = check_docx(to_bytes(doc))
    stars = [f for f in result.findings if f.rule == "F-STAR-1"]
    assert len(stars) == 1 and "dưới số" in stars[0].actual.vi


def test_placeholders_are_one_finding() -> None:
    """{{…}} fields left in a template: one F-FILL-1 finding listing every paragraph."""
    doc = build_party_doc(date_line="Sa Pa, ngày 15 tháng 01 năm {{nam}}")
    body = find(doc, "I. MỤC ĐÍCH")
    body.runs[0].text = "I. MỤC ĐÍCH {{muc_dich}}"
    result = check_docx(to_bytes(doc))
    fills = [f for f in result.findings if f.rule == "F-FILL-1"]
    assert len(fills) == 1 and len(fills[0].location.paragraphs) == 2
    assert "F-DATE-1" not in result.rule_ids  # the words of the date line are right


def test_identical_sections_give_one_finding() -> None:
    """The same wrong margins in two sections: one F-MARGIN-1 finding naming both."""
    doc = build_party_doc()
    doc.sections[0].left_margin = Mm(25)
    second = doc.add_section()
    second.left_margin = Mm(25)
    margins = [f for f in check_docx(to_bytes(doc)).findings if f.rule == "F-MARGIN-1"]
    assert len(margins) == 1 and margins[0].location.sections == (1, 2)
    assert "các phần (section) 1–2" in margins[0].location.describe("vi")


def _remove_page_numbers(doc) -> None:  # type: ignore[no-untyped-def]
    header = doc.sections[0].header
    for paragraph in header.paragraphs:
        for child in list(paragraph._p):
            if child.tag.endswith("}r") or child.tag.endswith("}fldSimple"):
                paragraph._p.remove(child)


def test_footer_page_number_on_page_one_is_found() -> None:
    """A page number in the footer of page 1 is an F-PAGENUM-2 error (not only headers)."""
    doc = build_party_doc()
    doc.sections[0].different_first_page_header_footer = False
    _remove_page_numbers(doc)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    result = check_docx(to_bytes(doc))
    assert [f.severity for f in result.findings if f.rule == "F-PAGENUM-2"] == ["error"]


def test_no_page_number_depends_on_the_length() -> None:
    """No page number: nothing on a one-page text, an error when several pages are certain."""
    doc = build_party_doc()
    _remove_page_numbers(doc)
    assert "F-PAGENUM-1" not in check_docx(to_bytes(doc)).rule_ids
    body = find(doc, "I. MỤC ĐÍCH")
    for _ in range(40):
        body._p.addnext(_para(doc, "Tăng cường công tác giáo dục chính trị tư tưởng. " * 4)._p)
    numbers = [f for f in check_docx(to_bytes(doc)).findings if f.rule == "F-PAGENUM-1"]
    assert [f.severity for f in numbers] == ["error"]
    assert "chắc chắn dài hơn một trang" in numbers[0].actual.vi


def test_kinh_gui_punctuation() -> None:
    """Kính gửi without a colon, its recipients without ";": F-KG-2 (one finding each)."""
    doc = build_party_doc()
    subject = find(doc, "triển khai")
    subject._p.addnext(_para(doc, "- Ban Tuyên giáo Tỉnh ủy.")._p)
    subject._p.addnext(_para(doc, "- Ban Thường vụ Tỉnh ủy,")._p)
    subject._p.addnext(_para(doc, "Kính gửi")._p)
    found = [f for f in check_docx(to_bytes(doc)).findings if f.rule == "F-KG-2"]
    assert [f.expected.en for f in found] == [
        "a colon after “Kính gửi”",
        "each recipient ends with “;”",
    ]
    assert len(found[1].location.paragraphs) == 2
