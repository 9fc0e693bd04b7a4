"""Every run: Times New Roman in black (F-FONT-1); text stored as NFC (F-FONT-2); no
template field left unfilled (F-FILL-1)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from kehoach.check.findings import Msg
from kehoach.check.read.view import DocxView, ParagraphView, RunView
from kehoach.check.rules.collect import Collector
from kehoach.profiles import FormatProfile

__all__ = ["PLACEHOLDER", "all_paragraphs", "check_text"]

PLACEHOLDER = re.compile(r"\{\{[^{}]{0,80}\}\}|\{%[^{}]{0,80}%\}|\[(?:…|\.\.\.)[^\[\]]{0,80}\]")
"""A template field left in the text: ``{{ho_ten}}``, ``{% if … %}``, ``[…]``/``[...]``."""

_BLACK = {"auto", "000000", "theme:text1", "theme:dark1"}
_BLACK_LOWER = frozenset(c.lower() for c in _BLACK)


def all_paragraphs(view: DocxView) -> Iterator[tuple[ParagraphView, str | None]]:
    """Body paragraphs, then each header/footer part's paragraphs once (with its name)."""
    for paragraph in view.paragraphs:
        yield paragraph, None
    seen: set[str] = set()
    for section in view.sections:
        for part in (*section.headers.values(), *section.footers.values()):
            if part.part in seen:
                continue
            seen.add(part.part)
            for paragraph in part.paragraphs:
                yield paragraph, part.part


_ASCII = re.compile(r"[\x00-\x7f]")


def _slots(run: RunView) -> list[str | None]:
    """The fonts Word uses for the characters of ``run``."""
    fonts: list[str | None] = []
    text = "".join(run.text.split())  # spaces take no font
    if _ASCII.search(text):
        fonts.append(run.font_ascii)
    if not text.isascii():
        fonts.append(run.font_east_asia if run.font_hint == "eastAsia" else run.font_hansi)
    return fonts


_FACES = re.compile(r"\s+(bold|italic|bold italic|regular)$", re.IGNORECASE)


@lru_cache(maxsize=256)
def _family(font: str) -> str:
    """The font family of a name: real files name a face, "Times New Roman Bold"."""
    return _FACES.sub("", font.strip()).casefold()


def check_text(view: DocxView, profile: FormatProfile, col: Collector) -> None:
    """Font name and colour of every visible run; NFC text of every paragraph."""
    wanted = profile.font
    for paragraph, part_name in all_paragraphs(view):
        runs = [r for r in paragraph.runs if not r.hidden and r.text.strip()]
        wrong: set[str] = set()
        unset = False
        colours: set[str] = set()
        for run in runs:
            for font in _slots(run):
                if font is None:
                    unset = True
                elif _family(font) != wanted.casefold():
                    wrong.add(font)
            if run.color is not None and run.color.lower() not in _BLACK_LOWER:
                colours.add(run.color)
        if wrong:
            names = ", ".join(sorted(wrong))
            col.at_paragraph(
                "F-FONT-1",
                paragraph,
                "text",
                Msg(f"phông {wanted}", f"font {wanted}"),
                Msg(f"phông {names}", f"font {names}"),
                Msg(
                    f"Chọn toàn bộ (Ctrl+A) và đặt phông {wanted}; sửa cả kiểu (style) "
                    f"đang dùng phông {names}.",
                    f"Select all (Ctrl+A) and set {wanted}; also fix the styles that use {names}.",
                ),
                group=True,
                part_name=part_name,
            )
        elif unset:
            col.at_paragraph(
                "F-FONT-1",
                paragraph,
                "text",
                Msg(f"phông {wanted}", f"font {wanted}"),
                Msg("không đặt phông (phụ thuộc máy mở tệp)",
                    "no font set (depends on the application)"),
                Msg(f"Đặt phông {wanted} cho kiểu Normal (Home → Styles → Normal → Modify).",
                    f"Set {wanted} on the Normal style (Home → Styles → Normal → Modify)."),
                "warning",
                group=True,
                part_name=part_name,
            )  # fmt: skip
        if colours:
            shown = ", ".join(sorted(colours))
            col.at_paragraph(
                "F-FONT-1",
                paragraph,
                "text",
                Msg("chữ màu đen", "black text"),
                Msg(f"màu {shown}", f"colour {shown}"),
                Msg("Chọn đoạn và đặt Font Color → Automatic (đen).",
                    "Select the text and set Font Color → Automatic (black)."),
                group=True,
                part_name=part_name,
            )  # fmt: skip
        text = paragraph.text
        if PLACEHOLDER.search(text):
            col.at_paragraph(
                "F-FILL-1",
                paragraph,
                "text",
                Msg("văn bản đã điền đủ, không còn trường mẫu", "every template field filled in"),
                Msg("còn trường mẫu chưa điền ({{…}}, […])",
                    "unfilled template fields ({{…}}, […])"),
                Msg("Điền nội dung thay cho các trường {{…}} / […] (hoặc xoá chúng) "
                    "trước khi ban hành.",
                    "Replace the {{…}} / […] fields with the text (or delete them) "
                    "before issuing."),
                "warning",
                group=True,
                part_name=part_name,
            )  # fmt: skip
        if text and unicodedata.normalize("NFC", text) != text:
            col.at_paragraph(
                "F-FONT-2",
                paragraph,
                "text",
                Msg("Unicode dựng sẵn (NFC, TCVN 6909:2001)", "precomposed Unicode (NFC)"),
                Msg("Unicode tổ hợp (dấu gõ rời)", "decomposed Unicode (combining marks)"),
                Msg("Chuyển mã sang Unicode dựng sẵn (Unikey: Unicode tổ hợp → Unicode).",
                    "Convert the text to precomposed Unicode (NFC)."),
                "warning",
                group=True,
                part_name=part_name,
            )  # fmt: skip
