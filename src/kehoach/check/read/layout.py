"""``kehoach check --layout``: lay the document out with LibreOffice headless (PDF) and
read the pages back (poppler's ``pdftotext``), for the rules that need pages.

Reading only: :func:`laid_out_pages` returns each page's text lines; the page rules
are in :mod:`kehoach.check.rules.layout`. LibreOffice runs with a throw-away user
profile in a temporary folder, bounded in time; a missing LibreOffice or a failed
conversion is a :class:`LayoutError` with a message for people.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["LAYOUT_TIMEOUT_S", "LayoutError", "laid_out_pages"]

LAYOUT_TIMEOUT_S = 120
"""At most this long for LibreOffice to lay one document out."""


class LayoutError(Exception):
    """The document could not be laid out (no LibreOffice, conversion failed)."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_vi


def _tool(name: str, *alternatives: str) -> str:
    for candidate in (name, *alternatives):
        found = shutil.which(candidate)
        if found:
            return found
    raise LayoutError(
        f"--layout cần {name} (LibreOffice / poppler-utils) nhưng máy không có.",
        f"--layout needs {name} (LibreOffice / poppler-utils), which is not installed.",
    )


def laid_out_pages(data: bytes) -> list[list[str]]:
    """The pages of the DOCX ``data`` as LibreOffice lays them out: each page's
    non-empty text lines, top to bottom (``pdftotext -layout``)."""
    soffice = _tool("soffice", "libreoffice")
    pdftotext = _tool("pdftotext")
    with tempfile.TemporaryDirectory(prefix="kehoach-layout-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", "pdf", "--outdir", str(work), str(source),
        ]  # fmt: skip
        pdf = work / "document.pdf"
        try:
            subprocess.run(
                command, capture_output=True, timeout=LAYOUT_TIMEOUT_S, check=False,
                env={**os.environ, "HOME": str(work)},
            )  # fmt: skip
            text = subprocess.run(
                [pdftotext, "-layout", str(pdf), "-"],
                capture_output=True, timeout=LAYOUT_TIMEOUT_S, check=True, text=True,
            ).stdout  # fmt: skip
        except (subprocess.SubprocessError, OSError) as exc:
            raise LayoutError(
                f"LibreOffice không dàn trang được văn bản ({type(exc).__name__}).",
                f"LibreOffice could not lay the document out ({type(exc).__name__}).",
            ) from None
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]
