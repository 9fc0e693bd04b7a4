"""Tests for kehoach.vi figures: format_number, format_money, format_percent, count, roman.

Rules: V-MONEY-1 ("." thousands, "," decimals), V-MONEY-2 (unit), F-NUM-2 (leading zero
below 10, used for counts), S-16 (Roman numerals for parts).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.vi import count, format_money, format_number, format_percent, quantity_text, roman


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (6_505_490_000, "6.505.490.000"),  # V-MONEY-1 example; [PLAN] line 253
        (6_145_490_000, "6.145.490.000"),  # [PLAN] line 259
        (360_000_000, "360.000.000"),  # [PLAN] line 261
        (1_750_060_000, "1.750.060.000"),  # [PLAN] line 263
        (Decimal("1234.56"), "1.234,56"),  # V-MONEY-1 example
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("1234.50"), "1.234,5"),  # trailing zero decimals dropped
        (Decimal("0.000001"), "0,000001"),  # nothing rounded
        (Decimal("1E+3"), "1.000"),
        (Decimal("-0"), "0"),
        (-1000, "-1.000"),
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (10**21, "1.000.000.000.000.000.000.000"),
    ],
)
def test_format_number(n: int | Decimal, expected: str) -> None:
    """format_number uses "." between thousands and "," before decimals (V-MONEY-1)."""
    assert format_number(n) == expected


@pytest.mark.parametrize("bad", [1.5, 1000.0, True, None, "1000", Fraction(1, 2)])
def test_format_number_rejects_non_exact_types(bad: object) -> None:
    """format_number refuses float, bool, None, str and Fraction with TypeError."""
    with pytest.raises(TypeError):
        format_number(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_format_number_rejects_non_finite(bad: Decimal) -> None:
    """format_number refuses NaN and infinities with ValueError."""
    with pytest.raises(ValueError):
        format_number(bad)


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_format_number_round_trips_integers(n: int) -> None:
    """Removing the "." separators from format_number(n) gives n back (V-MONEY-1)."""
    text = format_number(n)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", text)
    assert int(text.replace(".", "")) == n


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_format_number_integers_match_babel(n: int) -> None:
    """Whole numbers, written without babel, read exactly as babel's "vi" pattern writes them."""
    assert format_number(n) == format_number(Decimal(n))


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15))
def test_format_number_round_trips_decimals(n: Decimal) -> None:
    """format_number keeps a Decimal's exact value: strip ".", read "," as the point."""
    text = format_number(n)
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?", text)
    assert Decimal(text.replace(".", "").replace(",", ".")) == n


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (6_505_490_000, "đồng", "6.505.490.000 đồng"),  # V-MONEY-2
        (6_505_490_000, "đ", "6.505.490.000đ"),  # V-MONEY-2 abbreviation; [PLAN] line 253
        (360_000_000, "đồng", "360.000.000 đồng"),  # [PLAN] line 261
        (Decimal("1000"), "triệu đồng", "1.000 triệu đồng"),
        (0, "đồng", "0 đồng"),
    ],
)
def test_format_money(amount: int, unit: str, expected: str) -> None:
    """format_money writes the figure then the unit; "đ" is attached (V-MONEY-2)."""
    assert format_money(amount, unit) == expected


def test_format_money_default_unit() -> None:
    """format_money's default unit is "đồng"."""
    assert format_money(6_505_490_000) == "6.505.490.000 đồng"


@pytest.mark.parametrize("bad", [1.0, True, None, "100", Decimal("0.5")])
def test_format_money_rejects_non_integers(bad: object) -> None:
    """format_money takes whole amounts only: float, bool, None, str, 0.5 raise TypeError."""
    with pytest.raises(TypeError):
        format_money(bad)  # type: ignore[arg-type]


def test_format_money_rejects_empty_unit() -> None:
    """An empty unit raises ValueError."""
    with pytest.raises(ValueError):
        format_money(1, "  ")


@pytest.mark.parametrize(
    ("ratio", "digits", "expected"),
    [
        (Decimal("0.855"), 1, "85,5%"),
        (1, 1, "100%"),
        (Fraction(4, 5), 1, "80%"),  # trailing ",0" dropped
        (Fraction(1, 3), 1, "33,3%"),
        (Fraction(2, 3), 1, "66,7%"),
        (Decimal("0.125"), 0, "13%"),  # half up
        (Decimal("0.12345"), 2, "12,35%"),  # exact half up (a float would give 12,34)
        (Decimal("0.8550"), 2, "85,5%"),
        (Decimal("-0.125"), 0, "-13%"),  # half away from zero
        (Decimal("-0.0004"), 1, "0%"),  # no "-0%"
        (0, 1, "0%"),
        (12, 1, "1.200%"),  # V-MONEY-1 separators
        (Fraction(1, 7), 3, "14,286%"),
    ],
)
def test_format_percent(ratio: Decimal | int | Fraction, digits: int, expected: str) -> None:
    """format_percent rounds half-up exactly and drops trailing zero decimals."""
    assert format_percent(ratio, digits) == expected


def test_format_percent_default_digits() -> None:
    """format_percent rounds to one decimal by default."""
    assert format_percent(Fraction(1, 8)) == "12,5%"
    assert format_percent(Decimal("0.12345")) == "12,3%"


@pytest.mark.parametrize("bad", [0.5, True, None, "0.5"])
def test_format_percent_rejects_float_and_others(bad: object) -> None:
    """format_percent refuses float, bool, None and str with TypeError."""
    with pytest.raises(TypeError):
        format_percent(bad)  # type: ignore[arg-type]


def test_format_percent_rejects_negative_digits() -> None:
    """digits < 0 raises ValueError."""
    with pytest.raises(ValueError):
        format_percent(Decimal("0.5"), -1)


@given(
    st.fractions(min_value=-100, max_value=100, max_denominator=10**6),
    st.integers(min_value=0, max_value=4),
)
def test_format_percent_matches_decimal_half_up(ratio: Fraction, digits: int) -> None:
    """format_percent equals Decimal ROUND_HALF_UP of the exact percentage."""
    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(ratio.numerator) * 100 / Decimal(ratio.denominator)
        expected = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = format_percent(ratio, digits)
    assert text.endswith("%") and not text.endswith(",%")
    number = text[:-1].replace(".", "").replace(",", ".")
    assert not ("," in text and text[:-1].endswith("0"))
    assert Decimal(number) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "01"),  # [PLAN] line 55 "01 Chỉ thị"; cf. F-NUM-2 "Số 01-BC/ĐH"
        (5, "05"),  # [PLAN] line 115 "05 cuộc kiểm tra"
        (3, "03"),  # [PLAN] line 109 "03 năm"
        (8, "08"),  # [PLAN] line 93 "08 năm"
        (9, "09"),
        (10, "10"),  # [PLAN] line 117 "10 năm"
        (16, "16"),
        (100, "100"),
        (1250, "1.250"),  # V-MONEY-1 separators
        (0, "0"),  # decision: no "00"
    ],
)
def test_count(n: int, expected: str) -> None:
    """count pads 1..9 with a leading zero and writes 0 as "0"."""
    assert count(n) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (4, "04"),  # F-NUM-2: a whole quantity is a count
        (Decimal("16.0"), "16"),
        (Decimal("4.5"), "4,5"),  # V-MONEY-1: "," for decimals
        (Decimal("1250"), "1.250"),
        (0, "0"),
    ],
)
def test_quantity_text(value: Decimal | int, expected: str) -> None:
    """quantity_text writes a whole quantity as a count and a fraction as a decimal."""
    assert quantity_text(value) == expected


def test_count_rejects_bad_input() -> None:
    """count raises ValueError for negatives and TypeError for non-integers."""
    with pytest.raises(ValueError):
        count(-1)
    for bad in (1.0, True, None, "5"):
        with pytest.raises(TypeError):
            count(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, "V"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (90, "XC"),
        (400, "CD"),
        (1994, "MCMXCIV"),
        (2026, "MMXXVI"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_roman(n: int, expected: str) -> None:
    """roman writes standard subtractive Roman numerals."""
    assert roman(n) == expected


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_roman_out_of_range(n: int) -> None:
    """roman raises ValueError outside 1..3999."""
    with pytest.raises(ValueError, match="3999"):
        roman(n)


@pytest.mark.parametrize("bad", [1.0, True, None, "IV"])
def test_roman_rejects_non_integers(bad: object) -> None:
    """roman raises TypeError for float, bool, None and str."""
    with pytest.raises(TypeError):
        roman(bad)  # type: ignore[arg-type]


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for here, after in zip(text, [*text[1:], ""], strict=True):
        value = values[here]
        total += -value if after and values[after] > value else value
    return total


def test_roman_round_trips_every_value() -> None:
    """Every roman(n), 1..3999, is canonical and an independent reader gives n back."""
    canonical = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
    for n in range(1, 4000):
        text = roman(n)
        assert canonical.fullmatch(text)
        assert _roman_value(text) == n
