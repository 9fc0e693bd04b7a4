"""Amounts of money in the body: read with :func:`kehoach.vi.parse_money` in any common
writing ("6.505.490.000đ", "1.750.060.000 đồng", "1,5 tỷ đồng"), the amount in words in
brackets checked against the figures. The text is kept as written; the review says what
was read and where figures and words disagree."""

from __future__ import annotations

import re
import unicodedata

from kehoach.check.read import ParagraphView
from kehoach.check.read.lines import norm
from kehoach.docx_import.review import ReviewItem
from kehoach.vi import ParseError, format_money, money_to_words, parse_money

__all__ = ["money_notes"]

_AMOUNT = re.compile(
    r"(?P<amount>\d{1,3}(?:\.\d{3})+(?:,\d+)?\s*(?:đồng|đ)\b|\d+(?:,\d+)?\s*(?:tỷ|triệu)"
    r"(?:\s+\d+(?:,\d+)?\s*(?:triệu|nghìn|ngàn))*\s*(?:đồng|đ)\b)"
    r"(?:\s*\((?P<words>[^()]{6,200})\))?",
    re.IGNORECASE,
)


def _word_key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"\b(đồng|chẵn)\b", " ", text)
    text = text.replace("ngàn", "nghìn").replace("lẻ", "linh")
    return " ".join(re.findall(r"\w+", text))


def money_notes(paragraphs: tuple[ParagraphView, ...]) -> list[ReviewItem]:
    """One note per amount read; a low-confidence note where the words disagree."""
    notes: list[ReviewItem] = []
    for paragraph in paragraphs:
        text = norm(paragraph.full_text)
        for match in _AMOUNT.finditer(text):
            try:
                amount = parse_money(match.group("amount"))
            except ParseError:
                continue
            words = match.group("words")
            shown = format_money(amount)
            if words and _word_key(words) != _word_key(money_to_words(amount)):
                notes.append(
                    ReviewItem(
                        "budget",
                        f"Số tiền {shown} nhưng bằng chữ ghi «{words}» (đúng là «"
                        f"{money_to_words(amount)}»): kiểm tra lại, kehoach giữ nguyên chữ.",
                        f"Amount {shown} but the words read «{words}» (should be «"
                        f"{money_to_words(amount)}»): check it; the text is kept.",
                        "low",
                        paragraph.index,
                        match.group(0),
                    )
                )
            else:
                notes.append(
                    ReviewItem(
                        "budget",
                        f"Số tiền đọc được: {shown}"
                        + (" (khớp với số tiền bằng chữ)." if words else "."),
                        f"Amount read: {shown}" + (" (matches the words)." if words else "."),
                        "high",
                        paragraph.index,
                        match.group(0),
                    )
                )
    return notes
