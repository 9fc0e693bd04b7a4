"""Converting documents with LibreOffice headless, and reading the PDF (poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

TIMEOUT_S = 180


def find_soffice() -> str | None:
    """The LibreOffice executable, or ``None``."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(soffice: str, docx: Path, outdir: Path, timeout: float = TIMEOUT_S) -> Path:
    """Convert ``docx`` to PDF in ``outdir`` with an isolated, throw-away user profile."""
    profile = outdir / "lo-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(docx),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    pdf = outdir / (docx.stem + ".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise AssertionError(
            f"LibreOffice failed ({done.returncode}): {done.stdout}\n{done.stderr}"
        )
    return pdf


def pdf_pages(pdf: Path) -> int:
    """Number of pages (``pdfinfo``)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def pdf_text(pdf: Path, *, first: int | None = None, last: int | None = None) -> str:
    """The text of the PDF (``pdftotext -layout``), optionally a page range."""
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    done = subprocess.run([*command, str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def pdf_words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """The words of one page with their boxes in points: (text, x_min, y_min, x_max, y_max)."""
    import html
    import re

    command = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    return [
        (html.unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4]))
        for m in pattern.finditer(done.stdout)
    ]
