"""Open what the user gave import: a .docx, or a .doc/.odt/.rtf converted by LibreOffice.

The file's first bytes decide, not its name: a PDF or a spreadsheet renamed ``.docx`` is
named for what it is. Reading itself is the checker's (:func:`kehoach.check.read.read_docx`),
so the same limits apply (size, zip bombs, encrypted files).
"""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import zipfile
from pathlib import Path

from kehoach.check.read import DocxReadError, DocxView, read_docx
from kehoach.errors import KehoachError

__all__ = ["DocxImportError", "load_view", "sniff"]

_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_WORD97 = "WordDocument".encode("utf-16-le")
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
CONVERT_TIMEOUT = 180
"""Seconds LibreOffice may take to convert one file."""
_MAX_BYTES = 100 * 1024 * 1024


class DocxImportError(KehoachError):
    """A file that cannot be imported; the CLI prints it and exits with code 2."""

    def __init__(self, source: str, message_vi: str, message_en: str) -> None:
        super().__init__(f"{source}: {message_en}")
        self.source = source
        self.message_vi = message_vi
        self.message_en = message_en

    def messages(self, lang: str = "vi") -> list[str]:
        """``file: message`` in ``lang``."""
        return [f"{self.source}: {self.message_en if lang == 'en' else self.message_vi}"]


def sniff(data: bytes) -> str:
    """What the bytes are: docx, doc, odt, rtf, encrypted, pdf, xlsx, pptx, zip or unknown."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_OLE):
        if _ENCRYPTED in data[:65536] or _ENCRYPTED in data:
            return "encrypted"
        return "doc" if _WORD97 in data else "ole"
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    mime = archive.read("mimetype")[:100]
                    if b"opendocument.text" in mime:
                        return "odt"
                    return "zip"
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
            return "docx"  # let the checker's reader say precisely what is wrong
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("ppt/") for n in names):
            return "pptx"
        return "docx"
    return "unknown"


_NOT_WORD = {
    "pdf": ("đây là tệp PDF", "this is a PDF file"),
    "xlsx": ("đây là bảng tính Excel", "this is an Excel spreadsheet"),
    "pptx": ("đây là bản trình chiếu PowerPoint", "this is a PowerPoint presentation"),
    "zip": ("đây là tệp nén, không phải văn bản Word", "this is a zip archive, not Word"),
    "ole": ("đây là tệp Office cũ không phải Word", "this is an old Office file, not Word"),
    "unknown": ("tệp này không phải văn bản Word", "this is not a Word document"),
}


def _read_bytes(source: str | os.PathLike[str] | bytes, name: str) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    path = Path(source)
    try:
        if path.is_dir():
            raise DocxImportError(
                name, "là thư mục, không phải tệp Word.", "is a directory, not a Word file."
            )
        if path.stat().st_size > _MAX_BYTES:
            raise DocxImportError(
                name,
                f"tệp quá lớn ({path.stat().st_size // (1024 * 1024)} MB).",
                f"the file is too large ({path.stat().st_size // (1024 * 1024)} MB).",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise DocxImportError(name, "không tìm thấy tệp.", "file not found.") from None
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise DocxImportError(
            name, f"không đọc được tệp ({detail}).", f"cannot read the file ({detail})."
        ) from None


def load_view(source: str | os.PathLike[str] | bytes, name: str) -> DocxView:
    """Read ``source`` into the checker's style-resolved view, converting when needed.

    Raises:
        DocxImportError: Not a Word document, unreadable, or LibreOffice is needed and
            missing or failed.
    """
    data = _read_bytes(source, name)
    kind = sniff(data)
    if kind in _NOT_WORD:
        what_vi, what_en = _NOT_WORD[kind]
        raise DocxImportError(
            name,
            f"không nhập được: {what_vi}. Hãy dùng tệp Word (.docx, .doc, .odt).",
            f"cannot import: {what_en}. Use a Word file (.docx, .doc, .odt).",
        )
    if kind in ("doc", "odt", "rtf"):
        data = convert_with_libreoffice(data, kind, name)
    try:
        return read_docx(data)
    except DocxReadError as exc:
        raise DocxImportError(name, exc.message("vi"), exc.message("en")) from None


def convert_with_libreoffice(data: bytes, kind: str, name: str) -> bytes:
    """The .docx LibreOffice makes of ``data`` (a .doc, .odt or .rtf), headless.

    A private LibreOffice profile is used so that a running LibreOffice (or another
    conversion) does not block this one.
    """
    # Imported here: only .doc/.odt/.rtf need LibreOffice, and PDF output finds it the
    # same way ($KEHOACH_SOFFICE, PATH, the installers' usual places).
    from kehoach.pdf import LibreOfficeMissingError, find_soffice

    try:
        office = find_soffice()
    except LibreOfficeMissingError:
        raise DocxImportError(
            name,
            f"tệp .{kind} cần LibreOffice để chuyển sang .docx, nhưng máy chưa cài LibreOffice"
            " (lệnh soffice). Hãy cài LibreOffice, hoặc mở tệp bằng Word và lưu thành .docx.",
            f"a .{kind} file needs LibreOffice to convert it to .docx, and LibreOffice (the"
            " soffice command) is not installed. Install it, or save the file as .docx in Word.",
        ) from None
    with tempfile.TemporaryDirectory(prefix="kehoach-import-") as work:
        source = Path(work, f"input.{kind}")
        source.write_bytes(data)
        profile = Path(work, "profile").as_uri()
        command = [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            work,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DocxImportError(
                name,
                f"LibreOffice không chuyển được tệp sang .docx ({exc}).",
                f"LibreOffice could not convert the file to .docx ({exc}).",
            ) from None
        result = Path(work, "input.docx")
        if not result.exists():
            raise DocxImportError(
                name,
                "LibreOffice không chuyển được tệp sang .docx (tệp hỏng hoặc có mật khẩu?).",
                "LibreOffice could not convert the file to .docx (damaged or password-protected?).",
            )
        return result.read_bytes()
