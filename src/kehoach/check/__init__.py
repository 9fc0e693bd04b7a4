"""Checking layer: read any DOCX and verify it against a Party format profile (issue #7).

Public API:

- :func:`read_docx` → :class:`DocxView`: a style-resolved, read-only view of a DOCX
  (sections, header/footer parts, paragraphs and tables with effective formatting).
- :class:`DocxReadError`: raised for any file that cannot be read safely.
- :func:`check_docx` → :class:`CheckResult` (:class:`Finding`, :class:`NotEvaluated`):
  every deviation from the Party format profile, with rule id, location, expected,
  actual and a one-line fix in Vietnamese and English.
- :func:`run_check_command`: what ``kehoach check`` runs (prints, returns the exit code).
- :func:`findings_schema`: the JSON Schema of the ``--format json`` output.

Layout: :mod:`kehoach.check.read` reads a document (also used by Word import);
:mod:`kehoach.check.rules` judges it; :mod:`.engine` runs the rules of the document's
profile, :mod:`.report` prints the result and :mod:`.command` is the command line's entry.
Reading must not import the rules.

This package must not import ``kehoach.render`` or ``kehoach.cli``.
"""

from __future__ import annotations

from kehoach.check.command import run_check_command
from kehoach.check.engine import check_docx, check_view
from kehoach.check.findings import CheckResult, Finding, Location, Msg, NotEvaluated
from kehoach.check.read import (
    Block,
    CellRef,
    CellView,
    DocxReadError,
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
from kehoach.check.report import findings_schema, result_to_dict, text_report

__all__ = [
    "Block",
    "CellRef",
    "CellView",
    "CheckResult",
    "DocxReadError",
    "DocxView",
    "Finding",
    "HeaderFooterView",
    "Location",
    "Msg",
    "NotEvaluated",
    "ParagraphView",
    "RowView",
    "RunView",
    "SectionView",
    "TableView",
    "check_docx",
    "check_view",
    "findings_schema",
    "read_docx",
    "result_to_dict",
    "run_check_command",
    "text_report",
    "twips_to_mm",
]
