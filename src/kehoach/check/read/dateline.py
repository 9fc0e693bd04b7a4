"""Parse the place/date line and the document number of a Party header."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["DateLine", "NumberLine", "parse_date_line", "parse_number"]

_DATE_LINE = re.compile(
    r"^(?P<place>[^,]*?)\s*(?P<comma>,)?\s*ngày(?:\s+(?P<d>\d{1,2}))?\s*tháng"
    r"(?:\s+(?P<m>\d{1,2}))?\s*năm\s*(?P<y>\d{4})\s*\.?$",
    re.IGNORECASE,
)
_SLASH_DATE = re.compile(r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})")


@dataclass(frozen=True)
class DateLine:
    """A parsed ``<Place>, ngày dd tháng mm năm yyyy`` line (day/month may be blank).

    Attributes:
        well_formed: Follows F-DATE-1 (comma, words written in full).
        day_text, month_text: The figures as typed (for the zero rule F-DATE-2).
    """

    place: str
    year: int
    month: int | None
    day: int | None
    day_text: str | None
    month_text: str | None
    well_formed: bool

    def latest_day(self) -> date | None:
        """The last day the (possibly partial) date can stand for; ``None`` if invalid."""
        import calendar

        try:
            month = self.month or 12
            if not 1 <= month <= 12:
                return None
            last = calendar.monthrange(self.year, month)[1]
            day = self.day or last
            return date(self.year, month, day)
        except ValueError:
            return None


def parse_date_line(text: str) -> DateLine | None:
    """Parse a header date line; ``None`` when it holds no recognisable date."""
    match = _DATE_LINE.match(text.strip())
    if match:
        d, m = match.group("d"), match.group("m")
        return DateLine(
            place=match.group("place").strip(),
            year=int(match.group("y")),
            month=int(m) if m else None,
            day=int(d) if d else None,
            day_text=d,
            month_text=m,
            well_formed=bool(match.group("comma")) and bool(match.group("place").strip()),
        )
    match = _SLASH_DATE.search(text)
    if match and "ngày" in text.lower():
        place = text.split(",")[0].strip() if "," in text else ""
        return DateLine(
            place=place,
            year=int(match.group("y")),
            month=int(match.group("m")),
            day=int(match.group("d")),
            day_text=match.group("d"),
            month_text=match.group("m"),
            well_formed=False,
        )
    return None


# A body symbol is written as the office writes it: "TU", "BTGDVTU", "Th.U" (issue 10).
_BODY = r"[A-ZĐ][A-Za-zĐđ0-9]*(?:\.[A-Za-zĐđ0-9]+)*"
_PARTY_NUMBER = re.compile(
    rf"^Số (?P<n>\d+)-(?P<type>[A-ZĐ][A-Za-zĐđ]*)/(?P<body>{_BODY}"
    rf"(?:-{_BODY})*(?:/[a-z]+)?)$"
)
_DRAFT_NUMBER = re.compile(
    rf"^Số[\s.…]*-\s*(?P<type>[A-ZĐ][A-Za-zĐđ]*)\s*/\s*(?P<body>{_BODY}(?:[/-]{_BODY})*)$"
)
_ANY_SYMBOL = re.compile(r"(?P<type>[A-ZĐ][A-Za-zĐđ]*)\s*/\s*(?P<body>[A-ZĐ][A-ZĐ0-9-]*)")


@dataclass(frozen=True)
class NumberLine:
    """A parsed ``Số 29-KH/TU``.

    Attributes:
        form: ``party`` (F-NUM-1), ``draft`` (blank number, F-NUM-6), ``colon``
            (``Số:``, the State form), ``state`` (``Số: 15/QĐ-BNV`` order) or ``other``.
    """

    form: str
    number: str | None
    type_symbol: str | None
    body_symbol: str | None


def parse_number(text: str) -> NumberLine:
    """Classify a ``Số …`` header line."""
    text = " ".join(text.split())
    match = _PARTY_NUMBER.match(text)
    if match:
        return NumberLine("party", match.group("n"), match.group("type"), match.group("body"))
    match = _DRAFT_NUMBER.match(text)
    if match:
        return NumberLine("draft", None, match.group("type"), match.group("body"))
    symbol = _ANY_SYMBOL.search(text)
    type_symbol = symbol.group("type") if symbol else None
    body_symbol = symbol.group("body") if symbol else None
    number = re.search(r"\d+", text)
    if re.match(r"^Số\s*:", text):
        if re.match(r"^Số\s*:\s*\d*\s*/", text):
            state = re.match(r"^Số\s*:\s*(\d*)\s*/\s*([A-ZĐ][A-Za-zĐđ]*)-", text)
            return NumberLine(
                "state",
                state.group(1) if state else None,
                state.group(2) if state else None,
                None,
            )
        return NumberLine("colon", number.group(0) if number else None, type_symbol, body_symbol)
    return NumberLine("other", number.group(0) if number else None, type_symbol, body_symbol)
