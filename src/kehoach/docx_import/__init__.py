"""Word import (issue #11): last year's .docx plan → plan data, nothing lost.

Public API:

- :func:`import_docx` → :class:`ImportResult`: the plan (a mapping in the v2 plan-file
  shape) and the review list (:class:`ReviewItem`) of every guess made.
- :class:`DocxImportError`: a file that cannot be imported (not Word, damaged,
  encrypted, no body, LibreOffice missing for a .doc/.odt).
- :func:`review_markdown`: the ``NAME.review.md`` text.

Reading is the checker's (:func:`kehoach.check.read.read_docx`, styles resolved, same
limits). This package must not import ``kehoach.render`` or ``kehoach.cli``.
"""

from __future__ import annotations

from kehoach.docx_import.importer import ImportResult, import_docx, import_view
from kehoach.docx_import.review import ReviewItem, review_markdown
from kehoach.docx_import.source import DocxImportError

__all__ = [
    "DocxImportError",
    "ImportResult",
    "ReviewItem",
    "import_docx",
    "import_view",
    "review_markdown",
]
