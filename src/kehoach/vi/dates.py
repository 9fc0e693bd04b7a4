"""Dates: the header line ``Sa Pa, ngày 15 tháng 01 năm 2022`` and ``15/01/2022``.

Rules F-DATE-1, F-DATE-2, F-DATE-5 (header) and V-DATE-1 (running text).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Final

from kehoach.vi._checks import as_int, as_str

__all__ = ["DATE_BLANK", "PartialDate", "date_line", "short_date"]

DATE_BLANK: Final[str] = "    "
"""Four spaces standing for a day or month left blank in a draft (F-DATE-5).

The blank replaces the space and the figure: ``"ngày" + DATE_BLANK + "tháng"``.
"""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date whose day, or day and month, are not known yet (an unsigned draft).

    Attributes:
        year: The year, 1..9999.
        month: The month 1..12, or ``None`` when left blank.
        day: The day, or ``None`` when left blank; a day needs a month.

    Raises:
        TypeError: If a field is not an int (or None where allowed).
        ValueError: If a field is out of range, a day is given without a month, or
            the full date does not exist (e.g. 30 February).
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        """Check the fields (F-DATE-5 drafts always carry the year)."""
        year = as_int(self.year, "year")
        if not 1 <= year <= 9999:
            raise ValueError(f"year must be 1..9999, got {year} / năm phải từ 1 đến 9999")
        month = None if self.month is None else as_int(self.month, "month")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month must be 1..12, got {month} / tháng phải từ 1 đến 12")
        day = None if self.day is None else as_int(self.day, "day")
        if day is not None:
            if month is None:
                raise ValueError(
                    "a day needs a month (PartialDate(year, month, day)) / "
                    "đã có ngày thì phải có tháng"
                )
            _dt.date(year, month, day)  # raises ValueError for 30 February etc.
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)


def _day(day: int) -> str:
    """F-DATE-2: days below 10 get a leading zero."""
    return f"{day:02d}"


def _month(month: int) -> str:
    """F-DATE-2: months 1 and 2 get a leading zero, months 3..12 do not."""
    return f"{month:02d}" if month < 3 else str(month)


def date_line(place: str, d: _dt.date | PartialDate) -> str:
    """Write the place-and-date line of the header (F-DATE-1, F-DATE-2, F-DATE-5).

    Args:
        place: The place name (F-DATE-4), e.g. ``"Sa Pa"``; surrounding spaces are
            stripped.
        d: A ``datetime.date`` (a ``datetime`` is read as its date) or a
            :class:`PartialDate` for a draft; missing parts become :data:`DATE_BLANK`.

    Returns:
        E.g. ``"Sa Pa, ngày 15 tháng 01 năm 2022"``; a draft dated January 2022 gives
        ``"Sa Pa, ngày    tháng 01 năm 2022"``; a draft with only the year gives
        ``"Sa Pa, ngày    tháng    năm 2022"``.

    Raises:
        TypeError: If ``place`` is not a str or ``d`` is not a date or PartialDate.
        ValueError: If ``place`` is empty.
    """
    name = as_str(place, "place").strip()
    if not name:
        raise ValueError("place must not be empty / địa danh không được để trống")
    if isinstance(d, _dt.date | PartialDate):
        year, month, day = d.year, d.month, d.day
    else:
        raise TypeError(
            f"d must be a datetime.date or PartialDate, got {type(d).__name__} / "
            "ngày tháng phải là datetime.date hoặc PartialDate"
        )
    day_part = DATE_BLANK if day is None else f" {_day(day)} "
    month_part = DATE_BLANK if month is None else f" {_month(month)} "
    return f"{name}, ngày{day_part}tháng{month_part}năm {year}"


def short_date(d: _dt.date) -> str:
    """Write a date for running text as ``dd/m/yyyy`` (V-DATE-1, zero rule of F-DATE-2).

    Args:
        d: A ``datetime.date`` (a ``datetime`` is read as its date).

    Returns:
        E.g. ``"15/01/2022"``, ``"08/11/2020"``, ``"27/5/2026"``.

    Raises:
        TypeError: If ``d`` is not a date.
    """
    if not isinstance(d, _dt.date):
        raise TypeError(
            f"d must be a datetime.date, got {type(d).__name__} / ngày tháng phải là datetime.date"
        )
    return f"{_day(d.day)}/{_month(d.month)}/{d.year}"
