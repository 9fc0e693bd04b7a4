"""Số và ký hiệu: ``Số 29-KH/TU`` (F-NUM-*, F-SYM-*, F-ORGSYM-*)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from kehoach.vi._checks import as_int, as_str
from kehoach.vi.text import convert_tone_style

__all__ = [
    "NUMBER_BLANK",
    "TYPE_CODES",
    "body_code",
    "doc_number",
    "number_symbol",
    "type_code",
]

NUMBER_BLANK: Final[str] = "    "
"""Four spaces standing for the number of an unnumbered draft (F-NUM-6).

The blank replaces the space and the number: ``"Số" + NUMBER_BLANK + "-KH/TU"``.
"""

# F-SYM-2: type name -> symbol (QĐ for both Quyết định and Quy định, F-SYM-1/F-SYM-3).
TYPE_CODES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "Nghị quyết": "NQ",
        "Quyết định": "QĐ",
        "Quy định": "QĐ",
        "Chỉ thị": "CT",
        "Kết luận": "KL",
        "Quy chế": "QC",
        "Thông tri": "TT",
        "Hướng dẫn": "HD",
        "Báo cáo": "BC",
        "Kế hoạch": "KH",
        "Chương trình": "CTr",
        "Đề án": "ĐA",
        "Phương án": "PA",
        "Dự án": "DA",
        "Thông báo": "TB",
        "Thông cáo": "TC",
        "Tờ trình": "TTr",
        "Công văn": "CV",
        "Biên bản": "BB",
        "Bản sao": "BS",
    }
)
"""Read-only table of F-SYM-2: Party document type name → type symbol."""


def _key(name: str) -> str:
    """Lookup key: NFC, case-folded, tone marks in the new style, single spaces."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
    return " ".join(convert_tone_style(folded, "new").split())


_TYPE_KEYS: Final[dict[str, str]] = {_key(name): code for name, code in TYPE_CODES.items()}


def type_code(type_name: str) -> str:
    """Return the symbol of a Party document type (F-SYM-1, F-SYM-2).

    The lookup ignores case, extra spaces, NFC/NFD and the tone-mark style
    (``hoà``/``hòa``), but not missing diacritics: ``"Quy dinh"`` is unknown.

    Args:
        type_name: The type name, e.g. ``"Kế hoạch"`` or ``"KẾ HOẠCH"``.

    Returns:
        The symbol, e.g. ``"KH"``; ``"Quy định"`` gives ``"QĐ"`` (never ``QyĐ``).

    Raises:
        TypeError: If ``type_name`` is not a str.
        ValueError: If the name is not in :data:`TYPE_CODES` (the message lists them).
    """
    code = _TYPE_KEYS.get(_key(as_str(type_name, "type_name")))
    if code is None:
        known = ", ".join(f"{name} ({symbol})" for name, symbol in TYPE_CODES.items())
        raise ValueError(
            f"unknown document type {type_name!r}; known types: {known}. Pass the symbol "
            f"explicitly for other types / không rõ thể loại văn bản {type_name!r}"
        )
    return code


# F-ORGSYM-2/3: names that are the whole body name.
_WHOLE_NAMES: Final[dict[str, str]] = {
    "trung ương": "TW",
    "trung ương đảng": "TW",
    "ban chấp hành trung ương": "TW",
    "ban chấp hành trung ương đảng": "TW",
    "bộ chính trị": "TW",
    "ban bí thư": "TW",
    "ban bí thư trung ương đảng": "TW",
    "quân uỷ trung ương": "QUTW",
    "báo nhân dân": "BND",
    "tạp chí cộng sản": "TCCS",
    "học viện chính trị quốc gia hồ chí minh": "HVCTQGHCM",
    "đài truyền hình việt nam": "ĐTHVN",
    "đài tiếng nói việt nam": "ĐTNVN",
    "thông tấn xã việt nam": "TTXVN",
    "viện hàn lâm khoa học xã hội việt nam": "VHLKHXHVN",
    "viện hàn lâm khoa học và công nghệ việt nam": "VHLKHCNVN",
}

# Cấp uỷ and party organisations; the words after them (place or unit name) are dropped.
# Longest prefix first. F-ORGSYM-1 (TU, HU, QU) and F-ORGSYM-2 (ĐU..., CB).
_COMMITTEES: Final[tuple[tuple[str, str], ...]] = (
    ("đảng uỷ bộ đội biên phòng", "ĐUBP"),
    ("đảng uỷ biên phòng", "ĐUBP"),
    ("đảng uỷ quân sự", "ĐUQS"),
    ("đảng uỷ công an", "ĐUCA"),
    ("đảng uỷ", "ĐU"),
    ("chi bộ", "CB"),
    ("tỉnh uỷ", "TU"),
    ("thành uỷ", "TU"),
    ("thị uỷ", "TU"),
    ("huyện uỷ", "HU"),
    ("quận uỷ", "QU"),
)

# Bodies with a fixed symbol whatever follows (F-ORGSYM-2).
_FIXED_PREFIXES: Final[tuple[tuple[str, str], ...]] = (
    ("đại hội", "ĐH"),
    ("cơ quan báo và phát thanh truyền hình", "CQBPTTH"),
    ("trường chính trị", "TCT"),
    ("trung tâm chính trị", "TTCT"),
    ("ban chỉ đạo", "BCĐ"),
    ("tiểu ban", "TB"),
    ("hội đồng", "HĐ"),
)

# Bodies under a cấp uỷ: own initials + the cấp uỷ's (F-ORGSYM-3). Longest first.
_UNITS: Final[tuple[tuple[str, str], ...]] = (
    ("cơ quan uỷ ban kiểm tra", "CQUBKT"),
    ("uỷ ban kiểm tra", "UBKT"),
    ("ban tuyên giáo và dân vận", "BTGDV"),
    ("ban tuyên giáo", "BTG"),
    ("ban dân vận", "BDV"),
    ("ban tổ chức", "BTC"),
    ("ban nội chính", "BNC"),
    ("ban xây dựng đảng", "BXDĐ"),
    ("văn phòng", "VP"),
)

# The standing bodies of a cấp uỷ issue under the cấp uỷ's symbol (F-ORG-3).
_STANDING: Final[tuple[str, ...]] = ("ban thường vụ", "thường trực")


def _rest(key: str, prefix: str) -> str | None:
    """Return what follows ``prefix`` as whole words, or ``None`` if it does not start it."""
    if key == prefix:
        return ""
    if key.startswith(prefix + " "):
        return key[len(prefix) + 1 :]
    return None


def _committee(key: str) -> str | None:
    """Symbol of a cấp uỷ, Trung ương or a fixed whole name, or ``None``."""
    if key in _WHOLE_NAMES:
        return _WHOLE_NAMES[key]
    for prefix in _STANDING:
        rest = _rest(key, prefix)
        if rest:
            return _committee(rest)
    for prefix, code in _COMMITTEES:
        if _rest(key, prefix) is not None:
            return code
    return None


def _single_body(key: str, *, bare_unit: bool = True) -> str | None:
    """Symbol of one body, or ``None``; ``bare_unit=False`` refuses a unit without parent."""
    committee = _committee(key)
    if committee is not None:
        return committee
    for prefix, code in _FIXED_PREFIXES:
        if _rest(key, prefix) is not None:
            return code
    for prefix, code in _UNITS:
        rest = _rest(key, prefix)
        if rest is None:
            continue
        if not rest:
            return code if bare_unit else None
        parent = _committee(rest)
        return None if parent is None else code + parent
    return None


_JOINT: Final[re.Pattern[str]] = re.compile(r"\s+[-–]\s+")


def body_code(body_name: str) -> str:
    """Derive the symbol of an issuing body from its name (F-ORGSYM-1..4, F-NUM-3).

    Cấp uỷ: ``Tỉnh/Thành/Thị uỷ`` → ``TU``, ``Huyện uỷ`` → ``HU``, ``Quận uỷ`` → ``QU``,
    ``Đảng uỷ …`` → ``ĐU`` (``ĐUQS``, ``ĐUCA``, ``ĐUBP``), ``Chi bộ …`` → ``CB``;
    ``Trung ương``, ``Ban Chấp hành Trung ương``, ``Bộ Chính trị``, ``Ban Bí thư`` → ``TW``;
    the place or unit name after the level word is dropped. ``Ban Thường vụ``/
    ``Thường trực`` + cấp uỷ take the cấp uỷ's symbol. A body under a cấp uỷ is its own
    initials + the cấp uỷ's (``Ban Tuyên giáo và Dân vận Tỉnh uỷ`` → ``BTGDVTU``,
    ``Văn phòng Tỉnh uỷ`` → ``VPTU``, ``Ban Xây dựng Đảng Đảng uỷ xã X`` → ``BXDĐĐU``);
    named alone it is its own initials (``BXDĐ``). Fixed symbols of F-ORGSYM-2
    (``ĐH``, ``TCT``, ``BND``, …) are known. Joint bodies written ``A - B`` give
    ``A-B``. Case, spacing and tone-mark style (``uỷ``/``ủy``) do not matter.

    Args:
        body_name: The body's name, e.g. ``"Thị ủy Sa Pa"``.

    Returns:
        The symbol, e.g. ``"TU"``.

    Raises:
        TypeError: If ``body_name`` is not a str.
        ValueError: If the name follows no known pattern; pass the symbol explicitly.
    """
    key = _key(as_str(body_name, "body_name"))
    code: str | None = None
    if _JOINT.search(key):  # F-NUM-3: "A - B" -> "A-B" when every part is a body
        parts = [_single_body(part, bare_unit=False) for part in _JOINT.split(key)]
        if all(parts):
            code = "-".join(p for p in parts if p)
    if code is None:
        code = _single_body(key)
    if code is None:
        raise ValueError(
            f"cannot derive the body symbol of {body_name!r}; pass the symbol explicitly "
            f"(e.g. body_code='BTGDVTU') / không tự suy ra được ký hiệu cơ quan của "
            f"{body_name!r}, hãy ghi rõ ký hiệu"
        )
    return code


def _check_code(code: object, what: str, allow_hyphen: bool) -> str:
    text = unicodedata.normalize("NFC", as_str(code, what)).strip()
    bad = "/" if allow_hyphen else "/-"
    if not text or any(c.isspace() or c in bad for c in text):
        forbidden = "spaces or '/'" if allow_hyphen else "spaces, '/' or '-'"
        raise ValueError(
            f"{what} must be a non-empty symbol without {forbidden}, got {code!r} / "
            f"ký hiệu {what} không hợp lệ (không được trống, không chứa dấu cách, '/')"
        )
    return text


def number_symbol(number: int | None, type_code: str, body_code: str) -> str:
    """Write the number and symbol without ``Số``, for citations: ``29-KH/TU``.

    Args:
        number: The number (>= 1; below 10 padded to two digits, F-NUM-2), or ``None``
            for an unnumbered draft, which gives :data:`NUMBER_BLANK` + ``-KH/TU``.
        type_code: The type symbol, e.g. ``"KH"`` (see :func:`type_code`).
        body_code: The body symbol, e.g. ``"TU"``; joint bodies ``"BTCTU-BNCTU"``.

    Returns:
        E.g. ``"29-KH/TU"``, ``"05-KH/TU"``.

    Raises:
        TypeError: If ``number`` is not an int or None, or a code is not a str.
        ValueError: If ``number < 1`` or a code is empty or contains spaces or ``/``.
    """
    type_text = _check_code(type_code, "type_code", allow_hyphen=False)
    body_text = _check_code(body_code, "body_code", allow_hyphen=True)
    if number is None:
        return f"{NUMBER_BLANK}-{type_text}/{body_text}"
    value = as_int(number, "number")
    if value < 1:
        raise ValueError(f"number must be >= 1, got {value} / số văn bản bắt đầu từ 01")
    return f"{value:02d}-{type_text}/{body_text}"


def doc_number(number: int | None, type_code: str, body_code: str) -> str:
    """Write the header line ``Số 29-KH/TU`` (F-NUM-1, F-NUM-2, F-NUM-6; no colon).

    Args:
        number: The number (>= 1), or ``None`` for a draft: ``"Số    -KH/TU"``.
        type_code: The type symbol, e.g. ``"KH"``.
        body_code: The body symbol, e.g. ``"TU"``.

    Returns:
        E.g. ``"Số 29-KH/TU"``, ``"Số 05-KH/TU"``, ``"Số    -KH/TU"``.

    Raises:
        TypeError: If ``number`` is not an int or None, or a code is not a str.
        ValueError: If ``number < 1`` or a code is invalid.
    """
    symbol = number_symbol(number, type_code, body_code)
    return f"Số{symbol}" if number is None else f"Số {symbol}"
