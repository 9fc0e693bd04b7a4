"""Integers in Vietnamese words (spec rules V-NUMWORD-1, V-NUMWORD-2, V-MONEY-2).

Reading scheme (V-NUMWORD-1, with the choices this module makes explicit):

* The number is split into groups of three digits. Inside a block of nine digits the
  groups are followed by ``triệu``, ``nghìn``/``ngàn`` or nothing; each nine-digit block
  above the lowest is followed once by ``tỷ`` (block 1), ``tỷ tỷ`` (block 2). So the
  scale words are ``nghìn``, ``triệu``, ``tỷ``, ``nghìn tỷ``, ``triệu tỷ``, ``tỷ tỷ``
  (V-NUMWORD-1 step 1), and ``2.500.000.000.000`` reads ``hai nghìn năm trăm tỷ``, not
  ``hai nghìn tỷ năm trăm tỷ`` (as in the [NUM] reference ``NumToVnStr``).
* The first non-zero group is read without padding; every later non-zero group is read
  as three digits (``không trăm linh năm``), whatever block it is in (step 3).
* Zero groups are skipped by default (step 2). With ``skip_zero_groups=False`` a zero
  group that stands between the first non-zero group and a later non-zero group of the
  same block is read ``không triệu`` / ``không nghìn``; a whole zero block between two
  non-zero blocks is read ``không tỷ``; trailing zero groups are never read.
"""

from __future__ import annotations

from typing import Final, Literal

from kehoach.vi._checks import as_int

__all__ = ["WORDS_LIMIT", "money_to_words", "number_to_words"]

WORDS_LIMIT: Final[int] = 10**21
"""Exclusive bound: ``number_to_words`` reads integers with ``abs(n) < WORDS_LIMIT``."""

_DIGITS: Final[tuple[str, ...]] = (
    "không",
    "một",
    "hai",
    "ba",
    "bốn",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
)

_OPTIONS: Final[dict[str, tuple[str, ...]]] = {
    "zero_tens": ("linh", "lẻ"),
    "thousand": ("nghìn", "ngàn"),
    "four_after_tens": ("tư", "bốn"),
    "five_after_linh": ("năm", "lăm"),
}


def _check_option(name: str, value: object) -> str:
    allowed = _OPTIONS[name]
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise ValueError(
            f"{name} must be one of {choices}, got {value!r} / {name} chỉ nhận {choices}"
        )
    assert isinstance(value, str)
    return value


def _read_group(
    value: int,
    padded: bool,
    zero_tens: str,
    four_after_tens: str,
    five_after_linh: str,
) -> list[str]:
    """Read one group 1..999; ``padded`` reads it as three digits (V-NUMWORD-1 step 3)."""
    hundreds, tens, unit = value // 100, value // 10 % 10, value % 10
    words: list[str] = []
    if padded or hundreds:
        words += [_DIGITS[hundreds], "trăm"]  # step 4 (and "không trăm", step 3)
    if tens == 0:
        if unit:
            if words:  # step 5: "linh"/"lẻ" + plain unit; step 9: "năm" after linh
                words += [zero_tens, five_after_linh if unit == 5 else _DIGITS[unit]]
            else:  # a unit standing alone (step 9)
                words.append(_DIGITS[unit])
    elif tens == 1:  # step 6: "mười"; step 9: "lăm" after "mười", else plain unit
        words.append("mười")
        if unit:
            words.append("lăm" if unit == 5 else _DIGITS[unit])
    else:  # step 7: digit + "mươi"; step 8: "mốt", "tư" (or "bốn"), "lăm"
        words += [_DIGITS[tens], "mươi"]
        if unit == 1:
            words.append("mốt")
        elif unit == 4:
            words.append(four_after_tens)
        elif unit == 5:
            words.append("lăm")
        elif unit:
            words.append(_DIGITS[unit])
    return words


def number_to_words(
    n: int,
    *,
    zero_tens: Literal["linh", "lẻ"] = "linh",
    thousand: Literal["nghìn", "ngàn"] = "nghìn",
    four_after_tens: Literal["tư", "bốn"] = "tư",
    five_after_linh: Literal["năm", "lăm"] = "năm",
    skip_zero_groups: bool = True,
) -> str:
    """Read an integer in Vietnamese words, lower case (V-NUMWORD-1).

    Args:
        n: The integer; ``abs(n)`` must be below ``WORDS_LIMIT`` (10**21). A ``Decimal``
            without a fractional part is accepted.
        zero_tens: Word for a zero tens digit before a unit: ``"linh"`` (northern,
            default) or ``"lẻ"`` (southern).
        thousand: ``"nghìn"`` (default) or ``"ngàn"``.
        four_after_tens: Unit 4 after ``mươi``: ``"tư"`` (default) or ``"bốn"``.
        five_after_linh: Unit 5 after ``linh``/``lẻ``: ``"năm"`` (default, all sources)
            or ``"lăm"`` (only for a house style that demands it, V-NUMWORD-2).
        skip_zero_groups: Skip ``000`` groups (default, V-NUMWORD-1 step 2); ``False``
            reads them as ``không triệu``, ``không nghìn``, ``không tỷ``.

    Returns:
        The words, single-spaced, e.g. ``"sáu tỷ năm trăm linh năm triệu bốn trăm chín
        mươi nghìn"``; ``0`` gives ``"không"``; negatives start with ``"âm"``.

    Raises:
        TypeError: If ``n`` is not an exact integer (float, bool, str, None, ...).
        ValueError: If ``abs(n) >= 10**21`` or an option has an unknown value.

    Examples:
        >>> number_to_words(1005)
        'một nghìn không trăm linh năm'
        >>> number_to_words(10**15)
        'một triệu tỷ'
    """
    value = as_int(n, "n")
    zero_tens_w = _check_option("zero_tens", zero_tens)
    thousand_w = _check_option("thousand", thousand)
    four_w = _check_option("four_after_tens", four_after_tens)
    five_w = _check_option("five_after_linh", five_after_linh)
    if abs(value) >= WORDS_LIMIT:
        raise ValueError(
            f"number_to_words reads integers with abs(n) < 10**21, got {value} / "
            "chỉ đọc được số có giá trị tuyệt đối nhỏ hơn 10^21 (một nghìn tỷ tỷ)"
        )
    if value == 0:
        return _DIGITS[0]

    groups: list[int] = []  # least significant first
    rest = abs(value)
    while rest:
        rest, group = divmod(rest, 1000)
        groups.append(group)
    top = len(groups) - 1
    last = next(i for i, g in enumerate(groups) if g)  # lowest non-zero group
    within_scale = ("", thousand_w, "triệu")

    words: list[str] = ["âm"] if value < 0 else []
    for block in range(top // 3, last // 3 - 1, -1):
        indices = [i for i in (3 * block + 2, 3 * block + 1, 3 * block) if last <= i <= top]
        block_words: list[str] = []
        for i in indices:
            group = groups[i]
            later_nonzero_in_block = any(groups[j] for j in indices if j < i)
            if group:
                padded = i != top  # every group after the leading one (step 3)
                block_words += _read_group(group, padded, zero_tens_w, four_w, five_w)
                if within_scale[i % 3]:
                    block_words.append(within_scale[i % 3])
            elif not skip_zero_groups and i % 3 and later_nonzero_in_block:
                block_words += [_DIGITS[0], within_scale[i % 3]]  # "không triệu"
        if not block_words and not skip_zero_groups and block < top // 3:
            block_words.append(_DIGITS[0])  # a whole zero block: "không tỷ"
        if block_words:
            words += block_words + ["tỷ"] * block
    return " ".join(words)


def money_to_words(
    amount: int,
    *,
    zero_tens: Literal["linh", "lẻ"] = "linh",
    thousand: Literal["nghìn", "ngàn"] = "nghìn",
    four_after_tens: Literal["tư", "bốn"] = "tư",
    five_after_linh: Literal["năm", "lăm"] = "năm",
    skip_zero_groups: bool = True,
) -> str:
    """Write an amount of đồng in words: first letter capitalised, ends in ``đồng``.

    Same options and errors as :func:`number_to_words` (V-MONEY-2, V-NUMWORD-1 step 10).

    Args:
        amount: Whole đồng (``int`` or a whole ``Decimal``; never ``float``).
        zero_tens: See :func:`number_to_words`.
        thousand: See :func:`number_to_words`.
        four_after_tens: See :func:`number_to_words`.
        five_after_linh: See :func:`number_to_words`.
        skip_zero_groups: See :func:`number_to_words`.

    Returns:
        E.g. ``"Sáu tỷ năm trăm linh năm triệu bốn trăm chín mươi nghìn đồng"``.

    Raises:
        TypeError: If ``amount`` is not an exact integer.
        ValueError: If ``abs(amount) >= 10**21`` or an option has an unknown value.
    """
    words = number_to_words(
        as_int(amount, "amount"),
        zero_tens=zero_tens,
        thousand=thousand,
        four_after_tens=four_after_tens,
        five_after_linh=five_after_linh,
        skip_zero_groups=skip_zero_groups,
    )
    return f"{words[0].upper()}{words[1:]} đồng"
