"""Paragraph text for the plan file: normalised, inline marks written, markers read.

Every string import writes is NFC with white space collapsed (the text a reader sees).
Rich text escapes ``*``, ``{``, ``}`` and ``\\`` so that a typed star or brace stays a
character; runs partly bold or italic become ``**…**`` / ``*…*``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kehoach.check.read import ParagraphView
from kehoach.check.read.lines import norm

__all__ = [
    "Marker",
    "escape_rich",
    "is_bold",
    "is_italic",
    "marker_of",
    "plain_text",
    "rich_text",
]

_RICH_SPECIAL = re.compile(r"([\\*{}])")
_SPACE_LIKE = "\u00a0\u2007\u202f"


def escape_rich(text: str) -> str:
    """``text`` as rich text that shows exactly these characters."""
    return _RICH_SPECIAL.sub(r"\\\1", text)


def plain_text(paragraph: ParagraphView) -> str:
    """The paragraph as shown (list label included), normalised."""
    return norm(paragraph.full_text)


def _runs(paragraph: ParagraphView) -> list[tuple[str, bool, bool]]:
    return [(r.text, r.bold, r.italic) for r in paragraph.runs if not r.hidden and r.text]


def is_bold(paragraph: ParagraphView) -> bool:
    """Every visible run is bold."""
    runs = paragraph.visible_runs
    return bool(runs) and all(r.bold for r in runs)


def is_italic(paragraph: ParagraphView) -> bool:
    """Every visible run is italic."""
    runs = paragraph.visible_runs
    return bool(runs) and all(r.italic for r in runs)


def rich_text(paragraph: ParagraphView, skip: int = 0) -> str:
    """The paragraph as rich text from character ``skip`` of its normalised text on.

    Bold and italic are marked only where they differ along the paragraph (a wholly
    bold heading is bold because it is a heading, not because of its text).
    """
    runs = _runs(paragraph)
    label = paragraph.list_label
    if label:
        runs.insert(0, (label + " ", False, False))
    all_bold = all(b for t, b, _ in runs if t.strip())
    all_italic = all(i for t, _, i in runs if t.strip())
    chars: list[tuple[str, bool, bool]] = []
    for text, bold, italic in runs:
        for char in unicodedata.normalize("NFC", text):
            if char == "\n":  # a line break inside the paragraph stays one
                while chars and chars[-1][0] == " ":
                    chars.pop()
                chars.append((char, False, False))
                continue
            if char.isspace() or char in _SPACE_LIKE:
                char = " "
                if not chars or chars[-1][0] in " \n":
                    continue
            chars.append((char, bold and not all_bold, italic and not all_italic))
    while chars and chars[-1][0] == " ":
        chars.pop()
    flat = "".join(c for c, _, _ in chars)
    normal = "\n".join(norm(line) for line in flat.split("\n"))
    if normal != flat:  # a tone mark split across runs: keep the text, drop the marks
        return escape_rich(normal[skip:]).strip()
    return _with_marks(flat[skip:], [(b, i) for _, b, i in chars[skip:]])


_ESCAPES = {"\\": "\\\\", "*": "\\*", "{": "\\{", "}": "\\}"}


def _with_marks(text: str, marks: list[tuple[bool, bool]]) -> str:
    if not any(b or i for b, i in marks):
        return escape_rich(text).strip()
    out: list[str] = []
    bold = italic = False
    for char, (want_bold, want_italic) in zip(text, marks, strict=False):
        if char in " \n":
            out.append(char)  # a space neither opens nor closes a mark
            continue
        if italic and not want_italic:
            _close(out, "*")
            italic = False
        if bold and not want_bold:
            _close(out, "**")
            bold = False
        if want_bold and not bold:
            out.append("**")
            bold = True
        if want_italic and not italic:
            out.append("*")
            italic = True
        out.append(_ESCAPES.get(char, char))
    if italic:
        _close(out, "*")
    if bold:
        _close(out, "**")
    return "".join(out).strip()


def _close(out: list[str], mark: str) -> None:
    trailing = ""
    while out and out[-1] == " ":
        trailing += out.pop()
    out.append(mark + trailing)


# Markers a person types before a heading or an item, most specific first.
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "part",
        re.compile(
            r"^PH[ẦA]N\s+TH[ỨU]\s+(NH[ẤA]T|HAI|BA|T[ƯU]|N[ĂA]M|S[ÁA]U|B[ẢA]Y|T[ÁA]M|CH[ÍI]N|M[ƯU][ỜO]I)"
            r"\b\s*[.:\-–]?\s*",
            re.IGNORECASE,
        ),
    ),
    ("roman", re.compile(r"^(?P<n>[IVXL]{1,6})\s*[.\-–/)]\s*")),
    ("decimal3", re.compile(r"^(?P<n>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+")),
    ("decimal", re.compile(r"^(?P<n>\d{1,2}\.\d{1,2})\.?\s+")),
    ("arabic", re.compile(r"^(?P<n>\d{1,2})\s*[.)]\s+")),
    ("letter", re.compile(r"^(?P<n>[a-zđ])\s*\)\s*")),
    ("dash", re.compile(r"^[-–—•‐]\s*")),
    ("plus", re.compile(r"^\+\s*")),
)


@dataclass(frozen=True)
class Marker:
    """The typed marker at the start of a paragraph.

    Attributes:
        kind: ``part``, ``roman``, ``decimal3``, ``decimal``, ``arabic``, ``letter``,
            ``dash``, ``plus`` or ``none``.
        number: The number as typed (``"II"``, ``"2.1"``), or ``""``.
        length: Characters of the normalised text the marker takes.
    """

    kind: str
    number: str
    length: int


def marker_of(text: str) -> Marker:
    """The marker that starts ``text`` (normalised paragraph text)."""
    for kind, pattern in _MARKERS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            number = match.groupdict().get("n") or ""
            if kind == "roman" and not _roman_like(number, text[match.end() :]):
                continue
            return Marker(kind, number, match.end())
    return Marker("none", "", 0)


def _roman_like(number: str, rest: str) -> bool:
    # "I. MỤC ĐÍCH" yes; "V-League" or "VI tính" no: a Roman heading starts with a
    # capital letter (or is written all in capitals).
    return bool(re.match(r"^[IVXL]+$", number)) and bool(rest) and (rest[0].isupper())
