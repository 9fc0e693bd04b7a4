"""The report's figures as running text: "thực hiện **04/05** hội nghị, đạt 80% kế hoạch".

Counts are zero-padded as Party documents write them (``04``), ratios are percentages
with a decimal comma; nothing here decides what to say, only how to word it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from kehoach.compose import Run
from kehoach.compose.text import (
    merge_runs,
    strip_end_punctuation,
    target_text,
    target_words_of,
    text_runs,
)
from kehoach.model.progress import PERIODS
from kehoach.report.results import Share, TargetResult
from kehoach.vi import count, format_percent, quantity_text


def figure_text(target: TargetResult) -> str:
    """ "04/05", or "90%/100%" for a percentage target."""
    achieved = quantity_text(target.achieved or 0)
    planned = count(target.planned)
    if target.target.is_percent:
        return f"{achieved}%/{planned}%"
    return f"{achieved}/{planned}"


def unit_text(target: TargetResult) -> str:
    """ " hội nghị" (with its space); for a percentage its noun (" số thôn") or ""."""
    return target_words_of(target.target).after


def _one_decimal(value: Fraction) -> Decimal:
    """A pro-rated figure for reading: exact when whole, else to one decimal (half up)."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def amount_text(target: TargetResult, value: Decimal | int) -> str:
    """A quantity of the target's unit: "01 hội nghị", "10% số thôn"."""
    percent = "%" if target.target.is_percent else ""
    return f"{quantity_text(value)}{percent}{unit_text(target)}"


def target_runs(result: TargetResult, behind_word: str = "chậm tiến độ") -> list[Run]:
    """ "Hội nghị …: thực hiện **04/05** hội nghị, đạt 80% kế hoạch, còn 01 hội nghị."."""
    label = strip_end_punctuation(result.label)
    runs = [Run(f"{label}: ")]
    if result.achieved is None:
        runs += [
            Run("chưa báo cáo kết quả (kế hoạch "),
            Run(target_text(result.target)),
            Run(")"),
        ]
    else:
        runs += [Run("thực hiện "), Run(figure_text(result), bold=True), Run(unit_text(result))]
        ratio = result.ratio
        if ratio is not None:
            runs.append(Run(f", đạt {format_percent(ratio)} kế hoạch"))
        if result.assessment == "exceeded":
            runs.append(Run(", vượt chỉ tiêu"))
        elif result.assessment in ("on_schedule", "behind"):
            due = amount_text(result, _one_decimal(result.due))
            state = behind_word if result.assessment == "behind" else "đúng tiến độ"
            runs.append(Run(f", {state} (theo tiến độ cần đạt {due})"))
        elif result.assessment == "unmet":
            runs.append(Run(f", còn {amount_text(result, result.remaining)} chưa thực hiện"))
    if result.evidence:
        runs += [Run(" ("), Run(f"minh chứng: {'; '.join(result.evidence)}", italic=True), Run(")")]
    runs.append(Run("."))
    if result.notes:
        runs += [Run(" "), *text_runs(sentence(result.notes), italic=True)]
    return merge_runs(runs)


def before_stop(runs: list[Run], inserted: list[Run]) -> list[Run]:
    """Insert runs before the text's final full stop (and put one after them)."""
    if runs and runs[-1].text.endswith("."):
        last = runs[-1]
        trimmed = Run(last.text[:-1], last.bold, last.italic, last.underline)
        return [*runs[:-1], trimmed, *inserted, Run(".")]
    return [*runs, *inserted, Run(".")]


def sentence(text: str) -> str:
    """``text`` ending as a sentence: a full stop added unless it ends with one already."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", ")")) else f"{text}."


def share_phrase(share: Share, noun: str = "") -> str:
    """ "hoàn thành đúng hạn 10/16 nhiệm vụ (62,5%)"."""
    ratio = share.ratio
    percent = f" ({format_percent(ratio)})" if ratio is not None else ""
    noun = f" {noun}" if noun else ""
    label = share.label[:1].lower() + share.label[1:]
    return f"{label} {count(share.count)}/{count(share.total)}{noun}{percent}"


def next_period_phrase(key: str, year: int) -> str:
    """The period after ``key``: "quý III năm 2022", "6 tháng cuối năm 2022", "năm 2023"."""
    following = {"q1": "q2", "q2": "q3", "q3": "q4", "9m": "q4"}
    if key in following:
        return PERIODS[following[key]].phrase(year)
    if key == "6m":
        return f"6 tháng cuối năm {year}"
    return f"năm {year + 1}"


__all__ = [
    "amount_text",
    "before_stop",
    "figure_text",
    "next_period_phrase",
    "quantity_text",
    "sentence",
    "share_phrase",
    "target_runs",
    "unit_text",
]
