"""Inline marks: the shortcut for plain text gives what the full parse gives (issue 15)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kehoach.model import placeholders as marks

# Letters, spaces and every character that means something to the parser.
_TEXT = st.text(alphabet=st.sampled_from("ab ạđ*{}\\-.9_"), max_size=30)


def _full_parse(text: str) -> list[marks.Span]:
    """parse_inline of mark-free text without the shortcut (an escaped star added, removed)."""
    spans = marks.parse_inline(text + "\\*")
    last = spans[-1]
    assert last.text.endswith("*")
    trimmed = marks.Span(last.text[:-1], last.bold, last.italic, last.placeholder)
    return [*spans[:-1], trimmed] if trimmed.text or trimmed.placeholder else spans[:-1]


@given(_TEXT)
def test_placeholders_match_the_spans(text: str) -> None:
    """The ids found in any text (with marks, escapes or none) are those of its spans."""
    assert marks.placeholders(text) == [
        s.placeholder for s in marks.parse_inline(text) if s.placeholder
    ]


@given(st.text(alphabet=st.sampled_from("ab ạđ-.9_"), max_size=30))
def test_plain_text_is_one_span(text: str) -> None:
    """Text without marks is one plain span, as the tokenizer would make it."""
    assert marks.parse_inline(text) == _full_parse(text)
