"""Tests for kehoach.vi text helpers and the package surface.

normalize_text, is_nfc, convert_tone_style, find_xml_invalid_chars; the module's
dependency rule (no docx, docxtpl, pluggy or pydantic).
"""

from __future__ import annotations

import ast
import unicodedata
import xml.parsers.expat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kehoach.vi
from kehoach.vi import convert_tone_style, find_xml_invalid_chars, is_nfc, normalize_text

NFD = "Ho\u0300a Thu\u0309y"  # "Hòa Thủy" decomposed


def test_normalize_text_is_nfc_only() -> None:
    """normalize_text composes to NFC and keeps the tone-mark style."""
    assert normalize_text(NFD) == "Hòa Thủy"
    assert normalize_text("hoà thuỷ") == "hoà thuỷ"
    assert normalize_text("hòa thủy") == "hòa thủy"


def test_is_nfc() -> None:
    """is_nfc is true for composed text and false for decomposed text."""
    assert is_nfc("Thị ủy Sa Pa")
    assert not is_nfc(NFD)
    assert is_nfc(normalize_text(NFD))


def test_text_functions_reject_non_str() -> None:
    """The text helpers raise TypeError for non-str input."""
    for func in (normalize_text, is_nfc, find_xml_invalid_chars):
        with pytest.raises(TypeError):
            func(None)  # type: ignore[operator]
    with pytest.raises(TypeError):
        convert_tone_style(b"hoa", "new")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hòa", "hoà"),
        ("thủy", "thuỷ"),
        ("khỏe", "khoẻ"),
        ("tòa", "toà"),
        ("hóa", "hoá"),
        ("xòe", "xoè"),
        ("tùy", "tuỳ"),
        ("lũy", "luỹ"),
        ("ngụy", "nguỵ"),
        ("ủy", "uỷ"),
        ("Ủy ban", "Uỷ ban"),
        ("HÒA", "HOÀ"),
        ("Thủy", "Thuỷ"),
        ("òa", "oà"),
        ("Tỉnh ủy Lào Cai", "Tỉnh uỷ Lào Cai"),  # F-ORG-2 "THỊ ỦY" vs [HD05] "TỈNH UỶ"
        ("Huyện ủy Định Hóa", "Huyện uỷ Định Hoá"),  # F-ORG-2 [HD36] example
        ("xã hội hóa, hòa bình.", "xã hội hoá, hoà bình."),
    ],
)
def test_convert_tone_style_pairs(old: str, new: str) -> None:
    """convert_tone_style moves the mark between the oa/oe/uy vowels in both directions."""
    assert convert_tone_style(old, "new") == new
    assert convert_tone_style(new, "old") == old
    assert convert_tone_style(old, "old") == old
    assert convert_tone_style(new, "new") == new


@pytest.mark.parametrize(
    "word",
    [
        "hoàng", "thuyền", "quý", "quí", "Quý", "quà", "ngoài", "khuya", "khuỷu", "Huỳnh",
        "giỏi", "gìa", "thuế", "người", "tuổi", "hoa", "thuy", "Sa Pa", "2022", "oán",
    ],
)  # fmt: skip
def test_convert_tone_style_leaves_other_syllables(word: str) -> None:
    """Closed syllables, "qu"+vowel and other vowels are never changed."""
    assert convert_tone_style(word, "new") == word
    assert convert_tone_style(word, "old") == word


def test_convert_tone_style_output_is_nfc() -> None:
    """convert_tone_style accepts NFD input and returns NFC."""
    assert convert_tone_style(NFD, "new") == "Hoà Thuỷ"


def test_convert_tone_style_rejects_unknown_style() -> None:
    """A style other than "old"/"new" raises ValueError."""
    with pytest.raises(ValueError):
        convert_tone_style("hòa", "modern")  # type: ignore[arg-type]


TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
ONSETS = ["", "h", "kh", "t", "th", "l", "x", "ng", "ngh", "tr", "đ", "s", "ch", "nh", "b", "v"]


@st.composite
def open_syllable(draw: st.DrawFn, style: str) -> str:
    """An oa/oe/uy open syllable with a tone mark written in ``style``."""
    onset = draw(st.sampled_from(ONSETS))
    first, second = draw(st.sampled_from(["oa", "oe", "uy"]))
    tone = draw(st.sampled_from(TONES))
    word = onset + (first + tone + second if style == "old" else first + second + tone)
    word = unicodedata.normalize("NFC", word)
    casing = draw(st.sampled_from([str.lower, str.upper, str.capitalize]))
    return casing(word)


@st.composite
def closed_syllable(draw: st.DrawFn) -> str:
    """An oa/oe/uy syllable followed by more letters, tone on either vowel."""
    onset = draw(st.sampled_from(ONSETS))
    first, second = draw(st.sampled_from(["oa", "oe", "uy"]))
    tone = draw(st.sampled_from(TONES))
    coda = draw(st.sampled_from(["n", "ng", "t", "c", "nh", "ch", "i", "u", "a"]))
    marked = first + tone + second if draw(st.booleans()) else first + second + tone
    return unicodedata.normalize("NFC", onset + marked + coda)


@given(st.lists(open_syllable("old"), min_size=1, max_size=8), st.sampled_from([" ", ", ", "-"]))
def test_old_new_old_is_identity(words: list[str], sep: str) -> None:
    """old -> new -> old gives back any text written in the old style."""
    text = sep.join(words)
    new = convert_tone_style(text, "new")
    assert new != text
    assert convert_tone_style(new, "old") == text


@given(st.lists(open_syllable("new"), min_size=1, max_size=8))
def test_new_old_new_is_identity(words: list[str]) -> None:
    """new -> old -> new gives back any text written in the new style."""
    text = " ".join(words)
    assert convert_tone_style(convert_tone_style(text, "old"), "new") == text


def _strip_tones(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if c not in TONES)


@given(closed_syllable(), st.sampled_from(["old", "new"]))
def test_closed_syllables_never_change(word: str, style: str) -> None:
    """A syllable that does not end in oa/oe/uy is left untouched."""
    assert convert_tone_style(word, style) == word  # type: ignore[arg-type]


@given(st.text(), st.sampled_from(["old", "new"]))
def test_conversion_only_moves_tone_marks(text: str, style: str) -> None:
    """convert_tone_style never changes letters, only where tone marks sit."""
    result = convert_tone_style(text, style)  # type: ignore[arg-type]
    assert is_nfc(result)
    assert _strip_tones(result) == _strip_tones(normalize_text(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sa Pa\tngày\n15\r", []),
        ("a\x00b", [(1, "\x00")]),
        ("\x0b\x0c", [(0, "\x0b"), (1, "\x0c")]),
        ("x\x1f", [(1, "\x1f")]),
        ("\ufffe\uffff", [(0, "\ufffe"), (1, "\uffff")]),
        ("a\ud800", [(1, "\ud800")]),
        ("\ue000\ufffd😀", []),
        ("\x7f\x85", []),  # allowed (if discouraged) in XML 1.0
    ],
)
def test_find_xml_invalid_chars(text: str, expected: list[tuple[int, str]]) -> None:
    """find_xml_invalid_chars lists the positions of characters XML 1.0 cannot hold."""
    assert find_xml_invalid_chars(text) == expected


def _expat_accepts(char: str) -> bool:
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(f"<a>&#x{ord(char):X};</a>", True)
    except xml.parsers.expat.ExpatError:
        return False
    return True


@given(st.characters(codec=None, exclude_categories=()))
def test_xml_check_agrees_with_expat(char: str) -> None:
    """A character is reported exactly when expat refuses it as a character reference."""
    assert bool(find_xml_invalid_chars(char)) == (not _expat_accepts(char))


def test_xml_check_agrees_with_expat_on_low_code_points() -> None:
    """For U+0000..U+00FF and the surrogate/FFFx edges the check agrees with expat."""
    points = [*range(0x100), 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD, 0xFFFE]
    for code in [*points, 0xFFFF, 0x10000, 0x10FFFF]:
        char = chr(code)
        assert bool(find_xml_invalid_chars(char)) == (not _expat_accepts(char)), hex(code)


FORBIDDEN = {"docx", "docxtpl", "pluggy", "pydantic"}


def test_module_imports_no_forbidden_packages() -> None:
    """kehoach.vi imports neither docx, docxtpl, pluggy nor pydantic (issue #3)."""
    package_dir = Path(kehoach.vi.__file__).parent
    for source in package_dir.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{source.name} imports {name}"


def test_public_api_is_exported() -> None:
    """Every name in kehoach.vi.__all__ exists, and the fixed API names are all there."""
    expected = {
        "number_to_words", "money_to_words", "format_number", "format_money",
        "format_percent", "date_line", "short_date", "PartialDate", "DATE_BLANK", "roman",
        "doc_number", "number_symbol", "NUMBER_BLANK", "count", "type_code", "TYPE_CODES",
        "body_code", "normalize_text", "convert_tone_style", "is_nfc",
        "find_xml_invalid_chars",
    }  # fmt: skip
    assert expected <= set(kehoach.vi.__all__)
    for name in kehoach.vi.__all__:
        assert hasattr(kehoach.vi, name)
