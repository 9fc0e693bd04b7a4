"""Automatic list numbers (``w:numPr``): the label Word shows before a paragraph.

Hand-typed documents often number headings ("I.", "1.") or the Nơi nhận dashes with
Word's automatic lists, so the label is not in the paragraph's text. This module
recomputes it (decimal, Roman, letters, bullets; ``%1.%2.`` level texts; restarts of
lower levels) so the checker can recognise those paragraphs by content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from kehoach.check.read.ooxml import to_int, w, wattr
from kehoach.check.read.styles import Props, read_para_props

__all__ = ["Level", "Numbering", "roman"]


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    ppr: Props = field(default_factory=dict)


def roman(number: int) -> str:
    """``number`` in upper-case Roman numerals (1..3999; other numbers as digits)."""
    if not 0 < number < 4000:
        return str(number)
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    if number <= 0:
        return str(number)
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def _format(number: int, fmt: str) -> str:
    if fmt in {"upperRoman"}:
        return roman(number)
    if fmt == "lowerRoman":
        return roman(number).lower()
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


def _level(element: etree._Element) -> Level:
    return Level(
        start=to_int(wattr(element.find(w("start")), "val")) or 0
        if element.find(w("start")) is not None
        else 1,
        fmt=wattr(element.find(w("numFmt")), "val") or "decimal",
        text=wattr(element.find(w("lvlText")), "val") or "",
        ppr=read_para_props(element.find(w("pPr"))),
    )


class Numbering:
    """The numbering definitions of a document and the running counters."""

    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[int, dict[int, Level]] = {}
        self._num: dict[int, tuple[int, dict[int, Level], dict[int, int]]] = {}
        self._counters: dict[int, dict[int, int]] = {}
        self._started: set[int] = set()
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            aid = to_int(wattr(abstract, "abstractNumId"))
            if aid is None:
                continue
            levels = {}
            for lvl in abstract.iter(w("lvl")):
                ilvl = to_int(wattr(lvl, "ilvl"))
                if ilvl is not None:
                    levels[ilvl] = _level(lvl)
            self._abstract[aid] = levels
        for num in root.iter(w("num")):
            nid = to_int(wattr(num, "numId"))
            aid = to_int(wattr(num.find(w("abstractNumId")), "val"))
            if nid is None or aid is None:
                continue
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.iter(w("lvlOverride")):
                ilvl = to_int(wattr(override, "ilvl"))
                if ilvl is None:
                    continue
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    overrides[ilvl] = _level(lvl)
                start = to_int(wattr(override.find(w("startOverride")), "val"))
                if start is not None:
                    starts[ilvl] = start
            self._num[nid] = (aid, overrides, starts)

    def level(self, num_id: int, ilvl: int) -> Level | None:
        """The definition of level ``ilvl`` of list ``num_id`` (``None`` if undefined)."""
        entry = self._num.get(num_id)
        if entry is None:
            return None
        aid, overrides, _ = entry
        return overrides.get(ilvl) or self._abstract.get(aid, {}).get(ilvl)

    def next_label(self, num_id: int, ilvl: int) -> str | None:
        """Advance the counter of ``num_id``/``ilvl`` and return the label shown."""
        entry = self._num.get(num_id)
        if num_id == 0 or entry is None:
            return None
        aid, _, starts = entry
        levels = {i: self.level(num_id, i) for i in range(9)}
        current = levels.get(ilvl)
        if current is None:
            return None
        counters = self._counters.setdefault(aid, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl_index, start in starts.items():
                counters[lvl_index] = start - 1
        counters[ilvl] = counters.get(ilvl, current.start - 1) + 1
        for deeper in range(ilvl + 1, 9):
            counters.pop(deeper, None)
        if current.fmt == "bullet":
            return _bullet(current.text)
        label = current.text
        for index in range(8, -1, -1):
            token = f"%{index + 1}"
            if token not in label:
                continue
            lvl = levels.get(index)
            value = counters.get(index, lvl.start if lvl else 1)
            label = label.replace(token, _format(value, lvl.fmt if lvl else "decimal"))
        return label


def _bullet(text: str) -> str:
    """A bullet's character; Symbol/Wingdings private-use bullets become '•'."""
    if not text:
        return "•"
    char = text[0]
    if "\uf000" <= char <= "\uf8ff":
        return "•" if char not in {"\uf02d", "\uf0a7"} else ("-" if char == "\uf02d" else "▪")
    return text
