"""A workbook's size, checked before openpyxl builds a single cell (docs/limits.md).

openpyxl holds every cell in memory and has no limits of its own: a sheet of a million
rows took 74 s and 3.65 GB, a 1 MB file expanding to 1 GiB was accepted. So the file
is first looked at as a zip — members, declared sizes, compression ratio — and each
worksheet's XML is streamed once, counting rows, columns, cells and merged ranges, and
stopping at the first limit passed. The same pass notes formulas a spreadsheet saved
without their computed value, so that they are named instead of read as empty cells.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Final

from lxml import etree

from kehoach.errors import InputError, Problem

MAX_FILE_BYTES: Final[int] = 20 * 1024 * 1024
MAX_MEMBERS: Final[int] = 1_000
MAX_TOTAL_BYTES: Final[int] = 100 * 1024 * 1024
MAX_RATIO: Final[int] = 100
RATIO_FLOOR: Final[int] = 1024 * 1024  # smaller members may compress as they like
MAX_ROWS: Final[int] = 10_000
MAX_COLUMNS: Final[int] = 100
MAX_CELLS: Final[int] = 200_000

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False}


@dataclass
class Scan:
    """What the scan found besides sizes: formulas saved without a value, by sheet."""

    uncomputed: dict[str, dict[str, str]] = field(default_factory=dict)  # title → ref → formula


def read_limited(source: str | bytes | IO[bytes], name: str) -> bytes:
    """The workbook's bytes, refused past :data:`MAX_FILE_BYTES` without reading it all."""
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, str):
        with open(source, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    else:
        data = source.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        mb = MAX_FILE_BYTES // (1024 * 1024)
        raise _refused(name, f"tệp quá lớn (giới hạn {mb} MB)", f"file too large (limit {mb} MB)")
    return data


def scan_workbook(data: bytes, name: str) -> Scan:
    """Check the package and every worksheet against the limits; what else it found.

    Raises:
        InputError: a limit is passed, or the package is damaged or hostile.
    """
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return Scan()  # not a zip: openpyxl's own message says so
    with package:
        infos = package.infolist()
        _check_members(infos, name)
        titles = _sheet_titles(package)
        scan = Scan()
        counts = _Counts(name)
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and _has_dtd(package, info):
                raise _refused(
                    name,
                    f"phần {info.filename} có khai báo DTD/thực thể (không có trong tệp Excel "
                    "thật; tệp bị từ chối)",
                    f"part {info.filename} declares a DTD or entities (real Excel files do "
                    "not; refused)",
                )
            if info.filename in titles:
                title = titles[info.filename]
                found = _scan_sheet(package, info, title, counts)
                if found:
                    scan.uncomputed[title] = found
    return scan


def _refused(name: str, vi: str, en: str) -> InputError:
    return InputError(name, [Problem("", vi, en)])


def _check_members(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _refused(
            name,
            f"tệp có quá nhiều thành phần (quá {MAX_MEMBERS:,})".replace(",", "."),
            f"the file has too many parts (more than {MAX_MEMBERS:,})",
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio_high = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        )
        if total > MAX_TOTAL_BYTES or ratio_high:
            raise _refused(
                name,
                f"tệp giải nén ra dữ liệu quá lớn hoặc nén bất thường ({info.filename}; nghi "
                '"bom zip"), tệp bị từ chối',
                f"the file expands to too much data or is abnormally compressed "
                f"({info.filename}; suspected zip bomb); refused",
            )


class _Bounded(io.RawIOBase):
    """A zip member read no further than its declared size (a member may lie)."""

    def __init__(self, member: IO[bytes], limit: int, on_excess: InputError):
        self.member, self.left, self.on_excess = member, limit, on_excess

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self.member.read(len(buffer))
        self.left -= len(chunk)
        if self.left < 0:
            raise self.on_excess
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _has_dtd(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with package.open(info) as member:
        head = member.read(4096)
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _sheet_titles(package: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name → sheet title, from the workbook part and its relationships."""
    try:
        book = etree.fromstring(package.read("xl/workbook.xml"), etree.XMLParser(**_PARSER_OPTIONS))
        rels = etree.fromstring(
            package.read("xl/_rels/workbook.xml.rels"), etree.XMLParser(**_PARSER_OPTIONS)
        )
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
        return {f.filename: f.filename for f in package.infolist() if _is_sheet(f.filename)}
    targets = {}
    for rel in rels.iter(f"{_PKG_REL}Relationship"):
        target = rel.get("Target") or ""
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        targets[rel.get("Id")] = posixpath.normpath(part)
    titles = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        part = targets.get(sheet.get(f"{_REL}id"))
        if part:
            titles[part] = sheet.get("name") or part
    for info in package.infolist():  # worksheets not listed still count against the limits
        if _is_sheet(info.filename):
            titles.setdefault(info.filename, info.filename)
    return titles


def _is_sheet(part: str) -> bool:
    return part.startswith("xl/worksheets/") and part.endswith(".xml")


@dataclass
class _Counts:
    name: str
    cells: int = 0

    def too_many(self, title: str, vi: str, en: str) -> InputError:
        return InputError(self.name, [Problem("", vi, en, sheet=title)])


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _area(ref: str) -> int:
    """Cells covered by a range "A1:C3" (1 for a single cell, 0 if unreadable)."""
    corners = [_CELL_REF.match(part) for part in ref.split(":")]
    if not corners or any(m is None for m in corners):
        return 0
    if len(corners) == 1:
        return 1
    (c1, r1), (c2, r2) = ((_column_number(m[1]), int(m[2])) for m in corners if m)
    return (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1)


def _elements(stream: IO[bytes]) -> Iterator[etree._Element]:
    tags = (f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}mergeCell")
    for _, element in etree.iterparse(stream, events=("end",), tag=tags, **_PARSER_OPTIONS):
        yield element
        if element.tag != f"{_MAIN}c":
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


def _scan_sheet(
    package: zipfile.ZipFile, info: zipfile.ZipInfo, title: str, counts: _Counts
) -> dict[str, str]:
    """Stream one worksheet, refusing it past a limit; its formulas without a value."""
    bomb = _refused(
        counts.name,
        f"phần {info.filename} lớn hơn kích thước đã khai báo (tệp hỏng hoặc nghi bom zip)",
        f"part {info.filename} is larger than declared (damaged or a zip bomb)",
    )
    rows = 0
    uncomputed: dict[str, str] = {}
    with package.open(info) as member:
        stream = io.BufferedReader(_Bounded(member, info.file_size, bomb))
        try:
            for element in _elements(stream):
                tag = element.tag[len(_MAIN) :]
                if tag == "row":
                    rows += 1
                    number = int(element.get("r") or rows)
                    if rows > MAX_ROWS or number > MAX_ROWS:
                        raise counts.too_many(
                            title,
                            f"trang tính có quá nhiều dòng (quá {MAX_ROWS:,})".replace(",", "."),
                            f"the sheet has too many rows (more than {MAX_ROWS:,})",
                        )
                elif tag == "c":
                    counts.cells += 1
                    _check_cell(element, title, counts, uncomputed)
                else:
                    counts.cells += _area(element.get("ref") or "")
                if counts.cells > MAX_CELLS:
                    raise counts.too_many(
                        title,
                        f"bảng tính có quá nhiều ô (quá {MAX_CELLS:,})".replace(",", "."),
                        f"the workbook has too many cells (more than {MAX_CELLS:,})",
                    )
        except etree.XMLSyntaxError:
            return uncomputed  # damaged XML: openpyxl's reading names it
        except ValueError:  # a row number that is no number
            return uncomputed
    return uncomputed


def _check_cell(
    element: etree._Element, title: str, counts: _Counts, uncomputed: dict[str, str]
) -> None:
    ref = element.get("r") or ""
    match = _CELL_REF.match(ref)
    if match and _column_number(match[1]) > MAX_COLUMNS:
        raise counts.too_many(
            title,
            f"trang tính có quá nhiều cột (quá {MAX_COLUMNS})",
            f"the sheet has too many columns (more than {MAX_COLUMNS})",
        )
    if match and int(match[2]) > MAX_ROWS:
        raise counts.too_many(
            title,
            f"trang tính có quá nhiều dòng (quá {MAX_ROWS:,})".replace(",", "."),
            f"the sheet has too many rows (more than {MAX_ROWS:,})",
        )
    formula = element.find(f"{_MAIN}f")
    value = element.find(f"{_MAIN}v")
    if formula is not None and (value is None or not (value.text or "").strip()) and ref:
        uncomputed[ref.replace("$", "").upper()] = formula.text or ""
