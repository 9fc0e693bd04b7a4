"""PDF output through LibreOffice headless: for printing, sending and archiving (PDF/A).

Public API: :func:`to_pdf` (one document, also ``kehoach.to_pdf``), :func:`convert_many`
(a batch through one LibreOffice start) with :class:`PdfJob`, :class:`PdfResult` and
:class:`PdfBatch`; :func:`find_soffice`; :func:`pdf_fonts` and :func:`substituted_fonts`
(which fonts a PDF uses, and which of them break lines differently from Times New Roman).
LibreOffice is needed only here: rendering DOCX never needs it.
"""

from __future__ import annotations

from kehoach.pdf.convert import (
    DEFAULT_TIMEOUT,
    PdfBatch,
    PdfJob,
    PdfResult,
    convert_many,
    to_pdf,
)
from kehoach.pdf.errors import (
    LibreOfficeMissingError,
    LibreOfficeStartError,
    PdfConversionError,
    PdfFailure,
)
from kehoach.pdf.fonts import METRIC_COMPATIBLE, is_pdfa, pdf_fonts, substituted_fonts
from kehoach.pdf.soffice import find_soffice

__all__ = [
    "DEFAULT_TIMEOUT",
    "METRIC_COMPATIBLE",
    "LibreOfficeMissingError",
    "LibreOfficeStartError",
    "PdfBatch",
    "PdfConversionError",
    "PdfFailure",
    "PdfJob",
    "PdfResult",
    "convert_many",
    "find_soffice",
    "is_pdfa",
    "pdf_fonts",
    "substituted_fonts",
    "to_pdf",
]
