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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Names are imported on first use (PEP 562): Word import reads documents with
# ``kehoach.check.read`` and must not pay for the engine and its rules.
_LAZY: dict[str, str] = {
    "Block": "kehoach.check.read",
    "CellRef": "kehoach.check.read",
    "CellView": "kehoach.check.read",
    "CheckResult": "kehoach.check.findings",
    "DocxReadError": "kehoach.check.read",
    "DocxView": "kehoach.check.read",
    "Finding": "kehoach.check.findings",
    "HeaderFooterView": "kehoach.check.read",
    "Location": "kehoach.check.findings",
    "Msg": "kehoach.check.findings",
    "NotEvaluated": "kehoach.check.findings",
    "ParagraphView": "kehoach.check.read",
    "RowView": "kehoach.check.read",
    "RunView": "kehoach.check.read",
    "SectionView": "kehoach.check.read",
    "TableView": "kehoach.check.read",
    "check_docx": "kehoach.check.engine",
    "check_view": "kehoach.check.engine",
    "findings_schema": "kehoach.check.report",
    "read_docx": "kehoach.check.read",
    "result_to_dict": "kehoach.check.report",
    "run_check_command": "kehoach.check.command",
    "text_report": "kehoach.check.report",
    "twips_to_mm": "kehoach.check.read",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kehoach.check' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
