"""Unicode hygiene for Vietnamese text: NFC, tone-mark placement, XML-safe characters.

Vietnamese text in DOCX must be NFC (precomposed, TCVN 6909:2001 Unicode). Two
tone-mark placements are in use for the open syllables ``oa``, ``oe``, ``uy``:

* ``"old"`` (traditional): the mark on the first vowel — ``hòa``, ``khỏe``, ``thủy``;
* ``"new"``: the mark on the second vowel — ``hoà``, ``khoẻ``, ``thuỷ``.

[HD05] itself writes ``uỷ`` (new style) while many documents, e.g. the 2022 Sa Pa plan,
write ``ủy``. :func:`normalize_text` never changes the style; :func:`convert_tone_style`
is an explicit opt-in.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final, Literal

from kehoach.vi._checks import as_str

__all__ = ["convert_tone_style", "find_xml_invalid_chars", "is_nfc", "normalize_text"]

# The five tone marks as combining characters (NFD): huyền, sắc, ngã, hỏi, nặng.
_TONE_MARKS: Final[frozenset[str]] = frozenset("\u0300\u0301\u0303\u0309\u0323")
_NUCLEI: Final[frozenset[str]] = frozenset({"oa", "oe", "uy"})
_CONSONANTS: Final[frozenset[str]] = frozenset("bcdđghklmnpqrstvx")
# Only words ending in o/u (any tone) + a/e/y (any tone) can move a mark. The regular
# expression finds just those endings (the word is then extended back to its start):
# matching whole words with ``[^\W\d_]*`` and IGNORECASE scanned a plan's text (24,000
# characters, once per review) six times slower. Both cases are spelt out for the same
# reason.
_O, _A, _E, _U, _Y = (v + v.upper() for v in ("oòóỏõọ", "aàáảãạ", "eèéẻẽẹ", "uùúủũụ", "yỳýỷỹỵ"))
_OPEN_ENDING: Final[re.Pattern[str]] = re.compile(
    f"(?:[{_O}][{_A}{_E}]|[{_U}][{_Y}])(?![^\\W\\d_])"
)
_is_letter = re.compile(r"[^\W\d_]").match


def normalize_text(s: str) -> str:
    """Return ``s`` in Unicode NFC. The tone-mark style is never changed.

    Args:
        s: Any text.

    Returns:
        The NFC form of ``s``.

    Raises:
        TypeError: If ``s`` is not a str.
    """
    return unicodedata.normalize("NFC", as_str(s, "s"))


def is_nfc(s: str) -> bool:
    """Tell whether ``s`` is already in Unicode NFC.

    Args:
        s: Any text.

    Returns:
        ``True`` if ``normalize_text(s) == s``.

    Raises:
        TypeError: If ``s`` is not a str.
    """
    return unicodedata.is_normalized("NFC", as_str(s, "s"))


@lru_cache(maxsize=4096)  # a plan repeats a few hundred words thousands of times
def _convert_word(word: str, style: str) -> str:
    """Move the tone mark of one open ``oa``/``oe``/``uy`` syllable; else return ``word``."""
    letters: list[list[str]] = []  # [base, other marks, tone mark]
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char):
            if not letters:
                return word
            slot = 2 if char in _TONE_MARKS else 1
            letters[-1][slot] += char
        else:
            letters.append([char, "", ""])
    if len(letters) < 2:
        return word
    nucleus = letters[-2:]
    onset = letters[:-2]
    if "".join(b for b, _, _ in nucleus).lower() not in _NUCLEI:
        return word
    if any(marks for _, marks, _ in nucleus):  # ô, ơ, ư, ă, â, ê ...: another vowel
        return word
    onset_bases = "".join(b for b, _, _ in onset).lower()
    if any(b.lower() not in _CONSONANTS or m or t for b, m, t in onset):
        return word
    if onset_bases.endswith("q"):  # "qu" + y/a/e: "quý", "quà" never move
        return word
    first, second = nucleus
    if style == "new" and first[2] and not second[2]:
        first[2], second[2] = "", first[2]
    elif style == "old" and second[2] and not first[2]:
        first[2], second[2] = second[2], ""
    else:
        return word
    return unicodedata.normalize("NFC", "".join("".join(letter) for letter in letters))


def convert_tone_style(s: str, style: Literal["old", "new"]) -> str:
    """Move tone marks in open ``oa``, ``oe``, ``uy`` syllables to the given style.

    ``"new"`` turns ``hòa, thủy, khỏe, tòa, Ủy`` into ``hoà, thuỷ, khoẻ, toà, Uỷ``;
    ``"old"`` does the reverse. Only syllables that end in those two vowels are touched:
    ``hoàng``, ``thuyền``, ``ngoài``, ``khuya``, ``quý``/``quí`` (``qu`` is a consonant)
    never change. Converting a text written in one style to the other style and back
    gives the original text. The result is NFC.

    Args:
        s: The text.
        style: ``"old"`` (mark on the first vowel) or ``"new"`` (on the second).

    Returns:
        The converted text, NFC.

    Raises:
        TypeError: If ``s`` is not a str.
        ValueError: If ``style`` is not ``"old"`` or ``"new"``.
    """
    text = normalize_text(s)
    if style not in ("old", "new"):
        raise ValueError(
            f"style must be 'old' or 'new', got {style!r} / kiểu bỏ dấu chỉ là 'old' hoặc 'new'"
        )
    pieces: list[str] = []
    done = 0
    for ending in _OPEN_ENDING.finditer(text):
        start = ending.start()
        while start > done and _is_letter(text, start - 1):
            start -= 1
        pieces += (text[done:start], _convert_word(text[start : ending.end()], style))
        done = ending.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# The complement of XML 1.0 ``Char`` (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
# [#x10000-]). Every text of every plan passes here: the regex scans at C speed.
_XML_INVALID: Final[re.Pattern[str]] = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
)


def find_xml_invalid_chars(s: str) -> list[tuple[int, str]]:
    """List the characters that XML 1.0 (and so a DOCX file) cannot hold.

    These are the C0 control characters except tab, line feed and carriage return,
    U+FFFE, U+FFFF and surrogate code points (lone surrogates).

    Args:
        s: The text to check.

    Returns:
        ``(index, character)`` pairs in order of position; empty if ``s`` is safe.

    Raises:
        TypeError: If ``s`` is not a str.
    """
    return [(m.start(), m.group()) for m in _XML_INVALID.finditer(as_str(s, "s"))]
