"""Reading rendered DOCX files back in tests, with styles resolved.

The style chain (document defaults → table style → paragraph style → character style →
direct formatting, F-DOCX-2) is resolved by the checker's reader,
:func:`kehoach.check.read_docx`; a value set only on a style counts. The helpers here
only find things in its view, plus raw access to a part's XML.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from kehoach.check import DocxView, ParagraphView, TableView, read_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def read(data: bytes) -> DocxView:
    """The style-resolved view of a DOCX file's bytes."""
    return read_docx(data)


def with_style(view: DocxView, style_id: str) -> list[ParagraphView]:
    """Body paragraphs (table cells included) in the style ``style_id``."""
    return [p for p in view.paragraphs if p.style_id == style_id]


def one(view: DocxView, style_id: str) -> ParagraphView:
    """The single body paragraph in ``style_id``."""
    found = with_style(view, style_id)
    assert len(found) == 1, f"{len(found)} paragraphs in {style_id}"
    return found[0]


def table_with_style(view: DocxView, style_id: str) -> TableView:
    """The first body table in the table style ``style_id``."""
    return next(t for t in view.tables if t.style_id == style_id)


def part_names(data: bytes) -> list[str]:
    """The zip entry names in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def part_bytes(data: bytes, name: str) -> bytes:
    """The raw bytes of one part."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def part_xml(data: bytes, name: str) -> etree._Element:
    """One part parsed."""
    return etree.fromstring(part_bytes(data, name))


def texts_of(data: bytes, name: str = "word/document.xml") -> list[str]:
    """Every paragraph's text of a part (``w:t``, ``<w:br/>`` as ``\\n``, tabs as ``\\t``)."""
    out = []
    for paragraph in part_xml(data, name).iter(f"{{{W_NS}}}p"):
        pieces = []
        for node in paragraph.iter(f"{{{W_NS}}}t", f"{{{W_NS}}}br", f"{{{W_NS}}}tab"):
            local = etree.QName(node).localname
            pieces.append(node.text or "" if local == "t" else "\n" if local == "br" else "\t")
        out.append("".join(pieces))
    return out
