"""The Kính gửi / Kính trình block: its punctuation (F-KG-2).

A colon after "Kính gửi"/"Kính trình"; each recipient on its own line ending with ";"
(the 05-HD example ends both items with ";"), each starting with "- " when there are
several. Real files put the block in the body, or in a two-cell table ("Kính gửi:" left,
the recipients right); it is read from the paragraphs after the header, in order.
"""

from __future__ import annotations

import re

from kehoach.check.findings import Msg
from kehoach.check.read.lines import norm
from kehoach.check.read.view import DocxView, ParagraphView
from kehoach.check.rules.collect import Collector

__all__ = ["check_kinh_gui"]

_LABEL = re.compile(r"^(Kính\s+(?:gửi|trình))\s*(:?)\s*(.*)$", re.IGNORECASE)
_ITEM = re.compile(r"^[-–•+]")
SEARCH_PARAGRAPHS = 60
"""Paragraphs from the top where the block is looked for (it is on page one)."""


def _block(view: DocxView) -> tuple[ParagraphView, re.Match[str], list[ParagraphView]] | None:
    paragraphs = list(view.paragraphs[:SEARCH_PARAGRAPHS])
    for index, paragraph in enumerate(paragraphs):
        match = _LABEL.match(norm(paragraph.full_text))
        if match is None:
            continue
        items: list[ParagraphView] = []
        for following in paragraphs[index + 1 :]:
            text = norm(following.full_text)
            if not text:
                continue
            if not _ITEM.match(text) or not any(c.isalpha() for c in text):
                break  # the end of the list (a "-----" separator is no recipient)
            items.append(following)
        return paragraph, match, items
    return None


def check_kinh_gui(view: DocxView, col: Collector) -> None:
    """F-KG-2 on the first Kính gửi / Kính trình block, if the document has one."""
    found = _block(view)
    if found is None:
        return
    label, match, items = found
    word = match.group(1)
    if not match.group(2):
        col.at_paragraph(
            "F-KG-2", label, "kinh_gui",
            Msg(f"dấu hai chấm sau “{word}”", f"a colon after “{word}”"),
            Msg("không có dấu hai chấm", "no colon"),
            Msg(f"Viết “{word}:”.", f"Write “{word}:”."),
        )  # fmt: skip
    inline = match.group(3).strip()
    texts = [(label, inline)] if inline else []
    texts += [(p, norm(p.full_text)) for p in items]
    for paragraph, text in texts:
        if text.endswith(";"):
            continue
        col.at_paragraph(
            "F-KG-2", paragraph, "kinh_gui",
            Msg("mỗi nơi gửi kết thúc bằng dấu “;”", "each recipient ends with “;”"),
            Msg("dòng nơi gửi không kết thúc bằng “;”", "a recipient line without “;”"),
            Msg("Kết thúc mỗi dòng nơi gửi bằng dấu chấm phẩy “;”.",
                "End each recipient line with a semicolon “;”."),
            group=True,
        )  # fmt: skip
