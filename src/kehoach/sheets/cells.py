"""Typed cell values: amounts as a spreadsheet can keep them, cells read back as data.

:func:`money_value` writes an amount a spreadsheet number cannot hold exactly as text.
Each reader accepts what a spreadsheet or a person is likely to leave in a cell (a float
for a whole number, "6.505.490.000" for an amount, "30/6/2022" for a date, "có" for
yes) and raises :class:`CellError`, in Vietnamese and English, for anything else.
:func:`same_cell` tells an untouched cell from an edited one, so an unedited cell can
keep the plan's exact value.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from kehoach.vi import ParseError, parse_date, parse_money

EXACT_LIMIT = 10**15
"""Amounts from here up are written as text: a spreadsheet keeps 15 significant digits."""


class CellError(ValueError):
    """A cell value of the wrong kind; the message has a Vietnamese and an English part."""

    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi, self.en = vi, en


def text_cell(value: Any) -> str | None:
    """A text cell as text (numbers typed into a text column are kept as written)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def int_cell(value: Any) -> int | None:
    """A whole number (empty: None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("phải là số nguyên", "must be a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip().replace(".", "").replace(" ", "")
        if text.isdigit():
            return int(text)
    raise CellError(f"'{value}' không phải số nguyên", f"'{value}' is not a whole number")


def money_value(amount: int) -> int | str:
    """How an amount is written: a number, or text with "." separators when a
    spreadsheet could not keep all its digits."""
    if amount < EXACT_LIMIT:
        return amount
    return f"{amount:,}".replace(",", ".")


def money_cell(value: Any) -> int | None:
    """An amount of đồng: a whole number, or text such as ``6.505.490.000``."""
    if isinstance(value, float) and value.is_integer() and abs(value) >= 2**53:
        raise CellError(
            "số tiền quá lớn để bảng tính giữ đủ chữ số; ghi dạng chữ (6.505.490.000)",
            "the amount is too large for a spreadsheet number; write it as text",
        )
    if isinstance(value, str):
        if not value.strip():
            return None
        try:  # "1.750.060.000 đồng", "1,5 tỷ", "1 tỷ 750 triệu"; "1,750,060" refused
            return parse_money(value)
        except ParseError as exc:
            raise CellError(exc.vi, exc.en) from None
    return int_cell(value)


def date_cell(value: Any) -> date | None:
    """A date cell (or text ``30/6/2022``); empty: None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise CellError("chỉ ghi ngày, không ghi giờ", "a date without a time")
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        if _SHORT_YEAR.fullmatch(value.strip()):  # 30/6/22 would be the year 22, not 2022
            raise CellError(
                f"'{value}' không phải ngày: ghi năm đủ 4 chữ số (30/6/2022)",
                f"'{value}' is not a date: write the year in full (30/6/2022)",
            )
        try:  # 30/6/2022, 30-06-2022, ngày 30 tháng 6 năm 2022, 2022-06-30
            return parse_date(value)
        except ParseError as exc:
            raise CellError(exc.vi, exc.en) from None
    raise CellError(
        f"'{value}' không phải ngày (ghi 30/6/2022)", f"'{value}' is not a date (30/6/2022)"
    )


_SHORT_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")
_YES = {"có", "co", "x", "yes", "y", "true", "1", "đúng", "lặp lại"}
_NO = {"không", "khong", "no", "n", "false", "0", "sai", "một lần"}


def bool_cell(value: Any) -> bool | None:
    """Có/không (or a TRUE/FALSE cell); empty: None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(f"'{value}' phải là có hoặc không", f"'{value}' must be có (yes) or không (no)")


def same_cell(found: Any, written: Any) -> bool:
    """Whether a cell read back still holds what was written (the cell was not edited)."""
    if isinstance(found, str) and not found:
        found = None
    if isinstance(written, str) and not written:
        written = None
    if isinstance(found, datetime) and isinstance(written, date):
        return found.time() == datetime.min.time() and found.date() == written
    if isinstance(found, float) and isinstance(written, int) and not isinstance(written, bool):
        return found.is_integer() and int(found) == written
    return bool(type(found) is type(written) and found == written) or (
        found is None and written is None
    )
