"""Argument checks shared by the ``kehoach.vi`` submodules (internal)."""

from __future__ import annotations

import operator
from decimal import Decimal
from numbers import Integral


def as_int(value: object, what: str) -> int:
    """Return ``value`` as an exact ``int`` or raise ``TypeError``.

    Accepts ``int`` (and other ``numbers.Integral`` types) and a finite ``Decimal``
    with no fractional part. Rejects ``bool`` explicitly (it is an ``int`` subclass),
    ``float`` (money never goes through binary floating point), strings, ``None`` and
    everything else.

    Args:
        value: The value to check.
        what: Name of the argument, used in the error message.

    Returns:
        The integer value.

    Raises:
        TypeError: If ``value`` is not an exact integer.
    """
    if isinstance(value, bool):
        raise TypeError(
            f"{what} must be an integer, not bool ({value!r}) / "
            f"{what} phải là số nguyên, không phải giá trị đúng/sai"
        )
    if isinstance(value, Integral):
        return operator.index(value)
    if isinstance(value, Decimal):
        if value.is_finite() and value == value.to_integral_value():
            return int(value)
        raise TypeError(
            f"{what} must be a whole number, got Decimal {value} / "
            f"{what} phải là số nguyên, không có phần lẻ thập phân"
        )
    if isinstance(value, float):
        raise TypeError(
            f"{what} must be an int or Decimal, not float ({value!r}); amounts never go "
            f"through float / {what} phải là int hoặc Decimal, không dùng số thực float"
        )
    raise TypeError(
        f"{what} must be an integer, got {type(value).__name__} ({value!r}) / "
        f"{what} phải là số nguyên"
    )


def as_str(value: object, what: str) -> str:
    """Return ``value`` unchanged if it is a ``str``, else raise ``TypeError``.

    Args:
        value: The value to check.
        what: Name of the argument, used in the error message.

    Returns:
        The string.

    Raises:
        TypeError: If ``value`` is not a ``str``.
    """
    if not isinstance(value, str):
        raise TypeError(
            f"{what} must be a str, got {type(value).__name__} ({value!r}) / "
            f"{what} phải là chuỗi ký tự"
        )
    return value
