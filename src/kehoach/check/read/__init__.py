"""Reading a DOCX: a style-resolved, read-only view of any Word document, and its parts.

What ``kehoach check`` judges and what Word import (:mod:`kehoach.docx_import`) turns into
a plan both start here. Reading knows nothing of rules or findings: it must not import
:mod:`kehoach.check.rules` (nor the checker's engine, report or command).

- :mod:`.package` opens the ZIP defensively (size, entry and paragraph limits);
- :mod:`.ooxml`, :mod:`.styles`, :mod:`.numbering` resolve WordprocessingML formatting;
- :mod:`.story`, :mod:`.view`, :mod:`.docx_view` build the view (:func:`read_docx`);
- :mod:`.lines`, :mod:`.parts`, :mod:`.dateline` find the document's parts by content;
- :mod:`.layout` lays the document out with LibreOffice (text lines per page, ``--layout``).
"""

from __future__ import annotations

from kehoach.check.read.docx_view import read_docx
from kehoach.check.read.errors import DocxReadError
from kehoach.check.read.view import (
    Block,
    CellRef,
    CellView,
    DocxView,
    HeaderFooterView,
    ParagraphView,
    RowView,
    RunView,
    SectionView,
    TableView,
    twips_to_mm,
)

__all__ = [
    "Block",
    "CellRef",
    "CellView",
    "DocxReadError",
    "DocxView",
    "HeaderFooterView",
    "ParagraphView",
    "RowView",
    "RunView",
    "SectionView",
    "TableView",
    "read_docx",
    "twips_to_mm",
]
