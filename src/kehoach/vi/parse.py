"""Reading the forms staff type: dates and amounts of money (issue #12).

Dates: ``2027-01-12``, ``12/01/2027``, ``12-01-2027``, ``12.01.2027``,
``ngày 12 tháng 01 năm 2027``. Money: ``1.750.060.000``, ``1.750.060.000 đồng``,
``1.750.060.000đ``, ``1,5 tỷ``, ``1 tỷ 750 triệu`` — read exactly (no float). A form that
could mean two amounts (``1,750,060``) is refused with the reason, never guessed.

Errors are :class:`ParseError` (a ``ValueError``) whose message reads
``"English / tiếng Việt"`` like the rest of ``kehoach.vi``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
import unicodedata
from decimal import Decimal
from typing import Final

from kehoach.vi._checks import as_str

__all__ = [
    "ImpossibleDateError",
    "ParseError",
    "looks_like_date",
    "parse_date",
    "parse_money",
]


class ParseError(ValueError):
    """Text that is not a date or an amount; ``en`` and ``vi`` say why."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(f"{en} / {vi}")
        self.en = en
        self.vi = vi


class ImpossibleDateError(ParseError):
    """A date written in a known form that does not exist (``31/02/2027``)."""


# --- dates -----------------------------------------------------------------------

_ISO: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY: Final = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_WORDS: Final = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) when ``text`` has the shape of a date, else None."""
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return year, month, day
    if match := _DMY.fullmatch(text):
        return int(match[4]), int(match[3]), int(match[1])
    if match := _WORDS.fullmatch(text.lower()):
        return int(match[3]), int(match[2]), int(match[1])
    return None


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def looks_like_date(text: str) -> bool:
    """Whether ``text`` is written in one of the date forms (possible or not)."""
    return _date_parts(_clean(as_str(text, "text"))) is not None


def parse_date(text: str) -> _dt.date:
    """Read a date written as staff write it.

    Args:
        text: ``"12/01/2027"``, ``"12/1/2027"``, ``"12-01-2027"``, ``"12.01.2027"``,
            ``"ngày 12 tháng 01 năm 2027"`` or ISO ``"2027-01-12"``.

    Returns:
        The date.

    Raises:
        ImpossibleDateError: The form is right but the day does not exist
            (``"31/02/2027"``, ``"12/13/2027"``).
        ParseError: The text is not written in any date form.
        TypeError: If ``text`` is not a str.

    Examples:
        >>> parse_date("ngày 12 tháng 01 năm 2027")
        datetime.date(2027, 1, 12)
    """
    shown = _clean(as_str(text, "text"))
    parts = _date_parts(shown)
    if parts is None:
        raise ParseError(
            f"'{shown}' is not a date (write 12/01/2027, ngày 12 tháng 01 năm 2027 or 2027-01-12)",
            f"'{shown}' không phải ngày tháng (viết 12/01/2027, ngày 12 tháng 01 năm 2027 "
            "hoặc 2027-01-12)",
        )
    year, month, day = parts
    if not 1 <= month <= 12:
        raise ImpossibleDateError(
            f"'{shown}' does not exist: there is no month {month}",
            f"ngày '{shown}' không có thật: không có tháng {month}",
        )
    if year < 1:
        raise ImpossibleDateError(
            f"'{shown}' does not exist: there is no year 0",
            f"ngày '{shown}' không có thật: không có năm 0",
        )
    if day == 0:
        raise ImpossibleDateError(
            f"'{shown}' does not exist: there is no day 0",
            f"ngày '{shown}' không có thật: không có ngày 0",
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        shown_month = f"{month:02d}" if month < 3 else str(month)  # F-DATE-2 zeros
        raise ImpossibleDateError(
            f"'{shown}' does not exist: month {shown_month}/{year} has {last} days",
            f"ngày '{shown}' không có thật: tháng {shown_month}/{year} chỉ có {last} ngày",
        )
    return _dt.date(year, month, day)


# --- money -----------------------------------------------------------------------

_SCALES: Final[dict[str, int]] = {
    "tỷ": 10**9,
    "tỉ": 10**9,
    "triệu": 10**6,
    "nghìn": 10**3,
    "ngàn": 10**3,
}
_CURRENCY: Final = re.compile(r"\s*(đồng|đ|vnđ|vnd)\.?$")
# A figure: "1.750.060" (dot groups), "1750060", optionally ",5" decimals (V-MONEY-1).
_FIGURE: Final = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_SCALED_TERM: Final = re.compile(rf"({_FIGURE})\s*(tỷ|tỉ|triệu|nghìn|ngàn)")
_WHOLE: Final = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")
_EXAMPLES_EN: Final = "write 1.750.060.000, 1.750.060.000 đồng, 1,5 tỷ or 1 tỷ 750 triệu"
_EXAMPLES_VI: Final = "viết 1.750.060.000, 1.750.060.000 đồng, 1,5 tỷ hoặc 1 tỷ 750 triệu"


def _figure(text: str) -> Decimal:
    """A V-MONEY-1 figure as an exact Decimal: "1.750" → 1750, "1,5" → 1.5."""
    return Decimal(text.replace(".", "").replace(",", "."))


def _refuse(shown: str, en: str, vi: str) -> ParseError:
    return ParseError(
        f"'{shown}' is not an amount of money: {en} ({_EXAMPLES_EN})",
        f"'{shown}' không phải số tiền: {vi} ({_EXAMPLES_VI})",
    )


def _scaled(shown: str, text: str) -> Decimal:
    """Add up "1 tỷ 750 triệu 60 nghìn": each scale once, largest first."""
    total = Decimal(0)
    position = 0
    last_scale: int | None = None
    for match in _SCALED_TERM.finditer(text):
        if text[position : match.start()].strip():
            break
        scale = _SCALES[match[2]]
        if last_scale is not None and scale >= last_scale:
            raise _refuse(
                shown,
                "each of tỷ, triệu, nghìn may appear once, largest first",
                "tỷ, triệu, nghìn mỗi từ chỉ ghi một lần, từ lớn đến nhỏ",
            )
        total += _figure(match[1]) * scale
        last_scale = scale
        position = match.end()
    rest = text[position:].strip()
    if rest:
        if _WHOLE.fullmatch(rest) and last_scale is not None and position:
            raise _refuse(
                shown,
                f"'{rest}' after the last unit is unclear (write its unit, e.g. {rest} nghìn)",
                f"không rõ '{rest}' ở cuối là bao nhiêu (ghi đơn vị, ví dụ {rest} nghìn)",
            )
        raise _refuse(shown, "it is not written in a known form", "cách viết không rõ")
    return total


def parse_money(text: str) -> int:
    """Read an amount of money in whole đồng, exactly.

    Args:
        text: ``"1.750.060.000"``, ``"1750060000"``, ``"1.750.060.000 đồng"``,
            ``"1.750.060.000đ"``, ``"1,5 tỷ"``, ``"185 triệu đồng"``,
            ``"1 tỷ 750 triệu"``, ``"1 tỷ 750 triệu 60 nghìn"``.

    Returns:
        The amount in đồng.

    Raises:
        ParseError: The text is not an amount, could be read two ways
            (``"1,750,060"``: the comma is the Vietnamese decimal separator, V-MONEY-1),
            or is not a whole number of đồng (``"1,5"``).
        TypeError: If ``text`` is not a str.

    Examples:
        >>> parse_money("1 tỷ 750 triệu")
        1750000000
    """
    shown = _clean(as_str(text, "text"))
    body = _CURRENCY.sub("", shown.lower()).strip()
    if not body:
        raise _refuse(shown, "there is no figure", "không có con số")
    if body.startswith(("-", "−")):
        raise _refuse(shown, "an amount cannot be negative", "số tiền không thể âm")
    if any(word in body for word in _SCALES):
        value = _scaled(shown, body)
    else:
        body = body.replace(" ", "")
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", body) or re.fullmatch(
            r"\d{1,3}(?:,\d{3})+\.\d+", body
        ):
            raise _refuse(
                shown,
                "commas between groups of three digits are the English form; in Vietnamese "
                "the comma marks decimals (V-MONEY-1), so the amount is ambiguous — group "
                "thousands with dots",
                "dấu phẩy ngăn nhóm ba chữ số là cách viết tiếng Anh; tiếng Việt dùng dấu "
                "phẩy cho phần thập phân (V-MONEY-1) nên không rõ số tiền — nhóm hàng nghìn "
                "bằng dấu chấm",
            )
        if re.fullmatch(r"\d+\.\d{1,2}|\d+\.\d{4,}|\d+(?:\.\d+){2,}", body) and not (
            _WHOLE.fullmatch(body)
        ):
            raise _refuse(
                shown,
                "dots must separate groups of exactly three digits (V-MONEY-1)",
                "dấu chấm phải ngăn đúng từng nhóm ba chữ số (V-MONEY-1)",
            )
        if not re.fullmatch(_FIGURE, body):
            raise _refuse(shown, "it is not written in a known form", "cách viết không rõ")
        value = _figure(body)
    if value != value.to_integral_value():
        raise _refuse(
            shown,
            "it is not a whole number of đồng (missing tỷ/triệu/nghìn?)",
            "không phải số đồng nguyên (thiếu tỷ/triệu/nghìn?)",
        )
    return int(value)
