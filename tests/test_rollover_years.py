"""Finding the years, dates and anniversary counts of a plan's free text (rollover/years.py)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.rollover.tasks import guess_recurring
from kehoach.rollover.years import (
    cited_in_clause,
    find_anniversaries,
    find_year_literals,
    quote,
)

# (text, [(literal as written, kind, suggested replacement or None)]) for a 2022 → 2023 roll.
# The phrases come from the Sa Pa 2022 plan (examples/sapa-2022-tuyen-giao.yaml) or from
# the forms V-DATE-1 and F-CITE-1 of the spec.
CASES = [
    ("về lĩnh vực Tuyên giáo năm 2022", [("năm 2022", "plan-year", "năm 2023")]),
    ("Năm 2022, Ban Thường vụ", [("Năm 2022", "plan-year", "Năm 2023")]),
    (
        "Kế hoạch số 72 - KH/TU, ngày 30/12/2022 của Ban Tuyên giáo",
        [("30/12/2022", "citation-date", None)],
    ),
    (
        "Quy định 274-QĐ/TU ngày 19/8/2022 của Tỉnh ủy",
        [("19/8/2022", "citation-date", None)],
    ),
    ("hoàn thành trước ngày 30/6/2022.", [("30/6/2022", "date", "30/6/2023")]),
    ("trước ngày 29/02/2024", []),  # not one of the rolled years
    (
        "ngày 15 tháng 01 năm 2022",
        [("ngày 15 tháng 01 năm 2022", "date", "ngày 15 tháng 01 năm 2023")],
    ),
    ("trong tháng 5/2022", [("tháng 5/2022", "date", "tháng 5/2023")]),
    ("giai đoạn 2021 - 2025” năm 2022", [("năm 2022", "plan-year", "năm 2023")]),
    ("giai đoạn 2022 - 2025", [("2022 - 2025", "period", None)]),
    ("nhiệm kỳ 2020-2022", [("2020-2022", "period", None)]),
    ("năm học 2022 - 2023", [("2022 - 2023", "school-year", "2023 - 2024")]),
    ("Kỷ niệm 92 năm (1930 - 2022)", [("1930 - 2022", "anniversary-span", "1930 - 2023")]),
    ("Nghị định số 30/2022/NĐ-CP", [("2022", "doc-number", None)]),
    ("chỉ tiêu 2022 đạt", [("2022", "year", "2023")]),
    ("mã {kh-2022} trong câu", []),  # a placeholder names an id, not a year
    ("số 12022 người", []),  # part of a longer number
    ("Sơ kết 05 năm thực hiện Chỉ thị số 12-CT/TU, ngày 15/3/2016", []),
]


# Issue #12, rolling a 2027 plan to 2028 (Tết 2027 is Đinh Mùi, 2028 Mậu Thân).
CASES_2027 = [
    (
        "Tổng kết công tác dân vận năm 2027, xây dựng kế hoạch năm 2028",
        [("năm 2027", "plan-year", "năm 2028"), ("năm 2028", "next-plan-year", "năm 2029")],
    ),
    (
        "Tổ chức các hoạt động mừng Đảng, mừng Xuân, Tết Nguyên đán Đinh Mùi 2027",
        [("Đinh Mùi", "can-chi", "Mậu Thân"), ("2027", "year", "2028")],
    ),
    (
        "Thực hiện Kế hoạch số 45-KH/TU, ngày 10/01/2027 của Tỉnh ủy về công tác dân vận năm 2027",
        [("10/01/2027", "citation-date", None), ("năm 2027", "citation", None)],
    ),
    ("Tết Giáp Thìn", []),  # the name of another year: not this plan's
    ("đến năm 2028 đạt 100%", []),  # a next year not named as the next plan's
]


@pytest.mark.parametrize(("text", "expected"), CASES_2027)
def test_year_words_of_a_2027_plan(text: str, expected: list[tuple[str, str, str | None]]):
    """Can-chi names follow the year, "kế hoạch năm N+1" advances, citations never change."""
    found = find_year_literals(text, {2027}, 1, next_plan=True)
    assert [(lit.old(text), lit.kind, lit.new) for lit in found] == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_year_literals_are_classified(text: str, expected: list[tuple[str, str, str | None]]):
    """Each literal of the plan year is found once, with its kind and suggested change."""
    found = find_year_literals(text, {2022}, 1)
    assert [(lit.old(text), lit.kind, lit.new) for lit in found] == expected


def test_leap_day_becomes_28_february():
    """A deadline on 29/02 moves to 28/02 of a common year."""
    [lit] = find_year_literals("trước ngày 29/02/2024", {2024}, 1)
    assert lit.new == "28/02/2025"


def test_rolling_two_years_shifts_by_two():
    """Rolling 2022 → 2024 lists both skipped years and shifts by two."""
    found = find_year_literals("năm 2022 và năm 2023", {2022, 2023}, 2)
    assert [lit.new for lit in found] == ["năm 2024", "năm 2025"]


@given(st.text(alphabet="0123456789 /-.năm2", max_size=40))
def test_every_occurrence_is_covered(text: str):
    """Every occurrence of the year outside a longer number lies inside exactly one literal."""
    found = find_year_literals(text, {2022}, 1)
    for match in re.finditer(r"(?<!\d)2022(?!\d)", text):
        covering = [lit for lit in found if lit.start <= match.start() < lit.end]
        assert len(covering) == 1
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


# Anniversary counts (Sa Pa 2022 tasks): the count advances, keeping its zero padding.
ANNIVERSARIES = [
    ("Sơ kết 05 năm thực hiện Chỉ thị số 12-CT/TU", [("05 năm", "06 năm")]),
    ("Sơ kết 5 năm triển khai thực hiện Nghị quyết", [("5 năm", "6 năm")]),
    ("Tổng kết 09 năm thực hiện", [("09 năm", "10 năm")]),
    ("Kỷ niệm 92 năm Ngày thành lập Đảng", [("92 năm", "93 năm")]),
    ("Thông báo “Về 05 năm thực hiện Chỉ thị số 24-CT/TW”", []),  # a cited title
    ("kế hoạch 6 tháng, một năm", []),
]


@pytest.mark.parametrize(("text", "expected"), ANNIVERSARIES)
def test_anniversary_counts_advance(text: str, expected: list[tuple[str, str]]):
    """ "05 năm thực hiện" is suggested as "06 năm"; quoted titles are left alone."""
    found = find_anniversaries(text, 1)
    assert [(lit.old(text), lit.new) for lit in found] == expected


@pytest.mark.parametrize(
    ("text", "recurring"),
    [
        ("Sơ kết định kỳ, biểu dương, khen thưởng các điển hình tiên tiến", True),
        ("Sơ kết 05 năm thực hiện Chỉ thị số 12-CT/TU", False),
        ("Tổ chức 01 cuộc thi tìm hiểu, học tập Bác", False),
        ("Tổ chức Hội thi Giảng viên lý luận chính trị giỏi", False),
        ("Tổng kết 10 năm triển khai thực hiện Nghị quyết", False),
        ("Tổ chức hội nghị báo cáo viên hằng tháng", True),
        ("Rà soát, đánh giá hoạt động của cộng tác viên dư luận xã hội", True),
    ],
)
def test_recurring_is_guessed_from_the_words(text: str, recurring: bool):
    """Tasks without a recurring flag are guessed: sơ kết N năm, hội thi, cuộc thi are one-off."""
    assert guess_recurring(text)[0] is recurring


def test_citation_in_the_same_clause_is_found():
    """A plan-year phrase after a cited document number is recognised as part of a citation."""
    text = "Thực hiện Đề án 11; Kế hoạch số 72 - KH/TU, ngày 30/12/2021 về công tác năm 2022."
    assert cited_in_clause(text, text.index("năm 2022")) == "72 - KH/TU"
    assert cited_in_clause("Ban hành chương trình năm 2022", 22) is None


def test_quote_keeps_whole_words_on_one_line():
    """The quote around a literal is cut at spaces, on one line, with ellipses."""
    text = (
        "Thị ủy Sa Pa xây dựng kế hoạch\ntriển khai năm 2022 về lĩnh vực Tuyên giáo cụ thể như sau"
    )
    start = text.index("2022")
    result = quote(text, start, start + 4, width=20)
    assert "\n" not in result and "2022" in result
    assert result.startswith("…") and result.endswith("…")
