"""Text → WordprocessingML fragments, escaped by construction (no string surgery on XML).

Every piece of user text that reaches a template goes through :func:`inline_xml`:
NFC-normalised (F-FONT-2), checked for characters XML cannot hold, escaped (``& < > " '``)
and with line breaks and tabs turned into ``<w:br/>`` and ``<w:tab/>``. Runs with a
look of their own (bold, italic, underline) become ``<w:r>`` elements, like docxtpl's
``RichText``; the values are :class:`markupsafe.Markup`, so the autoescaping Jinja
environment inserts them as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from markupsafe import Markup, escape

from kehoach.compose.document import Run
from kehoach.errors import RenderError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Inside ``<w:t xml:space="preserve">``: close the text, add the break, reopen.
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
# C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF (XML 1.0 §2.2).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` in NFC with ``\\r\\n`` and ``\\r`` as ``\\n``.

    Raises:
        RenderError: when ``text`` holds a character a DOCX cannot store.
    """
    bad = _XML_INVALID.search(text)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise RenderError(
            f"ký tự {code} ở vị trí {bad.start()} không thể lưu trong văn bản Word: {text[:40]!r}",
            f"character {code} at position {bad.start()} cannot be stored in a Word document:"
            f" {text[:40]!r}",
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # F-FONT-2
    return text


def inline_xml(text: str) -> str:
    """Escaped text for inside a ``<w:t xml:space="preserve">`` element."""
    xml = str(escape(clean_text(text)))
    if "\n" in xml:
        xml = xml.replace("\n", _BREAK)
    if "\t" in xml:
        xml = xml.replace("\t", _TAB)
    return xml


def text_markup(text: str, *, upper: bool = False) -> Markup:
    """:func:`inline_xml` as Markup (``upper``: written IN HOA)."""
    return Markup(inline_xml(text.upper() if upper else text))


def run_xml(text: str, *, bold: bool = False, italic: bool = False, underline: bool = False) -> str:
    """One ``<w:r>``; the flags add to the paragraph style (``False`` leaves it as styled)."""
    props = ""
    if bold:
        props += "<w:b/><w:bCs/>"
    if italic:
        props += "<w:i/><w:iCs/>"
    if underline:
        props += '<w:u w:val="single"/>'
    head = f"<w:r><w:rPr>{props}</w:rPr>" if props else "<w:r>"
    return f'{head}<w:t xml:space="preserve">{inline_xml(text)}</w:t></w:r>'


def runs_markup(runs: Iterable[Run], *, upper: bool = False) -> Markup:
    """Runs as ``<w:r>`` elements (for ``{{r … }}``), upper-cased when ``upper``."""
    return Markup(
        "".join(
            run_xml(
                r.text.upper() if upper else r.text,
                bold=r.bold,
                italic=r.italic,
                underline=r.underline,
            )
            for r in runs
        )
    )


def paragraph_xml(runs: str, style: str, *, align: str | None = None) -> str:
    """A ``<w:p>`` with a paragraph style, an optional alignment and its runs' XML."""
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{runs}</w:p>'
