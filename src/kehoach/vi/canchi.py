"""The can-chi name of a year (Giáp Thìn, Đinh Mùi …): the 60-year sexagenary cycle.

Party plans name the lunar year of the Tết they celebrate ("Tết Nguyên đán Đinh Mùi
2027"); the name belongs to the lunar year that begins at Tết of calendar year N.
"""

from __future__ import annotations

import re
from typing import Final

from kehoach.vi._checks import as_int

__all__ = ["CAN", "CAN_CHI_PATTERN", "CHI", "can_chi"]

CAN: Final[tuple[str, ...]] = (
    "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
)  # fmt: skip
"""The ten heavenly stems (thiên can), Giáp first."""

CHI: Final[tuple[str, ...]] = (
    "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
)  # fmt: skip
"""The twelve earthly branches (địa chi), Tý first."""

# Year 4 of the common era was a Giáp Tý year, the start of a cycle (so were 1924, 1984).
_CYCLE_START: Final[int] = 4

CAN_CHI_PATTERN: Final[re.Pattern[str]] = re.compile(
    r"\b(" + "|".join(CAN) + r"|Kỉ) (" + "|".join(CHI) + r"|Tị)\b"
)
"""Matches a can-chi name in running text (also the spellings "Kỉ" and "Tị")."""


def can_chi(year: int) -> str:
    """The can-chi name of the lunar year that starts at Tết of ``year``.

    Args:
        year: A calendar year, 1 or later.

    Returns:
        E.g. ``"Giáp Thìn"`` for 2024, ``"Đinh Mùi"`` for 2027, ``"Mậu Thân"`` for 2028.

    Raises:
        TypeError: If ``year`` is not an integer.
        ValueError: If ``year`` is below 1.

    Examples:
        >>> can_chi(2027)
        'Đinh Mùi'
    """
    value = as_int(year, "year")
    if value < 1:
        raise ValueError(f"year must be 1 or later, got {value} / năm phải từ 1 trở đi")
    offset = value - _CYCLE_START
    return f"{CAN[offset % 10]} {CHI[offset % 12]}"
