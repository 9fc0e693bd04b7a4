"""A real client lays the rendered documents out: LibreOffice headless → PDF → text.

Marked ``libreoffice``; skipped only when soffice is missing outside CI.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docx_reading import one, read
from helpers.libreoffice import pdf_pages, pdf_text, pdf_words
from helpers.sample_docs import sapa_like
from kehoach.render import Renderer

pytestmark = pytest.mark.libreoffice
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sapa-2022-tuyen-giao.yaml"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_short_plan_with_appendices(to_pdf) -> None:
    """F-APX-1: a one-page plan with two appendices is three pages, each appendix its own."""
    doc = sapa_like(sections=0)
    pdf = to_pdf(Renderer().render_bytes(doc), "short")
    assert pdf_pages(pdf) == 3
    page1, page2, page3 = (squash(pdf_text(pdf, first=n, last=n)) for n in (1, 2, 3))
    for line in (
        "ĐẢNG BỘ TỈNH LÀO CAI",
        "THỊ ỦY SA PA",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 29-KH/TU",
        "Sa Pa, ngày 15 tháng 01 năm 2022",
        "KẾ HOẠCH",
        "-----",
        "Nơi nhận:",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "Nguyễn Văn An",
        "- Lưu Văn phòng Thị ủy.",
    ):
        assert line in page1, line
    assert "PHỤ LỤC 1" in page2 and "Đơn vị tính: đồng" in page2 and "Tổng cộng" in page2
    assert "PHỤ LỤC 2" in page3 and "BẢNG PHÂN CÔNG NHIỆM VỤ" in page3


def test_page_numbers(to_pdf) -> None:
    """F-PAGENUM-1/2/4: no number on page one, "2" atop page two, appendices restart at 1."""
    pdf = to_pdf(Renderer().render_bytes(sapa_like(sections=3)), "numbers")
    pages = pdf_pages(pdf)
    assert pages >= 4
    first_lines = [
        pdf_text(pdf, first=n, last=n).strip().splitlines()[0].strip() for n in range(1, pages + 1)
    ]
    assert first_lines[0] != "1" and first_lines[1] == "2"
    assert first_lines[-2].startswith("PHỤ LỤC 1") and first_lines[-1].startswith("PHỤ LỤC 2")


def test_line_under_title_as_long_as_the_title(to_pdf) -> None:
    """F-TITLE-3: the line under the title is as long (±10 %) as LibreOffice sets the title."""
    data = Renderer().render_bytes(sapa_like(sections=0, appendices=False))
    view = read(data)
    title = one(view, "KHPartyTitle")
    line_pt = (view.tables[0].grid[1] - title.indent_left - title.indent_right) / 20
    words = pdf_words(to_pdf(data, "title"), 1)
    first = max((w for w in words if w[0] == "ĐẢNG"), key=lambda w: w[1])  # right column
    line = [w for w in words if abs(w[2] - first[2]) < 1 and w[1] >= first[1]]
    assert [w[0] for w in line] == ["ĐẢNG", "CỘNG", "SẢN", "VIỆT", "NAM"]
    text_pt = line[-1][3] - line[0][1]
    assert abs(line_pt - text_pt) <= 0.1 * text_pt


@pytest.mark.skipif(not EXAMPLE.exists(), reason="the Sa Pa example is not there yet")
def test_sapa_example(to_pdf) -> None:
    """The Sa Pa 2022 example lays out as a ten-odd page plan with header, title, signature."""
    import kehoach

    doc = kehoach.compose(EXAMPLE)
    pdf = to_pdf(Renderer().render_bytes(doc), "sapa")
    assert 9 <= pdf_pages(pdf) <= 16
    text = squash(pdf_text(pdf))
    for line in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "THỊ ỦY SA PA",
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nơi nhận:",
        "T/M BAN THƯỜNG VỤ",
        doc.signer,
    ):
        assert line in text, line
