"""Times written as people write them on a task: "Quý IV/2025", "tháng 11/2025", "Thường xuyên".

A task's ``when`` is kept exactly as written; this module only reads it: the dates and
quarters it names (so reports know when a task falls due), and the forms that look like
a date but cannot be one ("31/02/2027", "tháng 13/2026", "Quý V/2026").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")
_MONTH = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.IGNORECASE)
_QUARTER = re.compile(r"quý\s+([IVX]+|\d+)\s*(?:/|năm)\s*(\d{4})", re.IGNORECASE)
_QUARTER_NO_YEAR = re.compile(r"quý\s+([IVX]+|\d+)\b(?!\s*(?:/|năm))", re.IGNORECASE)


@dataclass(frozen=True)
class Moment:
    """A point a ``when`` names, to the precision it was written: year and quarter always."""

    year: int | None
    quarter: int
    text: str


def when_problems(text: str) -> list[str]:
    """The pieces of ``text`` that look like a date, month or quarter but cannot be one."""
    return [problem.piece for problem in impossible_times(text)]


@dataclass(frozen=True)
class ImpossibleTime:
    """A piece of a ``when`` that cannot exist, with why ("tháng 02/2027 chỉ có 28 ngày")."""

    piece: str
    reason_vi: str
    reason_en: str


def impossible_times(text: str) -> list[ImpossibleTime]:
    """The pieces of ``text`` that look like a date, month or quarter but cannot be one,
    each with the reason, in Vietnamese and English."""
    problems = []
    for match in _DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        if not 1 <= month <= 12:
            problems.append(
                ImpossibleTime(
                    match.group(0), f"không có tháng {month}", f"there is no month {month}"
                )
            )
        elif not 1 <= day <= (days := calendar.monthrange(year, month)[1]):
            named = f"{month:02d}/{year}" if month < 3 else f"{month}/{year}"
            problems.append(
                ImpossibleTime(
                    match.group(0),
                    f"tháng {named} chỉ có {days} ngày" if day else "không có ngày 0",
                    f"month {named} has {days} days" if day else "there is no day 0",
                )
            )
    for match in _MONTH.finditer(text):
        month = int(match.group(1))
        if not 1 <= month <= 12:
            problems.append(
                ImpossibleTime(
                    match.group(0), f"không có tháng {month}", f"there is no month {month}"
                )
            )
    for pattern in (_QUARTER, _QUARTER_NO_YEAR):
        for match in pattern.finditer(text):
            if _quarter_number(match.group(1)) is None:
                problems.append(
                    ImpossibleTime(
                        match.group(0),
                        f"không có quý {match.group(1)} (một năm có quý I đến quý IV)",
                        f"there is no quarter {match.group(1)} (a year has quarters I to IV)",
                    )
                )
    return problems


def when_moments(text: str, year: int | None = None) -> list[Moment]:
    """The dates, months and quarters ``text`` names, in the order written.

    ``year`` stands for a quarter written without one ("Quý II"). Impossible forms
    (see :func:`when_problems`) are left out.
    """
    found: list[tuple[int, Moment]] = []
    taken: list[tuple[int, int]] = []
    for match in _DATE.finditer(text):
        day, month, y = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(y, month)[1]:
            found.append((match.start(), Moment(y, (month - 1) // 3 + 1, match.group(0))))
            taken.append(match.span())
    for match in _MONTH.finditer(text):
        month, y = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and not _inside(match.span(), taken):
            found.append((match.start(), Moment(y, (month - 1) // 3 + 1, match.group(0))))
    for pattern, has_year in ((_QUARTER, True), (_QUARTER_NO_YEAR, False)):
        for match in pattern.finditer(text):
            quarter = _quarter_number(match.group(1))
            if quarter is not None:
                named = int(match.group(2)) if has_year else year
                found.append((match.start(), Moment(named, quarter, match.group(0))))
    return [moment for _, moment in sorted(found, key=lambda pair: pair[0])]


def due_quarter(text: str, year: int) -> int | None:
    """The quarter of ``year`` by which the time ``text`` ends, or ``None`` if it names none.

    The last date named is the deadline ("Từ tháng 12/2025 đến quý I/2026" ends in
    quarter I of 2026); a time ending before ``year`` counts as quarter I, after it as IV.
    """
    moments = when_moments(text, year)
    if not moments:
        return None
    last = moments[-1]
    if last.year is None or last.year == year:
        return last.quarter
    return 1 if last.year < year else 4


def _quarter_number(text: str) -> int | None:
    number = _ROMAN_QUARTERS.get(text.upper()) if not text.isdigit() else int(text)
    return number if number is not None and 1 <= number <= 4 else None


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


__all__ = [
    "ImpossibleTime",
    "Moment",
    "due_quarter",
    "impossible_times",
    "when_moments",
    "when_problems",
]
