"""DOCX → PDF: stage the documents privately, convert them in one LibreOffice, write atomically.

Each document is copied (or its bytes written) into a private folder under a plain
numbered name, so odd or clashing file names never reach LibreOffice's command line
and two documents called ``ke-hoach.docx`` in different folders cannot overwrite each
other's PDF. A finished PDF is moved to its target with the same atomic write as every
other output: without ``force`` an existing file is never replaced, and a failed
conversion leaves nothing behind.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from os import PathLike
from pathlib import Path

from kehoach.errors import InputError, KehoachError, OutputExistsError, Problem, UsageError
from kehoach.output import write_atomic
from kehoach.pdf.errors import PdfConversionError, PdfFailure, not_pdfa
from kehoach.pdf.fonts import asks_for_times, is_pdfa, pdf_fonts, substituted_fonts
from kehoach.pdf.session import BatchSession
from kehoach.pdf.soffice import find_soffice

# Per document. The Sa Pa plan (13 pages) takes under a second once LibreOffice runs.
DEFAULT_TIMEOUT = 120.0


@dataclass(frozen=True)
class PdfJob:
    """One document to convert: a DOCX file or its bytes, and the PDF to write."""

    source: Path | bytes
    target: Path
    name: str = ""  # how messages call the document; default: the source file, or the target

    @property
    def label(self) -> str:
        """The name messages use for this document."""
        if self.name:
            return self.name
        return str(self.source if isinstance(self.source, Path) else self.target)


@dataclass(frozen=True)
class PdfResult:
    """What became of one document: the fonts its PDF uses, or why there is no PDF."""

    job: PdfJob
    fonts: tuple[str, ...] = ()
    failure: PdfFailure | None = None
    asks_for_times: bool = False  # the DOCX asks for Times New Roman

    @property
    def ok(self) -> bool:
        """The PDF was written."""
        return self.failure is None

    @property
    def target(self) -> Path:
        """The PDF file (written only when :attr:`ok`)."""
        return self.job.target

    @property
    def substituted_fonts(self) -> tuple[str, ...]:
        """Fonts used in place of Times New Roman that break lines differently from it.

        Empty when the DOCX does not ask for Times New Roman (see ``pdf.fonts``).
        """
        return substituted_fonts(self.fonts) if self.asks_for_times else ()


@dataclass(frozen=True)
class PdfBatch:
    """The results of a batch, in the order of its jobs, and how often LibreOffice started."""

    results: tuple[PdfResult, ...]
    starts: int

    @property
    def failed(self) -> tuple[PdfResult, ...]:
        """The documents that got no PDF."""
        return tuple(r for r in self.results if not r.ok)


def convert_many(
    jobs: Iterable[PdfJob],
    *,
    pdfa: bool = False,
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Callable[[PdfResult], None] | None = None,
) -> PdfBatch:
    """Convert every job through one LibreOffice start; a bad document does not stop the rest.

    ``pdfa`` makes PDF/A-2b (fonts embedded, marked for archiving). ``timeout`` is the
    limit in seconds for each document. ``progress`` is called with each result as soon
    as it is known.

    Raises:
        LibreOfficeMissingError: LibreOffice is not installed (nothing is written).
        OutputExistsError: a target exists and ``force`` is false (nothing is converted).
        InputError: a source file does not exist.
        UsageError: two jobs write the same PDF.
        LibreOfficeStartError: LibreOffice is installed but does not start.
    """
    jobs = list(jobs)
    _check(jobs, force)
    soffice = find_soffice()
    results: list[PdfResult | None] = [None] * len(jobs)

    def done(index: int, result: PdfResult) -> None:
        results[index] = result
        if progress is not None:
            progress(result)

    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        staged, out = folder / "in", folder / "out"
        staged.mkdir()
        out.mkdir()
        files, indexes = [], []
        for index, job in enumerate(jobs):
            path = staged / f"{index:04d}.docx"
            if isinstance(job.source, bytes):
                path.write_bytes(job.source)
            else:
                shutil.copyfile(job.source, path)
            if zipfile.is_zipfile(path):
                files.append(path)
                indexes.append(index)
            else:  # not a DOCX at all: LibreOffice would lay it out as plain text
                done(index, PdfResult(job, failure=_not_docx()))

        def report(position: int, failure: PdfFailure | None) -> None:
            index, docx = indexes[position], files[position]
            pdf = out / f"{docx.stem}.pdf"
            result = _place(jobs[index], pdf, failure, pdfa=pdfa, force=force)
            done(index, replace(result, asks_for_times=asks_for_times(docx)))

        session = BatchSession(
            soffice, files, out, folder / "profile", pdfa=pdfa, timeout=timeout, report=report
        )
        session.run()
    return PdfBatch(tuple(r for r in results if r is not None), session.starts)


def to_pdf(
    docx: str | PathLike[str] | bytes,
    pdf: str | PathLike[str] | None = None,
    *,
    pdfa: bool = False,
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> PdfResult:
    """Convert one DOCX (a file or its bytes) to ``pdf`` (default: beside it, ``.pdf``).

    Returns the result, whose ``fonts`` and ``substituted_fonts`` say how the text was
    set. Raises :class:`PdfConversionError` when LibreOffice cannot convert it, and
    the errors of :func:`convert_many`.
    """
    if pdf is None:
        if isinstance(docx, bytes):
            raise TypeError("to_pdf needs the pdf path when given DOCX bytes")
        pdf = Path(docx).with_suffix(".pdf")
    source = docx if isinstance(docx, bytes) else Path(docx)
    result = convert_many([PdfJob(source, Path(pdf))], pdfa=pdfa, force=force, timeout=timeout)
    only = result.results[0]
    if only.failure is not None:
        raise PdfConversionError(only.job.label, only.failure)
    return only


def _check(jobs: list[PdfJob], force: bool) -> None:
    """Everything that can be known before starting LibreOffice."""
    for job in jobs:
        if isinstance(job.source, Path) and not job.source.is_file():
            raise InputError(job.source, [Problem("", "không tìm thấy tệp", "file not found")])
    targets = [job.target.resolve() for job in jobs]
    if len(set(targets)) != len(targets):
        raise UsageError(
            "hai văn bản sẽ ghi cùng một tệp PDF; đổi tên hoặc chuyển riêng",
            "two documents would write the same PDF; rename one or convert them separately",
        )
    if not force:
        for job in jobs:
            if job.target.exists():
                raise OutputExistsError(job.target)


def _place(
    job: PdfJob, pdf: Path, failure: PdfFailure | None, *, pdfa: bool, force: bool
) -> PdfResult:
    """Move a finished PDF to its target (atomically) and read its fonts."""
    if failure is not None:
        return PdfResult(job, failure=failure)
    data = pdf.read_bytes()
    if pdfa and not is_pdfa(data):
        return PdfResult(job, failure=not_pdfa())
    try:
        write_atomic(job.target, data, force=force)
    except KehoachError as exc:
        return PdfResult(job, failure=PdfFailure("write", *_both(exc)))
    finally:
        pdf.unlink()
    return PdfResult(job, fonts=pdf_fonts(data))


def _both(exc: KehoachError) -> tuple[str, str]:
    return "; ".join(exc.messages("vi")), "; ".join(exc.messages("en"))


def _not_docx() -> PdfFailure:
    return PdfFailure(
        "unreadable",
        "không phải tệp DOCX (văn bản Word), hoặc tệp bị hỏng",
        "not a DOCX file (Word document), or damaged",
    )
