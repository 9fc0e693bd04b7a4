"""Tests for kehoach.vi dates: date_line, short_date, PartialDate (F-DATE-1/2/5, V-DATE-1)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.vi import DATE_BLANK, PartialDate, date_line, short_date


@pytest.mark.parametrize(
    ("place", "d", "expected"),
    [
        # F-DATE-2 examples
        ("Hà Nội", dt.date(2026, 2, 3), "Hà Nội, ngày 03 tháng 02 năm 2026"),
        ("Hà Nội", dt.date(2026, 5, 27), "Hà Nội, ngày 27 tháng 5 năm 2026"),
        ("Sa Pa", dt.date(2022, 1, 15), "Sa Pa, ngày 15 tháng 01 năm 2022"),
        # [HD36] header quoted in F-SRC-3
        ("Hà Nội", dt.date(2018, 4, 3), "Hà Nội, ngày 03 tháng 4 năm 2018"),
        ("Sa Pa", dt.date(2020, 12, 31), "Sa Pa, ngày 31 tháng 12 năm 2020"),
        ("Sa Pa", dt.date(2022, 3, 9), "Sa Pa, ngày 09 tháng 3 năm 2022"),
        ("  Sa Pa ", dt.datetime(2022, 1, 15, 8, 30), "Sa Pa, ngày 15 tháng 01 năm 2022"),
        ("Sa Pa", PartialDate(2022, 1, 15), "Sa Pa, ngày 15 tháng 01 năm 2022"),
    ],
)
def test_date_line(place: str, d: dt.date | PartialDate, expected: str) -> None:
    """date_line writes "<place>, ngày dd tháng m năm yyyy" with F-DATE-2 zeros."""
    assert date_line(place, d) == expected


def test_date_line_drafts() -> None:
    """A draft leaves the day (and month) blank with DATE_BLANK (F-DATE-5, [PLAN] line 5)."""
    assert DATE_BLANK == "    "
    assert date_line("Sa Pa", PartialDate(2022, 1)) == "Sa Pa, ngày    tháng 01 năm 2022"
    assert date_line("Sa Pa", PartialDate(2022)) == "Sa Pa, ngày    tháng    năm 2022"
    assert date_line("Sa Pa", PartialDate(2026, 5)) == "Sa Pa, ngày    tháng 5 năm 2026"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (dt.date(2026, 1, 9), "09/01/2026"),  # V-DATE-1
        (dt.date(2026, 5, 27), "27/5/2026"),  # V-DATE-1
        (dt.date(2019, 3, 11), "11/3/2019"),  # V-DATE-1
        (dt.date(2022, 1, 15), "15/01/2022"),
        (dt.date(2020, 11, 8), "08/11/2020"),  # [PLAN] line 269 "ngày 08/11/2020"
        (dt.date(2014, 2, 20), "20/02/2014"),  # [PLAN] line 93
        (dt.date(2008, 7, 4), "04/7/2008"),  # [PLAN] line 93
        (dt.datetime(2020, 12, 31, 23, 59), "31/12/2020"),  # [PLAN] line 17
    ],
)
def test_short_date(d: dt.date, expected: str) -> None:
    """short_date writes dd/m/yyyy with the F-DATE-2 zero rule (V-DATE-1)."""
    assert short_date(d) == expected


@pytest.mark.parametrize("bad", ["2022-01-15", None, 20220115, PartialDate(2022, 1, 15)])
def test_short_date_rejects_non_dates(bad: object) -> None:
    """short_date raises TypeError for anything but a date."""
    with pytest.raises(TypeError):
        short_date(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["2022-01-15", None, (2022, 1, 15)])
def test_date_line_rejects_non_dates(bad: object) -> None:
    """date_line raises TypeError for anything but a date or PartialDate."""
    with pytest.raises(TypeError):
        date_line("Sa Pa", bad)  # type: ignore[arg-type]


def test_date_line_rejects_empty_place() -> None:
    """date_line raises ValueError for an empty place and TypeError for a non-str."""
    with pytest.raises(ValueError):
        date_line("  ", dt.date(2022, 1, 15))
    with pytest.raises(TypeError):
        date_line(None, dt.date(2022, 1, 15))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((2022, None, 15), ValueError),  # a day needs a month
        ((2022, 13), ValueError),
        ((2022, 0), ValueError),
        ((2022, 2, 30), ValueError),
        ((0,), ValueError),
        ((10000,), ValueError),
        ((2022.0,), TypeError),
        ((True,), TypeError),
        ((2022, "01"), TypeError),
    ],
)
def test_partial_date_validation(args: tuple[object, ...], error: type[Exception]) -> None:
    """PartialDate refuses impossible or mistyped fields."""
    with pytest.raises(error):
        PartialDate(*args)  # type: ignore[arg-type]


def test_partial_date_is_frozen() -> None:
    """PartialDate is an immutable, hashable value."""
    d = PartialDate(2022, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.year = 2023  # type: ignore[misc]
    assert d == PartialDate(2022, 1) and hash(d) == hash(PartialDate(2022, 1))


def _expected_day(day: int) -> str:
    return f"0{day}" if day < 10 else str(day)


def _expected_month(month: int) -> str:
    return f"0{month}" if month in (1, 2) else str(month)


@given(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_zero_rule_for_all_dates(d: dt.date) -> None:
    """For every date, day < 10 and months 1-2 are padded, months 3-12 not (F-DATE-2, V-DATE-1)."""
    line = date_line("Sa Pa", d)
    match = re.fullmatch(r"Sa Pa, ngày (\d\d) tháng (\d\d?) năm (\d{4})", line)
    assert match is not None
    assert match.groups() == (_expected_day(d.day), _expected_month(d.month), str(d.year))
    short = short_date(d)
    assert short == f"{_expected_day(d.day)}/{_expected_month(d.month)}/{d.year}"
    day, month, year = (int(part) for part in short.split("/"))
    assert dt.date(year, month, day) == d


@given(st.integers(1, 9999), st.one_of(st.none(), st.integers(1, 12)))
def test_partial_dates_keep_the_year(year: int, month: int | None) -> None:
    """A draft line always ends with the year and has a blank for each missing part."""
    line = date_line("X", PartialDate(year, month))
    assert line.endswith(f"năm {year}")
    assert line.startswith("X, ngày" + DATE_BLANK + "tháng")
    assert (month is None) == (f"tháng{DATE_BLANK}năm" in line)
