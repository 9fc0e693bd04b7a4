"""Variants of the built-in template for tests: extra paragraphs, missing styles…"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from kehoach.render import default_template

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def paragraph(*texts: str) -> etree._Element:
    """A paragraph with one run per text (a tag split over runs, as Word does)."""
    p = etree.Element(W + "p", nsmap={"w": W_NS})
    for text in texts:
        run = etree.SubElement(p, W + "r")
        t = etree.SubElement(run, W + "t")
        t.text = text
    return p


def variant(
    folder: Path,
    name: str = "variant.docx",
    *,
    document: Callable[[etree._Element], None] | None = None,
    styles: Callable[[etree._Element], None] | None = None,
) -> Path:
    """A copy of party.docx with ``document.xml``/``styles.xml`` changed by the callbacks."""
    changes = {"word/document.xml": document, "word/styles.xml": styles}
    out = io.BytesIO()
    with zipfile.ZipFile(default_template()) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            change = changes.get(info.filename)
            if change is not None:
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(info, data)
    path = folder / name
    path.write_bytes(out.getvalue())
    return path


def prepend(*paragraphs: etree._Element) -> Callable[[etree._Element], None]:
    """A ``document`` callback inserting paragraphs at the start of the body."""

    def change(root: etree._Element) -> None:
        body = root.find(W + "body")
        for index, p in enumerate(paragraphs):
            body.insert(index, p)

    return change
