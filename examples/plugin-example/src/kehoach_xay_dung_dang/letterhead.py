"""Derive this plugin's letterhead from kehoach's default template.

The change is small and visible: under the number in the header table, the letterhead
prints the organisation's e-office document code (``{{ xdd_document_code }}``, given
by the plugin's ``kehoach_template_context`` hook) in its own style ``XDD Document
Code``. Everything else — the styles and placeholders kehoach's renderer needs — is
the default template's, so the letterhead follows the kehoach it is built with.

Only the standard library and lxml are used (this runs at build time).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLE_ID = "XDDDocumentCode"
STYLE_NAME = "XDD Document Code"
PLACEHOLDER = "{{ xdd_document_code }}"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _add_code_line(document: bytes) -> bytes:
    """Put the document-code paragraph at the end of the header table's number cell."""
    root = etree.fromstring(document)
    for table in root.iter(_w("tbl")):
        style = table.find(f"{_w('tblPr')}/{_w('tblStyle')}")
        if style is not None and style.get(_w("val")) == "KHHeaderTable":
            break
    else:
        raise ValueError("the template has no table styled KHHeaderTable")
    rows = table.findall(_w("tr"))
    cell = rows[-1].findall(_w("tc"))[0]  # left cell of the last row: Số …
    paragraph = etree.SubElement(cell, _w("p"))
    properties = etree.SubElement(paragraph, _w("pPr"))
    etree.SubElement(properties, _w("pStyle")).set(_w("val"), STYLE_ID)
    run = etree.SubElement(paragraph, _w("r"))
    text = etree.SubElement(run, _w("t"))
    text.text = PLACEHOLDER
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_style(styles: bytes) -> bytes:
    """Define the paragraph style: centred, italic, 11 pt."""
    root = etree.fromstring(styles)
    style = etree.SubElement(root, _w("style"))
    style.set(_w("type"), "paragraph")
    style.set(_w("customStyle"), "1")
    style.set(_w("styleId"), STYLE_ID)
    etree.SubElement(style, _w("name")).set(_w("val"), STYLE_NAME)
    etree.SubElement(style, _w("basedOn")).set(_w("val"), "Normal")
    paragraph = etree.SubElement(style, _w("pPr"))
    spacing = etree.SubElement(paragraph, _w("spacing"))
    spacing.set(_w("before"), "0")
    spacing.set(_w("after"), "0")
    etree.SubElement(paragraph, _w("jc")).set(_w("val"), "center")
    run = etree.SubElement(style, _w("rPr"))
    etree.SubElement(run, _w("i"))
    etree.SubElement(run, _w("sz")).set(_w("val"), "22")
    etree.SubElement(run, _w("szCs")).set(_w("val"), "22")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def derive_letterhead(source: Path, target: Path) -> Path:
    """Write the letterhead derived from the template ``source`` to ``target``.

    The zip is written deterministically (entries in the source's order, fixed times).
    """
    with zipfile.ZipFile(source) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    changes = {"word/document.xml": _add_code_line, "word/styles.xml": _add_style}
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if name in changes:
                data = changes[name](data)
            archive.writestr(zipfile.ZipInfo(name, _EPOCH), data, zipfile.ZIP_DEFLATED)
    return target
