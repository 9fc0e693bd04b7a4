"""Defensive reading of a DOCX package: a size-limited zip and an entity-free XML parser.

Nothing here trusts the file. The zip's central directory is inspected before any
member is decompressed, so a zip bomb is refused from its declared sizes; members are
then read in bounded chunks so a member that lies about its size is refused too. XML is
parsed with external entities, DTD loading and network access switched off.
"""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import IO, Final

from lxml import etree

from kehoach.check.read.errors import DocxReadError

__all__ = [
    "MAX_COMPRESSION_RATIO",
    "MAX_MEMBERS",
    "MAX_PARAGRAPHS",
    "MAX_PART_BYTES",
    "MAX_TOTAL_BYTES",
    "Package",
    "Source",
    "open_package",
    "parse_xml",
    "read_source",
]

Source = str | os.PathLike[str] | bytes | bytearray | IO[bytes]
"""What :func:`open_package` accepts: a path, the file's bytes, or a binary file object."""

MAX_TOTAL_BYTES: Final[int] = 200 * 1024 * 1024
"""Refuse a package whose members add up to more than this, uncompressed."""
MAX_PART_BYTES: Final[int] = 50 * 1024 * 1024
"""Refuse a package with any single member larger than this, uncompressed."""
MAX_COMPRESSION_RATIO: Final[int] = 200
"""Refuse a member (larger than 1 MiB) that expands more than this many times."""
MAX_MEMBERS: Final[int] = 10_000
"""Refuse a package with more members than this."""
MAX_INPUT_BYTES: Final[int] = 100 * 1024 * 1024
"""Refuse an input file larger than this before opening it as a zip."""
MAX_PARAGRAPHS: Final[int] = 100_000
"""Refuse a document body with more paragraphs than this (checked right after parsing,
before any view is built). The longest real plans have a few thousand paragraphs; the
checker's cost is linear, about 0.3 ms a paragraph, so this bounds one file to well
under a minute on a small server (benchmarks/check_bench.py)."""

_RATIO_FLOOR: Final[int] = 1024 * 1024
_OLE_MAGIC: Final[bytes] = bytes.fromhex("D0CF11E0A1B11AE1")

_PARSER: Final[etree.XMLParser] = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
)

REL_NS: Final[str] = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT: Final[str] = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)


def read_source(source: Source) -> bytes:
    """The raw bytes of ``source`` (bounded by :data:`MAX_INPUT_BYTES`)."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        try:
            size = os.path.getsize(path)
            if size > MAX_INPUT_BYTES:
                raise _too_large(size)
            with open(path, "rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
        except FileNotFoundError:
            raise DocxReadError(
                "not-found",
                f"Không tìm thấy tệp {path}.",
                f"File not found: {path}.",
            ) from None
        except IsADirectoryError:
            raise DocxReadError(
                "not-found",
                f"{path} là thư mục, không phải tệp Word.",
                f"{path} is a directory, not a Word file.",
            ) from None
        except OSError as exc:
            raise DocxReadError(
                "not-found",
                f"Không đọc được tệp {path}: {exc.strerror or exc}.",
                f"Cannot read {path}: {exc.strerror or exc}.",
            ) from None
    else:
        try:
            data = source.read(MAX_INPUT_BYTES + 1)
        except (OSError, ValueError) as exc:
            raise DocxReadError(
                "not-found",
                f"Không đọc được dữ liệu vào: {exc}.",
                f"Cannot read the input: {exc}.",
            ) from None
        if not isinstance(data, bytes | bytearray):
            raise DocxReadError(
                "not-a-zip",
                "Dữ liệu vào phải là tệp nhị phân (mở tệp với chế độ 'rb').",
                "The input must be a binary file (open it with mode 'rb').",
            )
        data = bytes(data)
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(len(data))
    return data


def _too_large(size: int) -> DocxReadError:
    mb = size / (1024 * 1024)
    return DocxReadError(
        "too-large",
        f"Tệp quá lớn ({mb:.0f} MB) để kiểm tra thể thức.",
        f"The file is too large ({mb:.0f} MB) to check.",
    )


def _not_a_zip() -> DocxReadError:
    return DocxReadError(
        "not-a-zip",
        "Tệp không phải văn bản Word .docx (không phải gói ZIP của Office Open XML).",
        "The file is not a Word .docx document (not an Office Open XML zip package).",
    )


def _other_format(what_vi: str, what_en: str) -> DocxReadError:
    return DocxReadError(
        "not-a-zip",
        f"Đây là {what_vi}, không phải văn bản Word .docx; hãy mở bằng Word (hoặc "
        "LibreOffice) và lưu dưới dạng .docx rồi kiểm tra lại.",
        f"This is {what_en}, not a Word .docx document; open it in Word (or LibreOffice), "
        "save it as .docx and check it again.",
    )


# Leading bytes of formats people give ``check`` by mistake → (Vietnamese, English).
_MAGIC_FORMATS: Final[tuple[tuple[bytes, str, str], ...]] = (
    (b"%PDF", "tệp PDF", "a PDF file"),
    (b"{\\rtf", "tệp RTF", "an RTF file"),
)
# Members that name the kind of a zip package that is not a Word document.
_ZIP_FORMATS: Final[tuple[tuple[str, str, str], ...]] = (
    ("xl/workbook.xml", "bảng tính Excel (.xlsx)", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "tệp PowerPoint (.pptx)", "a PowerPoint file (.pptx)"),
    ("content.xml", "tệp OpenDocument (.odt/.ods)", "an OpenDocument file (.odt/.ods)"),
)
# Stream names (UTF-16) that tell a Word 97-2003 / Excel 97-2003 compound file.
_OLE_FORMATS: Final[tuple[tuple[str, str, str], ...]] = (
    ("EncryptionInfo", "", ""),
    ("WordDocument", "tệp Word 97-2003 (.doc)", "a Word 97-2003 file (.doc)"),
    ("Workbook", "bảng tính Excel 97-2003 (.xls)", "an Excel 97-2003 workbook (.xls)"),
)


def _ole_kind(data: bytes) -> tuple[str, str] | None:
    """What an OLE compound file holds, from its directory's stream names."""
    for stream, vi, en in _OLE_FORMATS:
        if stream.encode("utf-16-le") in data:
            return (vi, en) if vi else None
    return None


def _damaged(detail: str = "") -> DocxReadError:
    extra = f" ({detail})" if detail else ""
    return DocxReadError(
        "damaged",
        f"Tệp .docx bị hỏng hoặc không đầy đủ{extra}; hãy mở và lưu lại bằng Word.",
        f"The .docx file is damaged or truncated{extra}; open and save it again in Word.",
    )


def _bomb(name: str) -> DocxReadError:
    return DocxReadError(
        "zip-bomb",
        f"Tệp bị từ chối: thành phần {name!r} giải nén ra dữ liệu quá lớn hoặc nén bất "
        'thường (nghi "bom zip").',
        f"File refused: member {name!r} expands to too much data or is abnormally "
        "compressed (suspected zip bomb).",
    )


@dataclass
class Package:
    """An opened OPC package whose members are read on demand, within the size limits.

    Attributes:
        names: Member names of the zip (without a leading slash).
        main_part: Name of the main document part, usually ``word/document.xml``.
    """

    _zip: zipfile.ZipFile
    names: frozenset[str]
    main_part: str = "word/document.xml"
    _cache: dict[str, bytes] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        """Whether the package holds member ``name``."""
        return name in self.names

    def read(self, name: str) -> bytes:
        """The uncompressed bytes of member ``name`` (refused above the limits)."""
        if name in self._cache:
            return self._cache[name]
        try:
            info = self._zip.getinfo(name)
            chunks: list[bytes] = []
            total = 0
            with self._zip.open(info) as member:
                while True:
                    chunk = member.read(1024 * 1024)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > MAX_PART_BYTES or total > max(info.file_size, 0):
                        raise _bomb(name)
                    chunks.append(chunk)
        except DocxReadError:
            raise
        except KeyError:
            raise _missing(name) from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
            raise _damaged(f"{name}: {exc}") from None
        except zlib.error as exc:  # a damaged deflate stream: the file's fault, not ours
            raise _damaged(f"{name}: {exc}") from None
        except NotImplementedError as exc:  # unsupported compression method
            raise _damaged(f"{name}: {exc}") from None
        except RuntimeError as exc:  # encrypted member
            raise _encrypted_zip() from exc
        data = b"".join(chunks)
        self._cache[name] = data
        return data

    def xml(self, name: str) -> etree._Element:
        """Member ``name`` parsed with the safe parser."""
        return parse_xml(self.read(name), name)

    def relationships(self, part: str) -> dict[str, tuple[str, str, str]]:
        """The relationships of ``part``: id → (type, resolved target, target mode)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        root = self.xml(rels_name)
        out: dict[str, tuple[str, str, str]] = {}
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            rid = rel.get("Id") or ""
            target = rel.get("Target") or ""
            mode = rel.get("TargetMode") or "Internal"
            if mode == "Internal":
                if target.startswith("/"):
                    target = target.lstrip("/")
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
            out[rid] = (rel.get("Type") or "", target, mode)
        return out


def _missing(name: str) -> DocxReadError:
    return DocxReadError(
        "missing-part",
        f"Tệp không phải văn bản Word hợp lệ: thiếu phần {name}.",
        f"Not a valid Word document: the part {name} is missing.",
    )


def _encrypted_zip() -> DocxReadError:
    return DocxReadError(
        "encrypted",
        "Tệp được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi kiểm tra lại.",
        "The file is password-protected; remove the password and check it again.",
    )


def parse_xml(data: bytes, name: str = "XML") -> etree._Element:
    """Parse ``data`` with external entities, DTDs and network access disabled."""
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise DocxReadError(
            "bad-xml",
            f"Tệp bị hỏng: phần {name} không phải XML hợp lệ ({exc}).",
            f"The file is damaged: part {name} is not valid XML ({exc}).",
        ) from None
    if root is None:
        raise _damaged(name)
    return root


def open_package(source: Source) -> Package:
    """Open ``source`` as a DOCX package after checking it is safe to read.

    Raises:
        DocxReadError: not found, not a zip, damaged, encrypted (OLE compound file or
            encrypted zip members), too large, a zip bomb, or without a main part.
    """
    data = read_source(source)
    for magic, vi, en in _MAGIC_FORMATS:
        if data[:64].lstrip().startswith(magic):
            raise _other_format(vi, en)
    if data.startswith(_OLE_MAGIC) and (kind := _ole_kind(data)) is not None:
        raise _other_format(*kind)
    if data.startswith(_OLE_MAGIC):
        raise DocxReadError(
            "encrypted",
            "Tệp là tệp Office được mã hoá bằng mật khẩu (hoặc tệp .doc Word 97-2003); "
            "hãy gỡ mật khẩu / lưu lại dưới dạng .docx rồi kiểm tra lại.",
            "The file is a password-protected Office file (or a Word 97-2003 .doc); "
            "remove the password / save it as .docx and check it again.",
        )
    if not data.startswith(b"PK"):
        raise _not_a_zip()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        raise _damaged() from None
    except (NotImplementedError, RuntimeError, IndexError, KeyError, TypeError):
        raise _damaged() from None
    if len(infos) > MAX_MEMBERS:
        raise _bomb(f"{len(infos)} members")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _encrypted_zip()
        size = info.file_size
        total += size
        if size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise _bomb(info.filename)
        if size > _RATIO_FLOOR and size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise _bomb(info.filename)
    names = frozenset(info.filename.lstrip("/") for info in infos)
    package = Package(archive, names)
    main = "word/document.xml"
    if package.has("_rels/.rels"):
        for rel_type, target, mode in package.relationships("").values():
            if rel_type == OFFICE_DOCUMENT and mode == "Internal" and package.has(target):
                main = target
                break
    if not package.has(main):
        for member, vi, en in _ZIP_FORMATS:
            if package.has(member):
                raise _other_format(vi, en)
        raise _missing("word/document.xml")
    package.main_part = main
    return package
