"""Roman numerals for part headings (``Phần I``, ``II.``; spec S-16)."""

from __future__ import annotations

from typing import Final

from kehoach.vi._checks import as_int

__all__ = ["roman"]

_VALUES: Final[tuple[tuple[int, str], ...]] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """Write ``n`` in upper-case Roman numerals (subtractive form).

    Args:
        n: An integer from 1 to 3999.

    Returns:
        E.g. ``"IV"``, ``"XII"``, ``"MMXXVI"``.

    Raises:
        TypeError: If ``n`` is not an integer (bool included).
        ValueError: If ``n`` is outside 1..3999.
    """
    value = as_int(n, "n")
    if not 1 <= value <= 3999:
        raise ValueError(
            f"roman() writes 1..3999, got {value} / chỉ viết được số La Mã từ 1 đến 3999"
        )
    parts: list[str] = []
    for amount, letters in _VALUES:
        times, value = divmod(value, amount)
        parts.append(letters * times)
    return "".join(parts)
