"""What can go wrong when LibreOffice makes a PDF, worded for the people who read it."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.errors import WordedError

INSTALL_VI = (
    "cài LibreOffice Writer (Debian/Ubuntu: sudo apt install libreoffice-writer-nogui; "
    "Windows: bộ cài từ libreoffice.org) hoặc đặt biến KEHOACH_SOFFICE là đường dẫn tới soffice"
)
INSTALL_EN = (
    "install LibreOffice Writer (Debian/Ubuntu: sudo apt install libreoffice-writer-nogui; "
    "Windows: the installer from libreoffice.org) or set KEHOACH_SOFFICE to the soffice path"
)


class LibreOfficeMissingError(WordedError):
    """LibreOffice (``soffice``) is not installed, or not where KEHOACH_SOFFICE says."""

    def __init__(self, where: str | None = None):
        if where:
            super().__init__(
                f"KEHOACH_SOFFICE chỉ tới {where}, không phải một tệp chạy được; {INSTALL_VI}",
                f"KEHOACH_SOFFICE points to {where}, which is not a program; {INSTALL_EN}",
            )
        else:
            super().__init__(
                f"cần LibreOffice để tạo PDF nhưng không tìm thấy lệnh soffice; {INSTALL_VI}",
                f"LibreOffice is needed to make PDFs but soffice was not found; {INSTALL_EN}",
            )


class LibreOfficeStartError(WordedError):
    """LibreOffice was found but does not start (or dies before converting anything)."""

    def __init__(self, output: str):
        tail = output.strip().splitlines()[-3:]
        said = f" ({' / '.join(tail)})" if tail else ""
        super().__init__(
            f"LibreOffice không khởi động được{said}; thử chạy soffice --headless --version",
            f"LibreOffice does not start{said}; try soffice --headless --version",
        )


@dataclass(frozen=True)
class PdfFailure:
    """Why one document got no PDF; the other documents of a batch are not affected."""

    kind: str  # "unreadable", "export", "timeout", "crash", "pdfa", "write"
    message_vi: str
    message_en: str

    def message(self, lang: str = "vi") -> str:
        """The reason in ``lang``."""
        return self.message_en if lang == "en" else self.message_vi


def unreadable() -> PdfFailure:
    """LibreOffice could not open the file."""
    return PdfFailure(
        "unreadable",
        "LibreOffice không mở được tệp (không phải văn bản Word hoặc tệp bị hỏng)",
        "LibreOffice cannot open the file (not a Word document, or damaged)",
    )


def export_failed() -> PdfFailure:
    """The file opened but no PDF came out."""
    return PdfFailure(
        "export", "LibreOffice mở được tệp nhưng không xuất được PDF", "LibreOffice wrote no PDF"
    )


def timed_out(seconds: float) -> PdfFailure:
    """The document took longer than the time limit; LibreOffice was stopped."""
    return PdfFailure(
        "timeout",
        f"quá {seconds:g} giây mà chưa chuyển xong; đã dừng LibreOffice (tăng --timeout nếu cần)",
        f"not converted within {seconds:g} seconds; LibreOffice was stopped (raise --timeout)",
    )


def crashed() -> PdfFailure:
    """LibreOffice ended while working on this document."""
    return PdfFailure(
        "crash",
        "LibreOffice dừng đột ngột khi chuyển tệp này",
        "LibreOffice stopped unexpectedly while converting this file",
    )


def not_pdfa() -> PdfFailure:
    """The PDF lacks the PDF/A marks: LibreOffice older than 7.4 ignores the option."""
    return PdfFailure(
        "pdfa",
        "LibreOffice không tạo được PDF/A (cần LibreOffice 7.4 trở lên)",
        "LibreOffice made no PDF/A (LibreOffice 7.4 or later is needed)",
    )


class PdfConversionError(WordedError):
    """One document (``kehoach.to_pdf``) could not be converted."""

    def __init__(self, name: str, failure: PdfFailure):
        self.name, self.failure = name, failure
        super().__init__(f"{name}: {failure.message_vi}", f"{name}: {failure.message_en}")
