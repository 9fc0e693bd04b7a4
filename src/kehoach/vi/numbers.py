"""Figures in running text: ``6.505.490.000``, ``85,5%``, ``05`` (V-MONEY-1/2, F-NUM-2)."""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction
from numbers import Integral
from typing import Final

from kehoach.vi._checks import as_int, as_str

__all__ = ["count", "format_money", "format_number", "format_percent", "quantity_text"]

_LOCALE: Final[str] = "vi"
# V-MONEY-1: "." groups thousands, "," separates decimals; the minus is ASCII "-".
GROUP_SEPARATOR: Final[str] = "."
DECIMAL_SEPARATOR: Final[str] = ","
_MINUS: Final[str] = "-"


def _babel_to_v_money_1(text: str) -> str:
    """Map babel's "vi" symbols to the V-MONEY-1 ones (a no-op with CLDR as of babel 2.19)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    group, decimal = get_group_symbol(_LOCALE), get_decimal_symbol(_LOCALE)
    minus = get_minus_sign_symbol(_LOCALE)
    if minus != _MINUS:
        text = text.replace(minus, _MINUS)
    if (group, decimal) != (GROUP_SEPARATOR, DECIMAL_SEPARATOR):
        text = text.translate({ord(group): GROUP_SEPARATOR, ord(decimal): DECIMAL_SEPARATOR})
    return text


def format_number(n: int | Decimal) -> str:
    """Write a number in figures with Vietnamese separators (V-MONEY-1).

    Integers get ``.`` between groups of three digits; a ``Decimal`` keeps every
    significant decimal digit (trailing zeros dropped) after ``,``. Nothing is rounded.

    Args:
        n: An ``int`` or a finite ``Decimal``; ``float`` and ``bool`` are refused.

    Returns:
        E.g. ``"6.505.490.000"``, ``"1.234,5"``, ``"-1.000"``.

    Raises:
        TypeError: If ``n`` is a float, bool, str, None or another type.
        ValueError: If ``n`` is a NaN or infinite ``Decimal``.

    Examples:
        >>> format_number(6505490000)
        '6.505.490.000'
        >>> format_number(Decimal("1234.5"))
        '1.234,5'
    """
    value: int | Decimal
    if isinstance(n, Decimal):
        if not n.is_finite():
            raise ValueError(f"cannot format {n} / không thể viết giá trị {n} thành số")
        value = n.copy_abs() if n.is_zero() else n  # never "-0"
    elif isinstance(n, Integral) and not isinstance(n, bool):
        value = int(n)
    else:
        raise TypeError(
            f"format_number expects an int or Decimal, got {type(n).__name__} ({n!r}) / "
            "format_number chỉ nhận int hoặc Decimal"
        )
    if isinstance(value, int):
        # Whole numbers (money, counts) need no locale data: babel stays off the render path.
        return f"{value:,}".replace(",", GROUP_SEPARATOR)
    return _format_decimal(value)


def _format_decimal(value: Decimal) -> str:
    """A decimal number through babel's "vi" pattern, every significant digit kept."""
    from babel.numbers import format_decimal

    digits = value.as_tuple()
    assert isinstance(digits.exponent, int)  # finite
    with localcontext() as ctx:  # babel computes in the current context: make it exact
        ctx.prec = len(digits.digits) + abs(digits.exponent) + 10
        text = format_decimal(value, format="#,##0.###", locale=_LOCALE, decimal_quantization=False)
    return _babel_to_v_money_1(text)


def format_money(amount: int, unit: str = "đồng") -> str:
    """Write an amount in figures followed by its unit (V-MONEY-1, V-MONEY-2).

    Args:
        amount: Whole đồng (``int`` or a whole ``Decimal``; never ``float``).
        unit: The unit word, ``"đồng"`` by default. The abbreviation ``"đ"`` is attached
            to the figure without a space (``6.505.490.000đ``), any other unit follows
            after one space.

    Returns:
        E.g. ``"6.505.490.000 đồng"``.

    Raises:
        TypeError: If ``amount`` is not an exact integer or ``unit`` is not a str.
        ValueError: If ``unit`` is empty.
    """
    value = as_int(amount, "amount")
    unit = as_str(unit, "unit").strip()
    if not unit:
        raise ValueError("unit must not be empty / đơn vị tính không được để trống")
    figure = format_number(value)
    return f"{figure}{unit}" if unit == "đ" else f"{figure} {unit}"


def _as_fraction(ratio: object) -> Fraction:
    if isinstance(ratio, bool | float):
        raise TypeError(
            f"ratio must be a Decimal, int or Fraction, not {type(ratio).__name__} "
            f"({ratio!r}) / tỷ lệ phải là Decimal, int hoặc Fraction (không dùng float)"
        )
    if isinstance(ratio, Decimal):
        if not ratio.is_finite():
            raise ValueError(f"ratio must be finite, got {ratio} / tỷ lệ phải là số hữu hạn")
        return Fraction(ratio)
    if isinstance(ratio, Fraction | Integral):
        return Fraction(ratio)
    raise TypeError(
        f"ratio must be a Decimal, int or Fraction, got {type(ratio).__name__} "
        f"({ratio!r}) / tỷ lệ phải là Decimal, int hoặc Fraction"
    )


def format_percent(ratio: Decimal | int | Fraction, digits: int = 1) -> str:
    """Write a ratio (a fraction of 1) as a percentage: ``Decimal("0.855")`` → ``"85,5%"``.

    The percentage is rounded exactly (no float) half away from zero to ``digits``
    decimals; trailing zero decimals and a bare ``,`` are then dropped, so
    ``Fraction(4, 5)`` gives ``"80%"``. Separators follow V-MONEY-1; no space before ``%``.

    Args:
        ratio: The ratio, e.g. ``Decimal("0.855")``, ``1`` or ``Fraction(1, 3)``.
        digits: Maximum number of decimals, ``>= 0`` (default 1).

    Returns:
        E.g. ``"85,5%"``, ``"100%"``, ``"33,3%"``.

    Raises:
        TypeError: If ``ratio`` is a float/bool/other type or ``digits`` not an int.
        ValueError: If ``digits`` is negative or ``ratio`` is not finite.
    """
    places = as_int(digits, "digits")
    if places < 0:
        raise ValueError(f"digits must be >= 0, got {places} / số chữ số thập phân phải >= 0")
    scaled = _as_fraction(ratio) * 100 * 10**places
    # Half away from zero, in exact rational arithmetic.
    magnitude = int(abs(scaled) + Fraction(1, 2))
    rounded = Decimal(-magnitude if scaled < 0 else magnitude).scaleb(-places)
    return f"{format_number(rounded)}%"


def count(n: int) -> str:
    """Write a count of things in figures, with a leading zero below 10 (cf. F-NUM-2).

    Party documents write small counts as ``01 Chỉ thị``, ``05 cuộc kiểm tra``. ``0`` is
    written ``"0"`` (a padded ``"00"`` would read as a placeholder); counts of 1 000 and
    more get thousands separators (V-MONEY-1).

    Args:
        n: A non-negative integer.

    Returns:
        E.g. ``"05"``, ``"16"``, ``"100"``, ``"1.250"``, ``"0"``.

    Raises:
        TypeError: If ``n`` is not an integer.
        ValueError: If ``n`` is negative.
    """
    value = as_int(n, "n")
    if value < 0:
        raise ValueError(f"a count cannot be negative, got {value} / số lượng không thể âm")
    if 1 <= value <= 9:
        return f"0{value}"
    return format_number(value)


def quantity_text(value: Decimal | int) -> str:
    """A count as Party documents write it: ``04``, ``16``, ``4,5``."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return count(int(value))
    return format_number(value)
