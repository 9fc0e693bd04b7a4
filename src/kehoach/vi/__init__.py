"""Vietnamese language helpers for Party documents (issue #3).

Numbers in words and figures, dates, document numbers and symbols, and Unicode
hygiene, following /work/shared/spec/party-document-format.md sections 3.3-3.6 and 12
(rules F-NUM-*, F-SYM-*, F-ORGSYM-*, F-DATE-*, V-DATE-*, V-MONEY-*, V-NUMWORD-*).

This package depends only on the standard library and babel.
"""

from __future__ import annotations

from kehoach.vi.canchi import can_chi
from kehoach.vi.dates import DATE_BLANK, PartialDate, date_line, short_date
from kehoach.vi.numbers import count, format_money, format_number, format_percent
from kehoach.vi.numwords import WORDS_LIMIT, money_to_words, number_to_words
from kehoach.vi.parse import (
    ImpossibleDateError,
    ParseError,
    looks_like_date,
    parse_date,
    parse_money,
)
from kehoach.vi.roman import roman
from kehoach.vi.symbols import (
    NUMBER_BLANK,
    TYPE_CODES,
    body_code,
    doc_number,
    number_symbol,
    type_code,
)
from kehoach.vi.targets import (
    BOUND_WORDS,
    KIND_LABELS,
    TargetWords,
    count_phrase,
    counts_whole_things,
    percent_noun,
    target_words,
)
from kehoach.vi.text import (
    convert_tone_style,
    find_xml_invalid_chars,
    is_nfc,
    normalize_text,
)

__all__ = [
    "BOUND_WORDS",
    "DATE_BLANK",
    "KIND_LABELS",
    "NUMBER_BLANK",
    "TYPE_CODES",
    "WORDS_LIMIT",
    "ImpossibleDateError",
    "ParseError",
    "PartialDate",
    "TargetWords",
    "body_code",
    "can_chi",
    "convert_tone_style",
    "count",
    "count_phrase",
    "counts_whole_things",
    "date_line",
    "doc_number",
    "find_xml_invalid_chars",
    "format_money",
    "format_number",
    "format_percent",
    "is_nfc",
    "looks_like_date",
    "money_to_words",
    "normalize_text",
    "number_symbol",
    "number_to_words",
    "parse_date",
    "parse_money",
    "percent_noun",
    "roman",
    "short_date",
    "target_words",
    "type_code",
]
