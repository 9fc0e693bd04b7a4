"""Checking layer: read any DOCX and verify it against a Party format profile (issue #7).

Public API:

- :func:`read_docx` → :class:`DocxView`: a style-resolved, read-only view of a DOCX
  (sections, header/footer parts, paragraphs and tables with effective formatting).
- :class:`DocxReadError`: raised for any file that cannot be read safely.

This package must not import ``kehoach.render`` or ``kehoach.cli``.
"""

from __future__ import annotations

from kehoach.check.docx_view import (
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
    read_docx,
    twips_to_mm,
)
from kehoach.check.errors import DocxReadError

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
