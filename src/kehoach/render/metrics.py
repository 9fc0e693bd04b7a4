"""Advance widths of Times New Roman, to size the line under the Party title (F-TITLE-3).

The rule under "ĐẢNG CỘNG SẢN VIỆT NAM" is a paragraph bottom border; a border spans
the paragraph between its indents, so the indents are set to leave exactly the title's
width. The widths below are those of Liberation Serif, which is metric-compatible with
Times New Roman (same advance widths by design), so Word and LibreOffice lay the title
out at this width. Units: 1/2048 em, printable ASCII (U+0020…U+007E) in order.
Vietnamese letters take the width of their base letter (combining marks have no
advance) except Đ/đ and the horned Ơ/ơ/Ư/ư, listed apart.
"""

from __future__ import annotations

import unicodedata

_UNITS_PER_EM = 2048

_REGULAR = (
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909,
    1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479,
    1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961,
    1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024,
    1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
)  # fmt: skip
_BOLD = (
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167,
    1024, 1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933,
    1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569,
    682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569,
    1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451,
    807, 1065,
)  # fmt: skip
_EXTRA_REGULAR = {"Đ": 1479, "đ": 1024, "Ơ": 1479, "ơ": 1083, "Ư": 1589, "ư": 1110}
_EXTRA_BOLD = {"Đ": 1479, "đ": 1139, "Ơ": 1593, "ơ": 1134, "Ư": 1630, "ư": 1229}


def _advance(char: str, bold: bool) -> int:
    extra = _EXTRA_BOLD if bold else _EXTRA_REGULAR
    if char in extra:
        return extra[char]
    table = _BOLD if bold else _REGULAR
    code = ord(char)
    if 32 <= code <= 126:
        return table[code - 32]
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if "\u031b" in decomposed:  # the horn of Ơ/Ư widens the letter
        base = unicodedata.normalize("NFC", base + "\u031b")
    if base in extra:
        return extra[base]
    if 32 <= ord(base) <= 126:
        return table[ord(base) - 32]
    return table[ord("M") - 32]  # unknown glyph: a wide letter, so the line is never short


def text_width_twips(text: str, size_pt: float, *, bold: bool = False) -> int:
    """Width of ``text`` set in Times New Roman at ``size_pt``, in twips (1/20 pt)."""
    units = sum(_advance(c, bold) for c in unicodedata.normalize("NFC", text))
    return round(units * size_pt * 20 / _UNITS_PER_EM)
