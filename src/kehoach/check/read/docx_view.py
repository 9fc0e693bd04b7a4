"""A read-only, style-resolved view of any DOCX file: ``read_docx(source) -> DocxView``.

The view is what the format checker (and the renderer's tests) compare with a
:class:`~kehoach.profiles.FormatProfile`:

- ``sections``: page size, margins, header distance, ``titlePg`` and the header and
  footer parts each section uses (inherited from the previous section when absent);
- ``blocks``: the body in order — paragraphs and tables (tables → rows → cells →
  blocks);
- every paragraph resolved through the style chain (F-DOCX-2): document defaults →
  table style → paragraph style (``basedOn`` chain) → list level → character style →
  direct formatting, theme fonts (``minorHAnsi``…) replaced by the theme's font names.

Lengths are kept in the file's own units (twips = 1/20 pt; 1 mm ≈ 56.7 twips) with
``*_mm``/``*_pt`` helpers. Reading is defensive (:mod:`kehoach.check.read.package`): any
unreadable input raises :class:`~kehoach.check.read.errors.DocxReadError`.
"""

from __future__ import annotations

from lxml import etree

from kehoach.check.read.errors import DocxReadError
from kehoach.check.read.numbering import Numbering
from kehoach.check.read.ooxml import R_NS, on_off, to_int, w, wattr
from kehoach.check.read.package import MAX_PARAGRAPHS, Package, Source, open_package
from kehoach.check.read.story import StoryReader
from kehoach.check.read.styles import StyleSheet
from kehoach.check.read.view import DocxView, HeaderFooterView, SectionView

__all__ = ["read_docx"]

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _section(
    index: int,
    sectpr: etree._Element | None,
    parts: dict[str, HeaderFooterView],
    previous: SectionView | None,
) -> SectionView:
    pgsz = sectpr.find(w("pgSz")) if sectpr is not None else None
    pgmar = sectpr.find(w("pgMar")) if sectpr is not None else None
    headers = dict(previous.headers) if previous else {}
    footers = dict(previous.footers) if previous else {}
    if sectpr is not None:
        for tag, target in (("headerReference", headers), ("footerReference", footers)):
            for ref in sectpr.findall(w(tag)):
                rid = ref.get(f"{{{R_NS}}}id")
                kind = wattr(ref, "type") or "default"
                if rid and rid in parts:
                    target[kind] = parts[rid]
    width = to_int(wattr(pgsz, "w"))
    height = to_int(wattr(pgsz, "h"))
    orient = wattr(pgsz, "orient")
    if orient is None:
        orient = "landscape" if width and height and width > height else "portrait"

    def margin(name: str) -> int | None:
        value = to_int(wattr(pgmar, name))
        return abs(value) if value is not None else None

    pgnum = sectpr.find(w("pgNumType")) if sectpr is not None else None
    return SectionView(
        index=index,
        page_width=width,
        page_height=height,
        orientation=orient,
        margin_top=margin("top"),
        margin_bottom=margin("bottom"),
        margin_left=margin("left"),
        margin_right=margin("right"),
        header_distance=margin("header"),
        footer_distance=margin("footer"),
        gutter=margin("gutter"),
        title_pg=bool(on_off(sectpr.find(w("titlePg")))) if sectpr is not None else False,
        headers=headers,
        footers=footers,
        page_number_start=to_int(wattr(pgnum, "start")),
    )


def _optional_xml(package: Package, name: str | None) -> etree._Element | None:
    if not name or not package.has(name):
        return None
    return package.xml(name)


def read_docx(source: Source) -> DocxView:
    """Read ``source`` (a path, bytes or a binary file object) into a :class:`DocxView`.

    Raises:
        DocxReadError: The input is not a readable, safe DOCX file.
    """
    package = open_package(source)
    return _read_package(package)


def _read_package(package: Package) -> DocxView:
    main = package.main_part
    root = package.xml(main)
    body = root.find(w("body"))
    if body is None:
        raise DocxReadError(
            "missing-part",
            f"Tệp Word không có phần thân văn bản (w:body trong {main}).",
            f"The Word file has no document body (w:body in {main}).",
        )
    paragraph_count = sum(1 for _ in body.iter(w("p")))
    if paragraph_count > MAX_PARAGRAPHS:
        raise DocxReadError(
            "too-large",
            f"Văn bản có {paragraph_count:,} đoạn, quá giới hạn {MAX_PARAGRAPHS:,} đoạn "
            "để kiểm tra thể thức.".replace(",", "."),
            f"The document has {paragraph_count:,} paragraphs, more than the "
            f"{MAX_PARAGRAPHS:,} that can be checked.",
        )
    rels = package.relationships(main)
    targets: dict[str, str] = {}
    for rel_type, target, mode in rels.values():
        if mode == "Internal" and rel_type.startswith(_REL):
            targets.setdefault(rel_type[len(_REL) :], target)
    sheet = StyleSheet(
        _optional_xml(package, targets.get("styles")),
        _optional_xml(package, targets.get("theme")),
    )
    numbering = Numbering(_optional_xml(package, targets.get("numbering")))
    settings = _optional_xml(package, targets.get("settings"))
    parts: dict[str, HeaderFooterView] = {}
    for rid, (rel_type, target, mode) in rels.items():
        kind = rel_type[len(_REL) :] if rel_type.startswith(_REL) else ""
        if kind not in ("header", "footer") or mode != "Internal" or not package.has(target):
            continue
        part_root = package.xml(target)
        reader = StoryReader(sheet, numbering, "header" if kind == "header" else "footer")
        parts[rid] = HeaderFooterView(
            part=target,
            kind="header" if kind == "header" else "footer",
            type="default",
            blocks=reader.blocks(part_root),
        )
    reader = StoryReader(sheet, numbering, "body")
    blocks = reader.blocks(body)
    # A paragraph's own section break (w:p/w:pPr/w:sectPr), in document order.
    sectprs: list[etree._Element | None] = [
        s
        for s in body.iter(w("sectPr"))
        if (ppr := s.getparent()) is not None
        and ppr.tag == w("pPr")
        and (owner := ppr.getparent()) is not None
        and owner.tag == w("p")
    ]
    final = body.find(w("sectPr"))
    sectprs.append(final)
    sections: list[SectionView] = []
    for index, sectpr in enumerate(sectprs):
        typed_parts = _typed_parts(sectpr, parts)
        sections.append(_section(index, sectpr, typed_parts, sections[-1] if sections else None))
    return DocxView(
        sections=tuple(sections),
        blocks=blocks,
        styles={sid: s.name for sid, s in sheet.styles.items()},
        theme_fonts=dict(sheet.theme_fonts),
        mirror_margins=_setting(settings, "mirrorMargins"),
        even_and_odd_headers=_setting(settings, "evenAndOddHeaders"),
        main_part=main,
    )


def _typed_parts(
    sectpr: etree._Element | None, parts: dict[str, HeaderFooterView]
) -> dict[str, HeaderFooterView]:
    """The header/footer parts referenced by ``sectpr``, tagged with their type."""
    out: dict[str, HeaderFooterView] = {}
    if sectpr is None:
        return out
    for tag in ("headerReference", "footerReference"):
        for ref in sectpr.findall(w(tag)):
            rid = ref.get(f"{{{R_NS}}}id")
            if rid and rid in parts:
                part = parts[rid]
                kind = wattr(ref, "type") or "default"
                out[rid] = HeaderFooterView(part.part, part.kind, kind, part.blocks)
    return out


def _setting(settings: etree._Element | None, name: str) -> bool:
    if settings is None:
        return False
    return bool(on_off(settings.find(w(name))))
