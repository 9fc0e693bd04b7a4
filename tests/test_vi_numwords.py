"""Tests for kehoach.vi number_to_words / money_to_words (V-NUMWORD-1, V-NUMWORD-2, V-MONEY-2).

Every expected value below comes from a source named in the comment above it:

* [SPEC] /work/shared/spec/party-document-format.md, V-NUMWORD-1 (step examples and the
  worked example) and V-NUMWORD-2.
* [PLAN] /work/shared/reference/ke-hoach-tuyen-giao-sa-pa-2022.md, part IV (kinh phí).
* [TVD] github.com/trinhvuduc/number_to_vietnamese_words, README.md and
  test/number_to_vietnamese_words_test.dart (capitalisation removed).
* [NTD] https://www.ntdvn.net/doc-so-tien-bang-chu-522081.html ([NUM] in the spec).
* [RDS] https://rdsic.edu.vn/blog/blog-3/cach-doc-so-tien-vi-cb.html ([NUM] in the spec).
* [QAI] https://questionai.vn/essays-e2twLLQ5tJ7/... "Sự khác biệt giữa cách đọc số tiền
  bằng chữ trong tiếng Việt và tiếng Anh" (uses "bốn" after "mươi").
* [CH25] https://cauhoi2025.edu.vn/doc-so-55 ("Vì sao đọc số 55 là năm lăm").
* [XTMD] https://xetaimydinh.edu.vn/cauhoi/so-55-viet-bang-chu.
* [N2V] github.com/nntu/tracuunnt app/utils/NumToVnStr.py ([NUM] in the spec): the output
  of its algorithm, default options, with its ", " between nine-digit blocks removed;
  đọc_số_rỗng=False for the default (skip) cases, True for skip_zero_groups=False.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.vi import WORDS_LIMIT, money_to_words, number_to_words

# fmt: off
DEFAULT_CASES: list[tuple[int, str]] = [
    # [SPEC] V-NUMWORD-1 step 3
    (5, "năm"),
    (25, "hai mươi lăm"),
    (1025, "một nghìn không trăm hai mươi lăm"),
    (2001, "hai nghìn không trăm linh một"),
    (1_000_000_001, "một tỷ không trăm linh một"),
    # [SPEC] V-NUMWORD-1 step 2
    (6_000_490_000, "sáu tỷ bốn trăm chín mươi nghìn"),
    # [SPEC] V-NUMWORD-1 step 5
    (505, "năm trăm linh năm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    # [SPEC] V-NUMWORD-1 step 6
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    # [SPEC] V-NUMWORD-1 step 7
    (20, "hai mươi"),
    (90, "chín mươi"),
    # [SPEC] V-NUMWORD-1 step 8
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (55, "năm mươi lăm"),
    # [SPEC] V-NUMWORD-1 worked example (= [PLAN] line 253 in the default options)
    (6_505_490_000, "sáu tỷ năm trăm linh năm triệu bốn trăm chín mươi nghìn"),
    # [PLAN] line 259, 261
    (6_145_490_000, "sáu tỷ một trăm bốn mươi lăm triệu bốn trăm chín mươi nghìn"),
    (360_000_000, "ba trăm sáu mươi triệu"),
    # [PLAN] line 263 (which writes "ngàn"; see the thousand option test)
    (1_750_060_000, "một tỷ bảy trăm năm mươi triệu không trăm sáu mươi nghìn"),
    # [SPEC] V-NUMWORD-2 quotes "1.505.555.005: Một tỷ, năm trăm linh năm triệu, …"
    # ([NUM] truyenhinhcapsongthu); the rest as [N2V]
    (1_505_555_005,
     "một tỷ năm trăm linh năm triệu năm trăm năm mươi lăm nghìn không trăm linh năm"),
    # [TVD]
    (1, "một"),
    (2023, "hai nghìn không trăm hai mươi ba"),
    (10_000_000, "mười triệu"),
    (123_456_789,
     "một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín"),
    (1_000_000_000_220_001, "một triệu tỷ hai trăm hai mươi nghìn không trăm linh một"),
    (-55, "âm năm mươi lăm"),
    (-2023, "âm hai nghìn không trăm hai mươi ba"),
    # [NTD]
    (190_234_500, "một trăm chín mươi triệu hai trăm ba mươi tư nghìn năm trăm"),
    (9, "chín"),
    (19, "mười chín"),
    (999, "chín trăm chín mươi chín"),
    # [RDS]
    (1000, "một nghìn"),
    (2_500_000, "hai triệu năm trăm nghìn"),
    (123_456, "một trăm hai mươi ba nghìn bốn trăm năm mươi sáu"),
    (1234, "một nghìn hai trăm ba mươi tư"),
    # [CH25]
    (35, "ba mươi lăm"),
    (105, "một trăm linh năm"),
    (2005, "hai nghìn không trăm linh năm"),
    # [XTMD]
    (95, "chín mươi lăm"),
    (500, "năm trăm"),
    (5000, "năm nghìn"),
    (50_000, "năm mươi nghìn"),
    (205, "hai trăm linh năm"),
    (1005, "một nghìn không trăm linh năm"),
    # [N2V]
    (0, "không"),
    (41, "bốn mươi mốt"),
    (44, "bốn mươi tư"),
    (100, "một trăm"),
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (2025, "hai nghìn không trăm hai mươi lăm"),
    (10_000, "mười nghìn"),
    (11_000, "mười một nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (100_000, "một trăm nghìn"),
    (1_000_001, "một triệu không trăm linh một"),
    (1_000_010, "một triệu không trăm mười"),
    (1_100_000, "một triệu một trăm nghìn"),
    (200_000_005, "hai trăm triệu không trăm linh năm"),
    (10**9, "một tỷ"),
    (1_001_000_000, "một tỷ không trăm linh một triệu"),
    (14_000_000_000, "mười bốn tỷ"),
    (10**12, "một nghìn tỷ"),
    (10**12 + 5, "một nghìn tỷ không trăm linh năm"),
    (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
    (2_500_000_000_000, "hai nghìn năm trăm tỷ"),
    (10**15, "một triệu tỷ"),
    (10**18, "một tỷ tỷ"),
    (10**18 + 10**9, "một tỷ tỷ không trăm linh một tỷ"),
    (10**21 - 1,
     "chín trăm chín mươi chín tỷ tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín"
     " nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi"
     " chín nghìn chín trăm chín mươi chín"),
]

OPTION_CASES: list[tuple[int, dict[str, Any], str]] = [
    # [NTD] "9.999 - chín ngàn chín trăm chín mươi chín đồng"
    (9999, {"thousand": "ngàn"}, "chín ngàn chín trăm chín mươi chín"),
    # [PLAN] line 263 "Một tỷ bảy trăm năm mươi triệu không trăm sáu mươi ngàn đồng"
    (1_750_060_000, {"thousand": "ngàn"},
     "một tỷ bảy trăm năm mươi triệu không trăm sáu mươi ngàn"),
    # [PLAN] line 253 and [SPEC] V-NUMWORD-2 (the brief's house style)
    (6_505_490_000, {"thousand": "ngàn", "five_after_linh": "lăm"},
     "sáu tỷ năm trăm linh lăm triệu bốn trăm chín mươi ngàn"),
    # [QAI] "1,234,567,890 … một tỷ hai trăm ba mươi bốn triệu …"
    (1_234_567_890, {"four_after_tens": "bốn"},
     "một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi"),
    # [SPEC] V-NUMWORD-1 step 8 ("bốn also acceptable"); step 9: "mười bốn" either way
    (24, {"four_after_tens": "bốn"}, "hai mươi bốn"),
    (14, {"four_after_tens": "tư"}, "mười bốn"),
    # [SPEC] V-NUMWORD-2 "505: Năm trăm linh (lẻ) năm"; step 5 "linh (northern) or lẻ"
    (505, {"zero_tens": "lẻ"}, "năm trăm lẻ năm"),
    (101, {"zero_tens": "lẻ"}, "một trăm lẻ một"),
    (2001, {"zero_tens": "lẻ"}, "hai nghìn không trăm lẻ một"),
    # [SPEC] V-NUMWORD-1 step 9: "lăm" after "mười"/"mươi" whatever five_after_linh says
    (15, {"five_after_linh": "năm"}, "mười lăm"),
    (105, {"five_after_linh": "lăm"}, "một trăm linh lăm"),
    (105, {"five_after_linh": "lăm", "zero_tens": "lẻ"}, "một trăm lẻ lăm"),
    # [N2V] with đọc_số_rỗng=True; [SPEC] V-NUMWORD-1 step 2 ("optionally reads không triệu")
    (6_000_490_000, {"skip_zero_groups": False},
     "sáu tỷ không triệu bốn trăm chín mươi nghìn"),
    (1_000_000_001, {"skip_zero_groups": False},
     "một tỷ không triệu không nghìn không trăm linh một"),
    (1_000_001, {"skip_zero_groups": False}, "một triệu không nghìn không trăm linh một"),
    (10**18 + 5, {"skip_zero_groups": False},
     "một tỷ tỷ không tỷ không triệu không nghìn không trăm linh năm"),
    (6_505_490_000, {"skip_zero_groups": False},
     "sáu tỷ năm trăm linh năm triệu bốn trăm chín mươi nghìn"),
    (10**15, {"skip_zero_groups": False}, "một triệu tỷ"),
]

MONEY_CASES: list[tuple[int, dict[str, Any], str]] = [
    # [SPEC] V-NUMWORD-1 worked example, V-MONEY-2
    (6_505_490_000, {}, "Sáu tỷ năm trăm linh năm triệu bốn trăm chín mươi nghìn đồng"),
    # [PLAN] line 253 as written (thousand="ngàn", five_after_linh="lăm")
    (6_505_490_000, {"thousand": "ngàn", "five_after_linh": "lăm"},
     "Sáu tỷ năm trăm linh lăm triệu bốn trăm chín mươi ngàn đồng"),
    # [PLAN] line 259
    (6_145_490_000, {},
     "Sáu tỷ một trăm bốn mươi lăm triệu bốn trăm chín mươi nghìn đồng"),
    # [PLAN] line 261
    (360_000_000, {}, "Ba trăm sáu mươi triệu đồng"),
    # [PLAN] line 263 as written
    (1_750_060_000, {"thousand": "ngàn"},
     "Một tỷ bảy trăm năm mươi triệu không trăm sáu mươi ngàn đồng"),
    # [RDS] "1.000 VND: Một nghìn đồng", "2.500.000 VND: Hai triệu năm trăm nghìn đồng"
    (1000, {}, "Một nghìn đồng"),
    (2_500_000, {}, "Hai triệu năm trăm nghìn đồng"),
    # [NTD] "9 - chín đồng", "999 - chín trăm chín mươi chín đồng"
    (9, {}, "Chín đồng"),
    (999, {}, "Chín trăm chín mươi chín đồng"),
    # [TVD] "Âm năm mươi lăm" + V-MONEY-2 ending
    (-55, {}, "Âm năm mươi lăm đồng"),
    # [N2V] "không" + V-MONEY-2 ending
    (0, {}, "Không đồng"),
]
# fmt: on


@pytest.mark.parametrize(("n", "expected"), DEFAULT_CASES, ids=[str(c[0]) for c in DEFAULT_CASES])
def test_number_to_words_default_options(n: int, expected: str) -> None:
    """number_to_words reads each sourced number as its source does (V-NUMWORD-1)."""
    assert number_to_words(n) == expected


def test_case_table_is_large_enough() -> None:
    """The sourced tables hold at least 60 number/money cases (issue #3)."""
    assert len(DEFAULT_CASES) + len(OPTION_CASES) + len(MONEY_CASES) >= 60
    assert len(DEFAULT_CASES) >= 60


@pytest.mark.parametrize(("n", "options", "expected"), OPTION_CASES)
def test_number_to_words_options(n: int, options: dict[str, Any], expected: str) -> None:
    """Each option changes only the words it names (V-NUMWORD-1 step 2, V-NUMWORD-2)."""
    assert number_to_words(n, **options) == expected


@pytest.mark.parametrize(("amount", "options", "expected"), MONEY_CASES)
def test_money_to_words(amount: int, options: dict[str, Any], expected: str) -> None:
    """money_to_words capitalises the first letter and ends with "đồng" (V-MONEY-2)."""
    assert money_to_words(amount, **options) == expected


def test_whole_decimal_is_accepted() -> None:
    """A Decimal without fraction reads like the int (amounts may come as Decimal)."""
    assert number_to_words(Decimal("6505490000")) == number_to_words(6_505_490_000)
    assert money_to_words(Decimal("360000000.000")) == "Ba trăm sáu mươi triệu đồng"


@pytest.mark.parametrize("bad", [1.0, 5.5, True, False, None, "5", Decimal("1.5"), Decimal("NaN")])
def test_non_integers_raise_type_error(bad: object) -> None:
    """float, bool, None, str and fractional Decimal raise TypeError (money never via float)."""
    with pytest.raises(TypeError):
        number_to_words(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        money_to_words(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [10**21, -(10**21), 10**30])
def test_out_of_range_names_the_limit(n: int) -> None:
    """abs(n) >= 10**21 raises ValueError naming the limit."""
    with pytest.raises(ValueError, match=r"10\*\*21"):
        number_to_words(n)
    assert WORDS_LIMIT == 10**21


def test_limit_edges_are_readable() -> None:
    """The largest readable numbers (±(10**21 - 1)) are read, not refused."""
    assert number_to_words(-(10**21) + 1).startswith("âm chín trăm chín mươi chín tỷ tỷ")


@pytest.mark.parametrize(
    "options",
    [
        {"zero_tens": "le"},
        {"thousand": "ngan"},
        {"four_after_tens": "4"},
        {"five_after_linh": "nhăm"},
    ],
)
def test_unknown_option_value_raises(options: dict[str, Any]) -> None:
    """An option value outside its Literal raises ValueError listing the choices."""
    with pytest.raises(ValueError, match="must be one of"):
        number_to_words(105, **options)


# --- An independent reader of Vietnamese number words (no module tables used). -------------

_UNIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
    "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
}  # fmt: skip


def words_to_number(text: str) -> int:
    """Read Vietnamese number words back to an int (test oracle)."""
    tokens = text.split(" ")
    sign = 1
    if tokens[0] == "âm":
        sign, tokens = -1, tokens[1:]
    total = block = group = 0
    digit: int | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in _UNIT_WORDS:
            assert digit is None, f"two digit words in a row in {text!r}"
            digit = _UNIT_WORDS[token]
        elif token == "trăm":
            assert digit is not None
            group, digit = group + 100 * digit, None
        elif token == "mươi":
            assert digit is not None and digit >= 2
            group, digit = group + 10 * digit, None
        elif token == "mười":
            group += 10
        elif token in ("linh", "lẻ"):
            assert tokens[i - 1] == "trăm", f"{token!r} not after trăm in {text!r}"
        elif token in ("nghìn", "ngàn", "triệu"):
            group += digit or 0
            block += group * (1000 if token != "triệu" else 1_000_000)
            group, digit = 0, None
        elif token == "tỷ":
            repeat = 1
            while i + repeat < len(tokens) and tokens[i + repeat] == "tỷ":
                repeat += 1
            total += (block + group + (digit or 0)) * 10 ** (9 * repeat)
            block = group = 0
            digit = None
            i += repeat - 1
        else:
            raise AssertionError(f"unknown word {token!r} in {text!r}")
        i += 1
    return sign * (total + block + group + (digit or 0))


OPTIONS = st.fixed_dictionaries(
    {
        "zero_tens": st.sampled_from(["linh", "lẻ"]),
        "thousand": st.sampled_from(["nghìn", "ngàn"]),
        "four_after_tens": st.sampled_from(["tư", "bốn"]),
        "five_after_linh": st.sampled_from(["năm", "lăm"]),
        "skip_zero_groups": st.booleans(),
    }
)
UP_TO_10_12 = st.integers(min_value=-(10**12), max_value=10**12)
# Numbers with many zero groups: sums of a few groups at random positions.
SPARSE = st.lists(st.tuples(st.integers(0, 6), st.integers(1, 999)), min_size=1, max_size=4).map(
    lambda parts: sum(g * 1000**p for p, g in dict(parts).items())
)


def _well_spaced(words: str) -> bool:
    return words == " ".join(words.split()) and "  " not in words and words.strip() == words


@given(UP_TO_10_12)
def test_words_read_back_to_the_number(n: int) -> None:
    """For every |n| <= 10**12 the independent reader reads the default words back to n."""
    words = number_to_words(n)
    assert _well_spaced(words)
    assert words_to_number(words) == n


@settings(max_examples=300)
@given(st.one_of(UP_TO_10_12, SPARSE, st.integers(-(10**21) + 1, 10**21 - 1)), OPTIONS)
def test_every_option_combination_keeps_properties(n: int, options: dict[str, Any]) -> None:
    """Every option combination gives well-spaced words that read back to n."""
    words = number_to_words(n, **options)
    assert _well_spaced(words)
    assert words_to_number(words) == n
    tokens = words.split(" ")
    for before, word in itertools.pairwise(tokens):
        if word == "mốt":  # V-NUMWORD-1 step 8/9: "mốt" only after "mươi"
            assert before == "mươi"
        if before == options["zero_tens"] and word in ("năm", "lăm"):
            assert word == options["five_after_linh"]  # V-NUMWORD-2
    if options["skip_zero_groups"]:
        assert "không nghìn" not in words and "không triệu" not in words  # step 2


@given(UP_TO_10_12, OPTIONS)
def test_money_words_match_number_words(n: int, options: dict[str, Any]) -> None:
    """money_to_words is number_to_words capitalised plus " đồng" (V-MONEY-2)."""
    words = number_to_words(n, **options)
    money = money_to_words(n, **options)
    assert money == words[0].upper() + words[1:] + " đồng"
    assert money[0].isupper() and _well_spaced(money)


@given(st.integers(min_value=1, max_value=10**12))
def test_later_groups_read_as_three_digits(n: int) -> None:
    """A last group 001..099 after a leading group reads "không trăm …" (V-NUMWORD-1 step 3)."""
    words = number_to_words(n)
    tail = words
    for scale in (" nghìn ", " triệu ", " tỷ "):
        tail = tail.rsplit(scale, 1)[-1]
    if n >= 1000 and 0 < n % 1000 < 100:
        assert tail.startswith("không trăm ")
