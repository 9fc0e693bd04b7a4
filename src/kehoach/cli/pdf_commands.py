"""``kehoach pdf``, and the ``--pdf``/``--pdfa`` options of ``render`` and ``report``.

LibreOffice does the conversion (``kehoach.pdf``): one start per batch, a time limit
per document; a document it cannot convert is named and the others are still written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.cli.base import CliContext, Translator, add_force_option, add_subparser
from kehoach.cli.outputs import write_each
from kehoach.errors import OutputExistsError

if TYPE_CHECKING:
    from kehoach.pdf import PdfBatch, PdfJob, PdfResult

FONT_PACKAGES = "fonts-liberation2"  # Debian/Ubuntu: Liberation Serif, Times New Roman's metrics


def register(commands: argparse._SubParsersAction, t: Translator) -> None:  # type: ignore[type-arg]
    """Add ``kehoach pdf``."""
    pdf = add_subparser(
        commands,
        "pdf",
        t,
        "chuyển văn bản Word (DOCX) sang PDF bằng LibreOffice",
        "convert Word documents (DOCX) to PDF with LibreOffice",
    )
    pdf.add_argument("files", nargs="+", metavar="FILE.docx", help=t("tệp DOCX", "DOCX file"))
    pdf.add_argument(
        "--out-dir",
        metavar="DIR",
        help=t(
            "thư mục ghi PDF (mặc định: cạnh mỗi tệp DOCX)",
            "folder for the PDFs (default: beside each DOCX)",
        ),
    )
    pdf.add_argument(
        "--pdfa",
        action="store_true",
        help=t("PDF/A để lưu trữ (nhúng phông chữ)", "PDF/A for archiving (fonts embedded)"),
    )
    pdf.add_argument(
        "--timeout",
        type=float,
        metavar=t("GIÂY", "SECONDS"),
        help=t(
            "thời gian tối đa cho mỗi văn bản, tính bằng giây (mặc định 120)",
            "time limit per document in seconds (default 120)",
        ),
    )
    add_force_option(pdf, t)
    pdf.set_defaults(handler=run_pdf)


def add_pdf_options(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``--pdf`` and ``--pdfa`` for the commands that render documents."""
    parser.add_argument(
        "--pdf",
        action="store_true",
        help=t(
            "tạo thêm bản PDF cạnh tệp DOCX (với -o TÊN.pdf: chỉ tạo PDF); cần LibreOffice",
            "also write a PDF beside the DOCX (with -o NAME.pdf: only the PDF); needs LibreOffice",
        ),
    )
    parser.add_argument(
        "--pdfa",
        action="store_true",
        help=t(
            "như --pdf, nhưng là PDF/A để lưu trữ (nhúng phông chữ)",
            "like --pdf, as PDF/A for archiving (fonts embedded)",
        ),
    )


def is_pdf_path(path: Path) -> bool:
    """``-o NAME.pdf`` asks for the PDF only."""
    return path.suffix.lower() == ".pdf"


def run_pdf(args: argparse.Namespace, ctx: CliContext) -> int:
    """Convert DOCX files; exit 2 if any could not be converted (the others are written)."""
    from kehoach.pdf import DEFAULT_TIMEOUT, PdfJob, find_soffice

    if args.timeout is not None and args.timeout <= 0:
        from kehoach.errors import UsageError

        raise UsageError("--timeout phải lớn hơn 0", "--timeout must be more than 0")
    sources = [Path(name) for name in args.files]
    folder = Path(args.out_dir) if args.out_dir else None
    jobs = [
        PdfJob(source, (folder / source.name if folder else source).with_suffix(".pdf"))
        for source in sources
    ]
    find_soffice()  # before any folder is made
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    batch = convert_pdfs(
        ctx, jobs, pdfa=args.pdfa, force=args.force, timeout=args.timeout or DEFAULT_TIMEOUT
    )
    return 2 if batch.failed else 0


def write_documents(
    ctx: CliContext, files: Sequence[tuple[Path, bytes]], args: argparse.Namespace
) -> int:
    """Write rendered documents: DOCX files, and PDFs with ``--pdf``/``--pdfa``.

    A target named ``*.pdf`` gets the PDF only; with ``--pdf`` every DOCX also gets its
    PDF beside it. LibreOffice's presence and the PDF targets are checked before any
    file is written, so a missing LibreOffice or an existing PDF leaves nothing behind.
    """
    wanted = args.pdf or args.pdfa or any(is_pdf_path(path) for path, _ in files)
    jobs: list[PdfJob] = []
    if wanted:
        from kehoach.pdf import PdfJob, find_soffice

        find_soffice()
        for path, data in files:
            pdf = path if is_pdf_path(path) else path.with_suffix(".pdf")
            jobs.append(PdfJob(data, pdf, name=str(path)))
            if not args.force and pdf.exists():
                raise OutputExistsError(pdf)
    docx = [(path, data) for path, data in files if not is_pdf_path(path)]
    write_each(ctx, docx, force=args.force)
    if not jobs:
        return 0
    from kehoach.pdf import DEFAULT_TIMEOUT

    batch = convert_pdfs(ctx, jobs, pdfa=args.pdfa, force=args.force, timeout=DEFAULT_TIMEOUT)
    return 2 if batch.failed else 0


def convert_pdfs(
    ctx: CliContext, jobs: Sequence[PdfJob], *, pdfa: bool, force: bool, timeout: float
) -> PdfBatch:
    """Convert through one LibreOffice, then say what was written, what failed and why."""
    from kehoach.pdf import convert_many

    with progress_bar(ctx, len(jobs)) as advance:
        batch = convert_many(jobs, pdfa=pdfa, force=force, timeout=timeout, progress=advance)
    for result in batch.results:
        if result.ok:
            fonts = ", ".join(result.fonts) or "—"
            ctx.say(
                f"Đã tạo {result.target} (phông chữ: {fonts})",
                f"Wrote {result.target} (fonts: {fonts})",
            )
        else:
            assert result.failure is not None
            ctx.error(f"{result.job.label}: {result.failure.message(ctx.lang)}")
    warn_substituted_fonts(ctx, batch.results)
    if batch.failed and len(jobs) > 1:
        ctx.error(
            ctx.t(
                f"{len(batch.failed)}/{len(jobs)} văn bản không chuyển được sang PDF",
                f"{len(batch.failed)} of {len(jobs)} documents could not be converted to PDF",
            )
        )
    return batch


def warn_substituted_fonts(ctx: CliContext, results: Sequence[PdfResult]) -> None:
    """One warning naming the fonts LibreOffice used in place of Times New Roman."""
    used: dict[str, None] = {}
    files = 0
    for result in results:
        if result.ok and result.substituted_fonts:
            files += 1
            used.update(dict.fromkeys(result.substituted_fonts))
    if not used:
        return
    fonts = ", ".join(used)
    ctx.warn(
        ctx.t(
            f"máy này thiếu phông Times New Roman: LibreOffice dùng {fonts} thay thế "
            f"({files} tệp PDF); ngắt dòng và số trang sẽ khác bản Word. Cài Times New Roman "
            f"hoặc Liberation Serif (Debian/Ubuntu: sudo apt install {FONT_PACKAGES}; "
            "xem README)",
            f"Times New Roman is missing here: LibreOffice used {fonts} instead ({files} PDF "
            "file(s)); line breaks and the page count will differ from Word. Install Times "
            f"New Roman or Liberation Serif (Debian/Ubuntu: sudo apt install {FONT_PACKAGES}; "
            "see the README)",
        )
    )


@contextmanager
def progress_bar(ctx: CliContext, total: int) -> Iterator[Callable[[Any], None]]:
    """A progress bar on standard error for a batch, only when it is a terminal."""
    isatty = getattr(ctx.err, "isatty", None)
    if total < 2 or not (isatty and isatty()):
        yield lambda _result: None
        return
    from tqdm import tqdm

    with tqdm(total=total, file=ctx.err, unit=ctx.t(" tệp", " file"), desc="PDF") as bar:
        yield lambda _result: bar.update(1)
