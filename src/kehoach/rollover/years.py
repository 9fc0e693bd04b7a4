"""Years, dates and anniversary counts written inside free text.

Pure text functions (no model): they find every literal of the years being rolled
over and say what each one most likely is, so that the roll-forward can list it for a
person with a suggested change. Nothing here changes text.

What a literal is decides the suggestion (the change applied by ``--apply-suggestions``):

- ``plan-year`` "năm 2022": the plan's own year → "năm 2023";
- ``date`` a date in the plan year that is not a citation ("trước ngày 30/6/2022") →
  the same day of the new year;
- ``school-year`` a one-year span "2022 - 2023" (năm học, niên độ) → both years advance;
- ``anniversary-span`` "(1930 - 2022)" ending in the plan year → the end advances;
- ``next-plan-year`` "xây dựng kế hoạch năm 2023" in the 2022 plan: the year after the
  plan's, named as the next plan's ("tổng kết năm N−1 … kế hoạch năm N") → advances too;
- ``can-chi`` "Tết Nguyên đán Nhâm Dần": the can-chi name of a rolled year → the name
  of the new year (:func:`kehoach.vi.can_chi`);
- ``year`` any other bare year → advances, to be checked;
- no suggestion (listed only): ``citation-date`` the date of a cited document ("Kế hoạch
  số 72-KH/TU, ngày 30/12/2021"), ``period`` a fixed period ("giai đoạn 2021 - 2025"),
  ``doc-number`` a State document number ("30/2022/NĐ-CP"), ``citation`` a year inside
  the citation of another document ("Kế hoạch số 45-KH/TU … về … năm 2022": changing
  the year alone would cite a document that does not exist).

Anniversary counts ("sơ kết 05 năm thực hiện …") are found separately: the count
advances by the same number of years ("06 năm"); whether it is still a milestone is
left to the reader.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection
from dataclasses import dataclass

from kehoach.model.placeholders import PLACEHOLDER
from kehoach.vi import can_chi
from kehoach.vi.canchi import CAN_CHI_PATTERN

__all__ = ["Literal", "cited_in_clause", "find_anniversaries", "find_year_literals", "quote"]


@dataclass(frozen=True)
class Literal:
    """A literal found in a text: where it is, what it is and what to write instead."""

    start: int
    end: int
    kind: str
    new: str | None  # the replacement of text[start:end]; None: a person decides

    def old(self, text: str) -> str:
        """The literal as written."""
        return text[self.start : self.end]


_YEAR = r"(?:1[89]|2[0-2])\d\d"
_DATE = re.compile(rf"(?<![\d/.])(\d{{1,2}})\s*([/.-])\s*(\d{{1,2}})\s*\2\s*({_YEAR})(?!\d)")
_WORD_DATE = re.compile(
    rf"ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+({_YEAR})(?!\d)", re.IGNORECASE
)
_MONTH_YEAR = re.compile(
    rf"tháng\s+(\d{{1,2}})\s*(?:/|-|\s+năm\s+)\s*({_YEAR})(?!\d)", re.IGNORECASE
)
_SPAN = re.compile(rf"(?<![\d/])({_YEAR})\s*[-–—]\s*({_YEAR})(?![\d/])")
_DOC_NUMBER = re.compile(rf"(?<=/)({_YEAR})(?=/)")
_PLAN_YEAR = re.compile(rf"\bnăm\s+({_YEAR})(?![\d/])", re.IGNORECASE)
_BARE = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
# What comes right before the date of a cited document: "số 72 - KH/TU, ngày ",
# "Quy định 274-QĐ/TU ngày ", "Nghị định số 30/2020/NĐ-CP ngày ".
_CITED = re.compile(
    r"(?:\d+\s*-\s*[A-ZĐ][A-Za-zĐđ]*|\d+/\d{4}/[A-ZĐ][A-Za-zĐđ]*)(?:\s*[/-]\s*[A-Za-zĐđ0-9]+)*"
    r"\s*,?\s*(?:ngày\s*)?$"
)
_FIXED_PERIOD = re.compile(r"(giai đoạn|nhiệm kỳ|thời kỳ|chiến lược|từ năm)\s*$", re.IGNORECASE)
_ANNIVERSARY = re.compile(
    r"(?<![\d/.,])(\d{1,3})\s+năm(?=\s+(?:triển khai\s+)?(?:thực hiện|ngày|thành lập|chiến thắng|"
    r"giải phóng|khởi nghĩa|cách mạng|tái lập|truyền thống|Quốc khánh|sinh|hoạt động)\b)",
    re.IGNORECASE,
)
_KY_NIEM = re.compile(r"(kỷ niệm|kỉ niệm)\s+(\d{1,3})\s+năm\b", re.IGNORECASE)
# "xây dựng kế hoạch năm", "phương hướng, nhiệm vụ năm": a year named as the next plan's.
_NEXT_PLAN = re.compile(
    r"(kế hoạch|chương trình|phương hướng|nhiệm vụ|dự toán)[^.;:\n]{0,30}$", re.IGNORECASE
)


def _shift_year_text(text: str, years: Collection[int], shift: int) -> str:
    return re.sub(
        rf"(?<!\d){_YEAR}(?!\d)",
        lambda m: str(int(m.group()) + shift) if int(m.group()) in years else m.group(),
        text,
    )


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PLACEHOLDER.finditer(text)]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (the titles of cited documents)."""
    spans = [m.span() for m in re.finditer(r"“[^”]*”", text)]
    spans += [m.span() for m in re.finditer(r'"[^"]*"', text)]
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in spans)


def _replace_groups(match: re.Match[str], values: dict[int, str | int]) -> str:
    """The matched text with some groups replaced (a changed day keeps two digits)."""
    text, base = match[0], match.start()
    for group in sorted(values, key=match.start, reverse=True):
        value = values[group]
        if isinstance(value, int):
            if value == int(match[group]):
                continue
            value = f"{value:02d}"
        text = text[: match.start(group) - base] + value + text[match.end(group) - base :]
    return text


def _is_cited(text: str, start: int) -> bool:
    return bool(_CITED.search(text[max(0, start - 80) : start]))


def _date_new(day: int, month: int, year: int, shift: int) -> tuple[int, bool]:
    """The day in the shifted year (29/2 becomes 28/2 in a common year) and whether valid."""
    if not 1 <= month <= 12:
        return day, False
    last = calendar.monthrange(year + shift, month)[1]
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return day, False
    return min(day, last), True


def find_year_literals(
    text: str, years: Collection[int], shift: int, *, next_plan: bool = False
) -> list[Literal]:
    """Every literal of one of ``years`` in ``text``, classified, in order.

    Args:
        text: User text (inline marks and ``{id}`` placeholders allowed; years inside a
            placeholder are ids, not literals, and are skipped).
        years: The years to find (the plan year, and the years skipped when rolling over
            more than one year).
        shift: How many years the plan advances.
        next_plan: Also find "kế hoạch năm N+1" (N the last of ``years``): in a plan's
            own text it names the next plan, which advances with it.

    Returns:
        One :class:`Literal` per occurrence (a date, span or phrase covers the
        occurrences inside it), sorted by position.
    """
    found: list[Literal] = []
    taken = _placeholder_spans(text)

    def add(start: int, end: int, kind: str, new: str | None) -> None:
        found.append(Literal(start, end, kind, new))
        taken.append((start, end))

    for match in _DATE.finditer(text):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        if year not in years or _overlaps(taken, *match.span()):
            continue
        if _is_cited(text, match.start()):
            add(*match.span(), "citation-date", None)
            continue
        new_day, valid = _date_new(day, month, year, shift)
        if not valid:
            add(*match.span(), "year", _shift_year_text(match[0], years, shift))
            continue
        add(*match.span(), "date", _replace_groups(match, {4: str(year + shift), 1: new_day}))
    for pattern in (_WORD_DATE, _MONTH_YEAR):
        for match in pattern.finditer(text):
            year = int(match.groups()[-1])
            if year not in years or _overlaps(taken, *match.span()):
                continue
            if _is_cited(text, match.start()):
                add(*match.span(), "citation-date", None)
            else:
                add(*match.span(), "date", _shift_year_text(match[0], years, shift))
    for match in _SPAN.finditer(text):
        first, last = int(match[1]), int(match[2])
        if not (first in years or last in years) or first >= last:
            continue
        if _overlaps(taken, *match.span()):
            continue
        if _FIXED_PERIOD.search(text[max(0, match.start() - 20) : match.start()]):
            add(*match.span(), "period", None)
        elif last == first + 1:
            values: dict[int, str | int] = {1: str(first + shift), 2: str(last + shift)}
            add(*match.span(), "school-year", _replace_groups(match, values))
        elif last in years and first not in years:
            add(*match.span(), "anniversary-span", _replace_groups(match, {2: str(last + shift)}))
        else:
            add(*match.span(), "period", None)
    for match in _DOC_NUMBER.finditer(text):
        if int(match[1]) in years and not _overlaps(taken, *match.span()):
            add(*match.span(), "doc-number", None)
    for match in _PLAN_YEAR.finditer(text):
        year = int(match[1])
        if _overlaps(taken, *match.span()):
            continue
        if year in years:
            if _in_citation(text, match.start()):
                add(*match.span(), "citation", None)
            else:
                add(*match.span(), "plan-year", _shift_year_text(match[0], years, shift))
        elif (
            next_plan
            and years
            and year == max(years) + 1
            and _NEXT_PLAN.search(text[max(0, match.start() - 40) : match.start()])
            and not _in_citation(text, match.start())
        ):
            add(*match.span(), "next-plan-year", _shift_year_text(match[0], {year}, shift))
    for match in CAN_CHI_PATTERN.finditer(text):
        named = [y for y in years if _same_can_chi(match[0], can_chi(y))]
        if named and not _overlaps(taken, *match.span()):
            add(*match.span(), "can-chi", can_chi(named[0] + shift))
    for match in _BARE.finditer(text):
        if int(match[1]) in years and not _overlaps(taken, *match.span()):
            add(*match.span(), "year", str(int(match[1]) + shift))
    return sorted(found, key=lambda lit: lit.start)


def _in_citation(text: str, start: int) -> bool:
    """Whether ``start`` lies in the citation of another document: a document symbol
    earlier in the clause, its trích yếu ("về …") running up to ``start``, and no quoted
    title closed in between (after "… về “<title>” năm 2022" the year is the plan's own
    again, as in "… của Ban Tuyên giáo thành các nội dung … trong năm 2022")."""
    symbol = cited_in_clause(text, start)
    if symbol is None:
        return False
    clause_start = max(text.rfind(mark, 0, start) for mark in (";", ". ", "\n")) + 1
    last = None
    for found in _SYMBOL.finditer(text, clause_start, start):
        last = found
    assert last is not None
    between = text[last.end() : start]
    return " về " in between and "”" not in between and '"' not in between


def _same_can_chi(written: str, name: str) -> bool:
    """Whether ``written`` is ``name`` (the spellings Kỉ/Kỷ and Tị/Tỵ are one name)."""
    return written.replace("Kỉ", "Kỷ").replace("Tị", "Tỵ") == name


def _advance_count(digits: str, shift: int) -> str:
    value = int(digits) + shift
    return f"{value:0{len(digits)}d}" if digits.startswith("0") else str(value)


def find_anniversaries(text: str, shift: int) -> list[Literal]:
    """Anniversary counts ("05 năm thực hiện", "kỷ niệm 92 năm"), advanced by ``shift``.

    Counts inside quotation marks are part of a cited title and are skipped.
    """
    quoted = _quoted_spans(text) + _placeholder_spans(text)
    found: dict[int, Literal] = {}
    for pattern, group in ((_ANNIVERSARY, 1), (_KY_NIEM, 2)):
        for match in pattern.finditer(text):
            start = match.start(group)
            end = text.index("năm", match.end(group)) + len("năm")
            if _inside(quoted, start, end) or start in found:
                continue
            new = f"{_advance_count(match[group], shift)}{text[match.end(group) : end]}"
            found[start] = Literal(start, end, "anniversary", new)
    return sorted(found.values(), key=lambda lit: lit.start)


_SYMBOL = re.compile(r"\d+\s*-\s*[A-ZĐ][A-Za-zĐđ]*\s*/\s*[A-ZĐ][A-Za-zĐđ-]*")


def cited_in_clause(text: str, start: int) -> str | None:
    """The number and symbol of a document cited earlier in the same clause, if any.

    A plan-year phrase after "Kế hoạch số 72-KH/TU, ngày 30/12/2021 của … về … năm 2022"
    belongs to the cited document: changing the year alone would cite a document that
    does not exist.
    """
    clause_start = max(text.rfind(mark, 0, start) for mark in (";", ". ", "\n")) + 1
    found = _SYMBOL.findall(text[clause_start:start])
    return " ".join(found[-1].split()) if found else None


def quote(text: str, start: int, end: int, width: int = 40) -> str:
    """The literal with some words around it, on one line: "… lĩnh vực Tuyên giáo năm 2022"."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    snippet = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")
