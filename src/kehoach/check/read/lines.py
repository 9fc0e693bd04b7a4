"""Visual lines of paragraphs and small text predicates used to recognise parts.

A hand-typed header often puts two blocks on one paragraph separated by tabs, or
two lines in one paragraph separated by a line break. :func:`lines_of` splits a
paragraph into :class:`Line` objects (by ``\\n``) and segments (by ``\\t``), each with
the runs that carry its text, so styles can be checked line by line.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kehoach.check.read.view import ParagraphView, RunView

__all__ = ["Line", "is_upper", "lines_of", "norm", "upper_key"]

Side = Literal["left", "right"] | None

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """NFC, non-breaking spaces as spaces, whitespace collapsed, stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


_VARIANTS = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-"})


@lru_cache(maxsize=4096)
def upper_key(text: str) -> str:
    """A key for comparing Vietnamese text regardless of case and of tone placement.

    ``Hoà``/``Hòa`` and ``Uỷ``/``Ủy`` (old and new tone placement) compare equal.
    """
    decomposed = unicodedata.normalize("NFD", norm(text).translate(_VARIANTS).upper())
    letters = []
    marks = []
    for char in decomposed:
        if unicodedata.combining(char) and char not in ("\u0306", "\u0302", "\u031b"):
            marks.append(char)  # tone marks: collected, re-attached per word
        else:
            letters.append(char)
            if char == " ":
                letters.extend(sorted(marks))
                marks = []
    letters.extend(sorted(marks))
    return "".join(letters)


def is_upper(text: str) -> bool:
    """The text has letters and none of them is lower case."""
    if text.upper() != text:  # some letter is lower case (fast, in C)
        return False
    return any(c.isalpha() for c in text)


@dataclass(frozen=True)
class Line:
    """One visual line (or tab-separated segment) of a paragraph.

    Attributes:
        paragraph: The paragraph it belongs to.
        text: The normalised text.
        runs: The (text-trimmed) runs carrying that text, hidden runs excluded.
        side: ``left``/``right`` in a two-block layout (table column or tab
            segment), ``None`` when unknown.
        number: 0-based line number within the paragraph.
    """

    paragraph: ParagraphView
    text: str
    runs: tuple[RunView, ...]
    side: Side = None
    number: int = 0

    @property
    def upper(self) -> bool:
        """Written IN HOA: upper-case letters, or every run has ``caps``."""
        runs = [r for r in self.runs if r.text.strip()]
        return is_upper(self.text) or (bool(runs) and all(r.caps for r in runs))


_BREAKS = re.compile(r"(\n|\t)")


def lines_of(paragraph: ParagraphView, side: Side = None) -> list[Line]:
    """Split ``paragraph`` into lines (``\\n``) and tab segments (``\\t``).

    The first tab segment of a line keeps ``side`` (or ``left`` when the line has
    several segments); later segments are ``right``.
    """
    rows: list[list[list[RunView]]] = [[[]]]
    label = paragraph.list_label
    for run in paragraph.runs:
        if run.hidden:
            continue
        if "\n" not in run.text and "\t" not in run.text:
            if run.text:
                rows[-1][-1].append(run)
            continue
        for piece in _BREAKS.split(run.text):
            if piece == "\n":
                rows.append([[]])
            elif piece == "\t":
                rows[-1].append([])
            elif piece:
                rows[-1][-1].append(dataclasses.replace(run, text=piece))
    out: list[Line] = []
    for number, segments in enumerate(rows):
        filled = [seg for seg in segments if norm("".join(r.text for r in seg))]
        for position, seg in enumerate(filled):
            text = norm("".join(r.text for r in seg))
            if number == 0 and position == 0 and label:
                text = f"{label} {text}"
            seg_side: Side = side
            if len(filled) > 1:
                seg_side = "left" if position == 0 else "right"
            out.append(Line(paragraph, text, tuple(seg), seg_side, number))
    return out
