"""Finding and loading a DOCX template once: parts, Jinja sources, section references.

A template is read into a :class:`TemplateSource` (immutable, shared by every renderer
of the same file): the zip entries in order, the Jinja source of ``word/document.xml``
and of every header/footer part holding tags, the ``styles.xml`` bytes and the header
references of the template's (last) section. Loading is done once per file and
modification time, so rendering many documents never re-reads or re-parses it.

Two changes are made to ``document.xml`` while loading, on the XML tree:

- the body's final ``w:sectPr`` becomes ``{{ final_section }}``: the page setup of every
  section comes from the format profile (:mod:`kehoach.render.sections`);
- the column widths of tables styled ``KHHeaderTable``/``KHSignatureTable`` become
  ``{{ layout.… }}`` values computed from the profile (F-HDR-3, F-SIGN-1).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree

from kehoach.errors import RenderError
from kehoach.render.preprocess import to_jinja_source
from kehoach.render.sections import HeaderRef
from kehoach.render.styles import STYLE_IDS, missing_styles
from kehoach.render.wml import R_NS, W_NS

DEFAULT_TEMPLATE = "party.docx"
DOCUMENT_PART = "word/document.xml"
STYLES_PART = "word/styles.xml"
CORE_PART = "docProps/core.xml"
_RELS_PART = "word/_rels/document.xml.rels"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_W = f"{{{W_NS}}}"
_R = f"{{{R_NS}}}"
# Jinja expressions for the two layout tables: (left, right) column widths.
_TABLE_WIDTHS = {
    STYLE_IDS["header_table"]: ("layout.header_left", "layout.header_right"),
    STYLE_IDS["signature_table"]: ("layout.signature_left", "layout.signature_right"),
}


@dataclass(frozen=True)
class TemplateSource:
    """A template read and prepared, ready to compile (no Jinja environment attached)."""

    path: Path
    entries: tuple[tuple[str, bytes], ...]  # every zip entry, in the template's order
    document: str  # Jinja source of word/document.xml
    parts: tuple[tuple[str, str], ...]  # header/footer parts with tags → Jinja source
    styles: bytes
    refs: tuple[HeaderRef, ...]


def default_template() -> Path:
    """``party.docx``: in an installed wheel ``kehoach/templates/``, else the repo's ``templates/``.

    Raises:
        RenderError: when neither exists.
    """
    packaged = resources.files("kehoach").joinpath("templates", DEFAULT_TEMPLATE)
    if packaged.is_file():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parents[3] / "templates" / DEFAULT_TEMPLATE
    if repo.is_file():
        return repo
    raise RenderError(
        f"không tìm thấy mẫu {DEFAULT_TEMPLATE} (kehoach/templates hoặc templates/)",
        f"template {DEFAULT_TEMPLATE} not found (kehoach/templates or templates/)",
    )


def load_template(path: Path) -> TemplateSource:
    """Read and prepare the template at ``path`` (cached per file and modification time).

    Raises:
        RenderError: the file is missing, not a DOCX, or lacks a KH style.
    """
    try:
        stat = path.stat()
    except OSError as exc:
        raise RenderError(
            f"không đọc được mẫu {path}: {exc.strerror}",
            f"cannot read the template {path}: {exc.strerror}",
        ) from exc
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> TemplateSource:
    del mtime_ns, size  # only part of the cache key
    try:
        with zipfile.ZipFile(path) as archive:
            entries = tuple((info.filename, archive.read(info)) for info in archive.infolist())
    except (OSError, zipfile.BadZipFile) as exc:
        raise RenderError(
            f"mẫu {path} không phải tệp DOCX: {exc}",
            f"template {path} is not a DOCX file: {exc}",
        ) from exc
    data = dict(entries)
    for required in (DOCUMENT_PART, STYLES_PART, _RELS_PART):
        if required not in data:
            raise RenderError(
                f"mẫu {path} thiếu phần {required}", f"template {path} has no part {required}"
            )
    styles_root = _parse(data[STYLES_PART], path, STYLES_PART)
    missing = missing_styles(styles_root)
    if missing:
        raise RenderError(
            f"mẫu {path} thiếu kiểu (style): {', '.join(missing)}",
            f"template {path} lacks the styles: {', '.join(missing)}",
        )
    root = _parse(data[DOCUMENT_PART], path, DOCUMENT_PART)
    if root.nsmap.get("w") != W_NS or root.nsmap.get("r") != R_NS:
        raise RenderError(
            f"mẫu {path}: document.xml phải khai báo tiền tố w: và r: chuẩn",
            f"template {path}: document.xml must declare the standard w: and r: prefixes",
        )
    refs = _take_final_section(root, path)
    _parametrise_layout_tables(root)
    document = to_jinja_source(root)
    parts = []
    for name in _header_footer_parts(data[_RELS_PART]):
        if name in data and any(tag in data[name] for tag in (b"{{", b"{%", b"{#")):
            parts.append((name, to_jinja_source(_parse(data[name], path, name))))
    return TemplateSource(path, entries, document, tuple(parts), data[STYLES_PART], refs)


def _parse(data: bytes, path: Path, part: str) -> etree._Element:
    try:
        return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise RenderError(
            f"mẫu {path}: {part} không phải XML hợp lệ: {exc}",
            f"template {path}: {part} is not well-formed XML: {exc}",
        ) from exc


def _take_final_section(root: etree._Element, path: Path) -> tuple[HeaderRef, ...]:
    """Replace the body's ``w:sectPr`` by ``{{ final_section }}``; return its references."""
    body = root.find(_W + "body")
    sect_pr = body[-1] if body is not None and len(body) else None
    if sect_pr is None or sect_pr.tag != _W + "sectPr":
        raise RenderError(
            f"mẫu {path}: thân văn bản không kết thúc bằng w:sectPr",
            f"template {path}: the body does not end with a w:sectPr",
        )
    refs = tuple(
        HeaderRef(
            etree.QName(ref).localname.removesuffix("Reference"),
            ref.get(_W + "type", "default"),
            ref.get(_R + "id", ""),
        )
        for ref in sect_pr
        if ref.tag in (_W + "headerReference", _W + "footerReference")
    )
    previous = sect_pr.getprevious()
    marker = "{{ final_section }}" + (sect_pr.tail or "")
    if previous is not None:
        previous.tail = (previous.tail or "") + marker
    else:
        body.text = (body.text or "") + marker
    body.remove(sect_pr)
    return refs


def _parametrise_layout_tables(root: etree._Element) -> None:
    """Column widths of the header and signature tables → ``{{ layout.… }}``."""
    for table in root.iter(_W + "tbl"):
        style = table.find(f"{_W}tblPr/{_W}tblStyle")
        names = _TABLE_WIDTHS.get(style.get(_W + "val", "") if style is not None else "")
        if names is None:
            continue
        columns = table.findall(f"{_W}tblGrid/{_W}gridCol")
        if len(columns) != len(names):
            continue  # another layout: the template's own widths stay
        for column, name in zip(columns, names, strict=True):
            column.set(_W + "w", "{{ " + name + " }}")
        width = table.find(f"{_W}tblPr/{_W}tblW")
        if width is not None:
            width.set(_W + "w", "{{ " + " + ".join(names) + " }}")
            width.set(_W + "type", "dxa")
        for row in table.iterfind(_W + "tr"):
            for cell, name in zip(row.iterfind(_W + "tc"), names, strict=False):
                cell_width = cell.find(f"{_W}tcPr/{_W}tcW")
                if cell_width is not None:
                    cell_width.set(_W + "w", "{{ " + name + " }}")
                    cell_width.set(_W + "type", "dxa")


def _header_footer_parts(rels: bytes) -> list[str]:
    names = []
    for rel in etree.fromstring(rels).iter(_PKG_REL):
        if rel.get("Type") in (_REL_TYPE + "header", _REL_TYPE + "footer"):
            target = rel.get("Target", "")
            names.append(target.lstrip("/") if target.startswith("/") else f"word/{target}")
    return names
