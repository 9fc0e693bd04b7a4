"""``kehoach check --layout``: the rules that need the laid-out pages.

The page rules are tested on page texts directly (fast); the LibreOffice tests lay out
kehoach's own Sa Pa plan, with and without its page numbers.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kehoach.check import check_docx, run_check_command
from kehoach.check.read.layout import HRule, horizontal_lines
from kehoach.check.rules.collect import Collector
from kehoach.check.rules.layout import check_layout, shown_number

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sapa-2022-tuyen-giao.yaml"


def _rules(
    pages: list[list[str]], header_rows: tuple[str, ...] = ()
) -> list[tuple[str, str | None]]:
    col = Collector()
    check_layout(pages, col, header_rows)
    return [(f.rule, f.location.quote) for f in col.grouped()]


def test_shown_number_is_a_digits_line_at_the_top_or_bottom() -> None:
    """A page number is a line of digits only, first or last on the page."""
    assert shown_number(["3", "I. MỤC ĐÍCH"]) == 3
    assert shown_number(["Nội dung", "12"]) == 12
    assert shown_number(["2022 là năm", "Nội dung"]) is None


def test_page_one_numbered() -> None:
    """Page 1 showing a number is F-PAGENUM-2."""
    assert _rules([["1", "ĐẢNG CỘNG SẢN VIỆT NAM"], ["2", "nội dung"]]) == [
        ("F-PAGENUM-2", "trang 1")
    ]


def test_appendix_continuing_the_body_numbering() -> None:
    """An appendix whose second page shows the document's page number: F-PAGENUM-4."""
    pages = [["ĐẢNG"], ["2", "nội dung"], ["PHỤ LỤC 1", "DỰ TOÁN"], ["4", "bảng"]]
    assert _rules(pages) == [("F-PAGENUM-4", "trang 4")]
    restarted = [["ĐẢNG"], ["2", "nội dung"], ["PHỤ LỤC 1", "DỰ TOÁN"], ["2", "bảng"]]
    assert _rules(restarted) == []


def test_orphaned_total_row() -> None:
    """A “Tổng cộng” row alone at the top of a page is reported (F-APX-5, warning)."""
    pages = [["ĐẢNG"], ["2", "Tổng cộng       6.505.490.000"]]
    assert _rules(pages) == [("F-APX-5", "trang 2")]


def test_orphaned_total_under_a_repeated_header_row() -> None:
    """A total under the table's header row repeated on the new page is still alone (F-APX-5);
    a page continuing the table with ordinary rows is not."""
    header = ("TT", "Nội dung", "Kinh phí\n(đồng)")
    orphan = [["ĐẢNG"], ["2", "TT", "Nội dung", "Kinh phí", "(đồng)", "Tổng cộng 6.505.490.000"]]
    assert _rules(orphan, header) == [("F-APX-5", "trang 2")]
    continued = [
        ["ĐẢNG"],
        ["2", "TT", "Nội dung", "Kinh phí (đồng)", "5", "In tài liệu", "Tổng cộng"],
    ]
    assert _rules(continued, header) == []
    assert _rules(orphan) == []  # without the header rows the page starts with "TT"


def test_drawn_lines_read_from_the_svg_page() -> None:
    """Stroked segments and thin filled shapes are horizontal lines; glyph definitions,
    clip paths and vertical strokes are not (page coordinates after the transforms)."""
    svg = b"""<svg xmlns="http://www.w3.org/2000/svg" width="595pt" height="842pt">
      <defs><path d="M 0 10 L 300 10 L 300 11 L 0 11 Z"/></defs>
      <clipPath id="c"><path d="M 311 75 L 523 75 L 523 76 L 311 76 Z"/></clipPath>
      <path style="fill:none;stroke-width:0.75;stroke:rgb(0%,0%,0%);"
            d="M 522.5 766.5 L 311.8 766.5 " transform="matrix(1,0,0,-1,0,841.5)"/>
      <path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 100 100 L 100 300"/>
      <g transform="translate(10,20)"><path d="M 50 200 L 150 200 L 150 201 L 50 201 Z"/></g>
    </svg>"""
    assert list(horizontal_lines(svg)) == [HRule(311.8, 522.5, 75.0), HRule(60, 160, 220.5)]


@pytest.fixture(scope="module")
def sapa() -> bytes:
    """The Sa Pa example plan rendered by kehoach (an 11-page plan with an appendix)."""
    import kehoach

    return kehoach.render_plan_bytes(kehoach.load_plan(EXAMPLE))


@pytest.mark.libreoffice
def test_kehoachs_own_plan_passes_with_layout(soffice: str, sapa: bytes) -> None:
    """The rendered Sa Pa plan has no error with --layout, and F-PAGENUM-4 is evaluated."""
    result = check_docx(sapa, layout=True)
    assert result.errors == ()
    assert "F-PAGENUM-4" not in {n.rule for n in result.not_evaluated}


@pytest.mark.libreoffice
def test_layout_option_on_the_command(soffice: str, tmp_path: Path, sapa: bytes) -> None:
    """run_check_command(layout=True) checks the pages and exits 0 on kehoach's plan."""
    path = tmp_path / "sapa.docx"
    path.write_bytes(sapa)
    assert run_check_command([path], layout=True, out=io.StringIO()) == 0
