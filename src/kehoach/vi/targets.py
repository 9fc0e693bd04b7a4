"""How a target or a count reads: "ít nhất 05 hội nghị", "100% số thôn", "04 thôn" (#12).

A target has a kind (yearly, cumulative over a period, one-off, ratio) and a bound (at
least, at most, exactly); a ratio is a percentage of a noun ("100% số thôn", "90% đảng
viên"). A unit written ``"% thôn"`` is a percentage whose noun is "thôn": the figure and
"%" stay together ("100% thôn", never "100 % thôn").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from kehoach.vi._checks import as_str
from kehoach.vi.numbers import count, format_number

__all__ = [
    "BOUND_WORDS",
    "KIND_LABELS",
    "MEASURE_UNITS",
    "TargetWords",
    "count_phrase",
    "counts_whole_things",
    "percent_noun",
    "target_words",
]

Kind = Literal["yearly", "cumulative", "one_off", "ratio"]
Bound = Literal["at_least", "at_most", "exact"]

KIND_LABELS: Final[dict[str, str]] = {
    "yearly": "Hằng năm",
    "cumulative": "Cộng dồn cả giai đoạn",
    "one_off": "Một lần",
    "ratio": "Tỷ lệ",
}
"""The name of each kind of target, as the sheet and the review list show it."""

BOUND_WORDS: Final[dict[str, str]] = {"at_least": "ít nhất", "at_most": "tối đa"}
"""The word written before the figure for a bound (none for an exact figure)."""


MEASURE_UNITS: Final[frozenset[str]] = frozenset(
    {
        *("km", "km2", "km²", "m", "m2", "m²", "m3", "m³", "ha", "héc-ta", "sào"),
        *("tấn", "tạ", "kg", "lít", "giờ", "đồng", "nghìn đồng", "triệu đồng", "tỷ đồng"),
    }
)
"""Units of measure: a quantity of them may have a fractional part (2,5 km)."""


def counts_whole_things(unit: str) -> bool:
    """Whether ``unit`` counts whole things ("thôn", "hội nghị"), not a percentage or a
    measure (:data:`MEASURE_UNITS`): a due share of such a target is a whole number.

    Examples:
        >>> counts_whole_things("thôn"), counts_whole_things("%"), counts_whole_things("km")
        (True, False, False)
    """
    text = " ".join(as_str(unit, "unit").split()).casefold()
    return percent_noun(text) is None and text not in MEASURE_UNITS


def percent_noun(unit: str) -> str | None:
    """The noun of a percentage unit: ``"% thôn"`` → ``"thôn"``, ``"%"`` → ``""``; else None."""
    text = as_str(unit, "unit").strip()
    if not text.startswith("%"):
        return None
    return text[1:].strip()


def _figure(value: int | Decimal) -> str:
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return format_number(value)
    return count(int(value))


@dataclass(frozen=True, slots=True)
class TargetWords:
    """A target in three pieces: the words before the figure, the figure, the words after.

    The figure is the part set in bold (``"05"``, ``"100%"``); ``before`` ends and
    ``after`` starts with their space when not empty.
    """

    before: str
    figure: str
    after: str

    @property
    def text(self) -> str:
        """The whole phrase as plain text."""
        return f"{self.before}{self.figure}{self.after}"


def target_words(
    quantity: int | Decimal,
    unit: str,
    *,
    qualifier: str | None = None,
    bound: Bound | None = None,
    noun: str | None = None,
) -> TargetWords:
    """Word a target: ``"ít nhất " "05" " hội nghị"``, ``"" "100%" " số thôn"``.

    Args:
        quantity: The planned figure.
        unit: Its unit; ``"%"`` or ``"% <noun>"`` makes it a percentage.
        qualifier: The plan's own words before the figure ("ít nhất", "trên"), kept as
            written; when absent, an ``at_least``/``at_most`` bound writes "ít nhất" /
            "tối đa".
        bound: ``at_least``, ``at_most`` or ``exact``.
        noun: The noun after a percentage ("số thôn"); it replaces the one in the unit.

    Returns:
        The three pieces.

    Examples:
        >>> target_words(100, "% thôn").text
        '100% thôn'
        >>> target_words(5, "mô hình", bound="at_least").text
        'ít nhất 05 mô hình'
    """
    words = qualifier.strip() if qualifier else BOUND_WORDS.get(bound or "exact", "")
    before = f"{words} " if words else ""
    rest = percent_noun(unit)
    if rest is not None:
        after = (noun or rest).strip()
        return TargetWords(before, f"{_figure(quantity)}%", f" {after}" if after else "")
    return TargetWords(before, _figure(quantity), f" {unit.strip()}")


def count_phrase(n: int, unit: str | None, following: str = "") -> str:
    """A task's ``{count}`` in its sentence: the figure, with its unit when the sentence
    does not already write one.

    Plans write "Tổ chức {count} hội nghị" (the unit in the sentence) as well as "tại
    {count}." (the unit only in ``unit``). The unit is added when what follows the
    placeholder is the end of the sentence or punctuation, never when a word or a
    "/07" follows, so no sentence gets its unit twice.

    Args:
        n: The count.
        unit: The task's unit (``None``: none).
        following: The text right after ``{count}`` in the sentence.

    Examples:
        >>> count_phrase(4, "thôn", ".")
        '04 thôn'
        >>> count_phrase(5, "hội nghị", " hội nghị tập huấn")
        '05'
    """
    figure = count(n)
    if not unit or not unit.strip():
        return figure
    rest = following.lstrip(" ")
    if rest and rest[0] not in ".,;:!?)…":
        return figure
    noun = percent_noun(unit)
    if noun is not None:
        return f"{figure}%" + (f" {noun}" if noun else "")
    return f"{figure} {unit.strip()}"
