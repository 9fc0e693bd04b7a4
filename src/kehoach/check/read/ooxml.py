"""WordprocessingML names and small value parsers shared by the reader modules."""

from __future__ import annotations

from functools import cache
from typing import Final

from lxml import etree

W_NS: Final[str] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS: Final[str] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS: Final[str] = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC_NS: Final[str] = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_FALSE: Final[frozenset[str]] = frozenset({"0", "false", "off", "none"})


@cache
def w(tag: str) -> str:
    """The Clark name ``{w-namespace}tag`` (cached: called for every element read)."""
    return f"{{{W_NS}}}{tag}"


def wattr(element: etree._Element | None, name: str) -> str | None:
    """The ``w:name`` attribute of ``element`` (``None`` when absent)."""
    if element is None:
        return None
    value = element.get(w(name))
    return value if value is not None else None


def on_off(element: etree._Element | None) -> bool | None:
    """Value of an OOXML on/off element: absent → None, ``<w:b/>`` → True, ``val=0`` → False."""
    if element is None:
        return None
    value = element.get(w("val"))
    return value is None or value.lower() not in _FALSE


_UNITS: Final[dict[str, float]] = {
    "mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440.0, "pt": 20.0, "pc": 240.0,
}  # fmt: skip


def to_int(value: str | None) -> int | None:
    """An integer attribute value (twips, half-points…); ``None`` if absent or invalid.

    OOXML transitional files sometimes write decimals (``"567.0"``) or units
    (``"1cm"``); decimals are rounded and unit suffixes are converted to twips.
    """
    if value is None:
        return None
    try:
        return int(value)  # the usual case, first
    except ValueError:
        pass
    text = value.strip()
    for suffix, factor in _UNITS.items():
        if text.endswith(suffix):
            try:
                return round(float(text[: -len(suffix)]) * factor)
            except ValueError:
                return None
    try:
        return int(text)
    except ValueError:
        try:
            number = float(text)
        except ValueError:
            return None
        if number != number or number in (float("inf"), float("-inf")):
            return None
        return round(number)


def local(element: etree._Element) -> str:
    """The local name of ``element`` ('' for comments and other non-elements)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def is_w(element: etree._Element, name: str) -> bool:
    """Whether ``element`` is ``w:name``."""
    return bool(element.tag == w(name))
