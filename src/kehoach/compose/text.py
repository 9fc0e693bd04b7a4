"""User text to runs; money, references and numbering written out by the spec's rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from kehoach.compose.document import Para, ParagraphRole, Run
from kehoach.model import MoneyWords, Reference, Target
from kehoach.model.placeholders import parse_inline
from kehoach.profiles import FormatProfile
from kehoach.vi import (
    PartialDate,
    TargetWords,
    count_phrase,
    format_number,
    money_to_words,
    roman,
    short_date,
    target_words,
)


def target_words_of(target: Target) -> TargetWords:
    """The wording of a target's figure (kehoach.vi): qualifier or bound, figure, unit/noun."""
    return target_words(
        target.quantity,
        target.unit,
        qualifier=target.qualifier,
        bound=target.bound,
        noun=target.noun,
    )


def target_runs(target: Target, *, bold: bool, italic: bool) -> list[Run]:
    """ "ít nhất **05** hội nghị", "**100%** số thôn": words before, bold figure, unit."""
    words = target_words_of(target)
    runs = [Run(words.before, bold=bold, italic=italic)] if words.before else []
    runs.append(Run(words.figure, bold=True, italic=italic))
    if words.after:
        runs.append(Run(words.after, bold=bold, italic=italic))
    return runs


def target_text(target: Target) -> str:
    """ "ít nhất 05 hội nghị", "95%": a target as plain text, as its runs read."""
    return "".join(run.text for run in target_runs(target, bold=False, italic=False))


def count_values(text: str, n: int | None, unit: str | None) -> dict[str, str]:
    """The value of a task's ``{count}``: its figure, with its unit unless the sentence
    writes one right after the placeholder (:func:`kehoach.vi.count_phrase`)."""
    if n is None:
        return {}
    _, found, following = text.partition("{count}")
    return {"count": count_phrase(n, unit, following if found else "")}


def text_runs(
    text: str,
    targets: Mapping[str, Target] | None = None,
    *,
    values: Mapping[str, str] | None = None,
    bold: bool = False,
    italic: bool = False,
) -> list[Run]:
    """Runs of one piece of user text: ``**bold**``, ``*italic*``, ``{target}``.

    ``values`` fills plain placeholders such as ``{count}`` of a task.
    """
    runs: list[Run] = []
    for span in parse_inline(text):
        span_bold, span_italic = bold or span.bold, italic or span.italic
        if span.placeholder is None:
            runs.append(Run(span.text, bold=span_bold, italic=span_italic))
        elif values and span.placeholder in values:
            runs.append(Run(values[span.placeholder], bold=span_bold, italic=span_italic))
        elif targets and span.placeholder in targets:
            runs += target_runs(targets[span.placeholder], bold=span_bold, italic=span_italic)
        else:  # validation guarantees this does not happen for a valid plan
            runs.append(Run("{" + span.placeholder + "}", bold=span_bold, italic=span_italic))
    return merge_runs(runs)


def merge_runs(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs of the same look (fewer, cleaner runs in the DOCX)."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.underline) == (
            run.bold,
            run.italic,
            run.underline,
        ):
            merged[-1] = Run(last.text + run.text, run.bold, run.italic, run.underline)
        else:
            merged.append(run)
    return merged


def money_text(amount: int, unit: str, words: MoneyWords) -> str:
    """ "6.505.490.000 đồng (Sáu tỷ năm trăm linh năm triệu … đồng)" (V-MONEY-1/2)."""
    figure = f"{format_number(amount)}đ" if unit == "đ" else f"{format_number(amount)} {unit}"
    return f"{figure} ({money_to_words(amount, **words.model_dump())})"


def reference_text(ref: Reference) -> str:
    """A citation in Party style: "Kế hoạch số 29-KH/TU, ngày 15/01/2022 của … về …" (F-CITE-1)."""
    text = f"{ref.lead} {ref.type_name}"
    if ref.number:
        text += f" số {ref.number}"
    # Party style puts a comma between the number and the date (F-CITE-1); with no
    # number the date follows the type name directly.
    comma = "," if ref.number else ""
    if isinstance(ref.date, date):
        text += f"{comma} ngày {short_date(ref.date)}"
    elif ref.date is not None:
        text += f"{comma} {partial_date_text(ref.date)}"
    if ref.issuer:
        text += f" của {ref.issuer}"
    if ref.subject:
        subject = ref.subject
        text += f" {subject}" if subject.startswith("về ") else f" về {subject}"
    return text


def partial_date_text(day: PartialDate) -> str:
    """ "tháng 01/2022" or "năm 2022": a partial date in running text (V-DATE-1 zero rule)."""
    if day.month is None:
        return f"năm {day.year}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"tháng {month}/{day.year}"


def strip_end_punctuation(text: str) -> str:
    """Drop a trailing "," ";" or "." — kehoach writes the list punctuation itself."""
    return text.rstrip().rstrip(",;.").rstrip()


DEFAULT_LEVELS = ("roman", "arabic", "decimal", "letter")
"""Today's scheme: I. / 1. / 1.1. / a) (F-HEAD-2)."""


@dataclass
class Outline:
    """Numbers headings by depth with a scheme: "I.", "1.", "1.1.", "a)", "-", "+" (F-HEAD-2).

    ``levels`` names how each depth is numbered (``numbering.levels``); deeper headings
    repeat the last level's kind. ``None`` keeps the profile's scheme (level 4 "a)" or
    "2.3.1." by ``format.level4_numbering``).
    """

    profile: FormatProfile
    levels: tuple[str, ...] | None = None
    counters: list[int] = field(default_factory=list)

    def kind(self, level: int) -> str:
        """How the heading at ``level`` is numbered."""
        if self.levels:
            return self.levels[min(level, len(self.levels)) - 1]
        if level == 1:
            return "roman"
        style = self.profile.headings[min(level, len(self.profile.headings)) - 1]
        if style.numbering == "letter" and level >= 4:
            return "letter"
        return "arabic" if level == 2 else "decimal"

    def restart(self) -> None:
        """Start numbering again from "I." (a new part, F-HEAD-1)."""
        self.counters.clear()

    def next(self, level: int) -> str:
        """The number of the next heading at ``level`` (1-based)."""
        del self.counters[level:]
        while len(self.counters) < level:
            self.counters.append(0)
        self.counters[level - 1] += 1
        n = self.counters[level - 1]
        kind = self.kind(level)
        if kind == "roman":
            return f"{roman(n)}{self.profile.heading_separator}"
        if kind == "letter":
            return f"{_letter(n)})"
        if kind in ("dash", "plus"):
            return self.profile.bullets[0 if kind == "dash" else -1]
        if kind == "arabic":
            return f"{n}."
        # decimal: the numbers of the Arabic levels above joined, "2.3.1."
        first = level
        while first > 1 and self.kind(first - 1) in ("arabic", "decimal"):
            first -= 1
        return ".".join(str(c) for c in self.counters[first - 1 : level]) + "."

    def heading(self, level: int, title: str, targets: Mapping[str, Target] | None = None) -> Para:
        """A numbered heading paragraph; level 1 is written IN HOA."""
        style = self.profile.headings[min(level, len(self.profile.headings)) - 1]
        number = self.next(level)
        runs = text_runs(title, targets)
        if style.upper:
            runs = [Run(r.text.upper(), r.bold, r.italic, r.underline) for r in runs]
        role: ParagraphRole = ("heading1", "heading2", "heading3", "heading4")[min(level, 4) - 1]
        return Para(role, tuple(merge_runs([Run(f"{number} "), *runs])))


_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _letter(n: int) -> str:
    # Vietnamese điểm letters a, b, c, d, đ, e … (F-HEAD-1).
    return _VI_LETTERS[(n - 1) % len(_VI_LETTERS)] * ((n - 1) // len(_VI_LETTERS) + 1)
