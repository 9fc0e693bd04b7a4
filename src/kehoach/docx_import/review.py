"""The review list: every guess import made, with its confidence and where it came from.

Import never invents silently: a proposed target, a date it could not read, a table whose
columns it guessed, formatting kehoach will not reproduce — each becomes a
:class:`ReviewItem` that the CLI prints and writes beside the plan as ``NAME.review.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Confidence", "ReviewItem", "review_markdown"]

Confidence = Literal["high", "medium", "low"]

_CONFIDENCE_VI = {"high": "cao", "medium": "vừa", "low": "thấp"}
_QUOTE_LENGTH = 90


@dataclass(frozen=True)
class ReviewItem:
    """One guess to check.

    Attributes:
        kind: What was guessed: ``target``, ``task``, ``header``, ``date``, ``table``,
            ``numbering``, ``format``, ``signature``, ``citation``, ``structure``.
        message_vi, message_en: What import did, for people.
        confidence: ``high``, ``medium`` or ``low`` (``--strict`` refuses ``low``).
        paragraph: 1-based body paragraph number in the source (as ``kehoach check``
            counts them), or ``None`` for the header parts.
        quote: The source text the guess came from (shortened).
    """

    kind: str
    message_vi: str
    message_en: str
    confidence: Confidence = "medium"
    paragraph: int | None = None
    quote: str = ""

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_vi

    def line(self, lang: str = "vi") -> str:
        """One line for the terminal: where, confidence, message, quote."""
        where = ""
        if self.paragraph is not None:
            where = f"đoạn {self.paragraph}: " if lang != "en" else f"paragraph {self.paragraph}: "
        level = _CONFIDENCE_VI[self.confidence] if lang != "en" else self.confidence
        label = "độ tin cậy" if lang != "en" else "confidence"
        quote = f' — "{shorten(self.quote)}"' if self.quote else ""
        return f"[{label} {level}] {where}{self.message(lang)}{quote}"


def shorten(text: str, limit: int = _QUOTE_LENGTH) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def review_markdown(source: str, items: list[ReviewItem], lang: str = "vi") -> str:
    """The ``NAME.review.md`` text: a checklist grouped by confidence, lowest first."""
    if lang == "en":
        title = f"# Import review: {source}\n\n"
        empty = "Nothing to check: every part was recognised with certainty.\n"
        intro = (
            "Each line is a guess kehoach made while importing. Check it against the Word "
            "file, fix the plan file if needed, then tick it.\n\n"
        )
        headings = {
            "low": "Low confidence",
            "medium": "Medium confidence",
            "high": "For information",
        }
    else:
        title = f"# Danh sách cần rà soát khi nhập: {source}\n\n"
        empty = "Không có gì cần rà soát: mọi phần đều được nhận biết chắc chắn.\n"
        intro = (
            "Mỗi dòng là một suy đoán của kehoach khi nhập. Đối chiếu với tệp Word, sửa tệp "
            "kế hoạch nếu cần, rồi đánh dấu đã xem.\n\n"
        )
        headings = {"low": "Độ tin cậy thấp", "medium": "Độ tin cậy vừa", "high": "Để biết"}
    if not items:
        return title + empty
    out = [title, intro]
    for level in ("low", "medium", "high"):
        chosen = [i for i in items if i.confidence == level]
        if not chosen:
            continue
        out.append(f"## {headings[level]} ({len(chosen)})\n\n")
        for item in chosen:
            where = ""
            if item.paragraph is not None:
                word = "paragraph" if lang == "en" else "đoạn"
                where = f"{word} {item.paragraph}: "
            quote = f" — «{shorten(item.quote)}»" if item.quote else ""
            out.append(f"- [ ] {where}{item.message(lang)}{quote}\n")
        out.append("\n")
    return "".join(out)
