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
``*_mm``/``*_pt`` helpers. Reading is defensive (:mod:`kehoach.check.package`): any
unreadable input raises :class:`~kehoach.check.errors.DocxReadError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from kehoach.check.errors import DocxReadError
from kehoach.check.numbering import Numbering
from kehoach.check.ooxml import MC_NS, R_NS, local, on_off, to_int, w, wattr
from kehoach.check.package import Package, Source, open_package
from kehoach.check.styles import Props, StyleSheet, merge, read_para_props, read_run_props

__all__ = [
    "Block",
    "CellRef",
    "CellView",
    "DocxView",
    "HeaderFooterView",
    "ParagraphView",
    "RowView",
    "RunView",
    "SectionView",
    "TableView",
    "read_docx",
    "twips_to_mm",
]

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
Story = Literal["body", "header", "footer"]


def twips_to_mm(twips: float | None) -> float | None:
    """Twips → millimetres (``None`` stays ``None``)."""
    return None if twips is None else twips * 25.4 / 1440


@dataclass(frozen=True)
class RunView:
    """One run with its effective formatting.

    Attributes:
        text: The visible text (``\\t`` for tabs, ``\\n`` for breaks; field results
            included, field codes and deleted text excluded).
        font_ascii, font_hansi, font_cs, font_east_asia: The font of each
            ``w:rFonts`` slot after theme resolution; ``None`` when no level of the
            style chain names one (Word then uses its built-in default).
        font_hint: ``w:rFonts/@w:hint`` (``eastAsia`` makes Word use the East Asian slot).
        size_pt: Font size in points (Word's default 10 pt when nothing sets it).
        size_cs_pt: Complex-script size (``w:szCs``).
        bold, italic, caps, small_caps, strike, hidden: Effective toggles.
        underline: ``w:u/@w:val`` (``"single"``, ``"double"``…) or ``None``.
        color: ``"auto"``, a hex colour such as ``"FF0000"``, ``"theme:accent1"`` or
            ``None`` (automatic).
        char_style_id: The ``w:rStyle`` of the run.
        in_field_result: Whether the run is the shown result of a field.
    """

    text: str
    font_ascii: str | None
    font_hansi: str | None
    font_cs: str | None
    font_east_asia: str | None
    font_hint: str | None
    size_pt: float
    size_cs_pt: float | None
    bold: bool
    italic: bool
    underline: str | None
    caps: bool
    small_caps: bool
    strike: bool
    hidden: bool
    color: str | None
    char_style_id: str | None = None
    in_field_result: bool = False

    @property
    def fonts(self) -> dict[str, str | None]:
        """The four font slots by their OOXML names."""
        return {
            "ascii": self.font_ascii,
            "hAnsi": self.font_hansi,
            "cs": self.font_cs,
            "eastAsia": self.font_east_asia,
        }

    @property
    def underlined(self) -> bool:
        """Whether the run is underlined (any style but ``none``)."""
        return self.underline not in (None, "none")


@dataclass(frozen=True)
class CellRef:
    """Where a paragraph sits in a table (1-based; ``table`` counts all tables in order)."""

    table: int
    row: int
    cell: int


@dataclass(frozen=True)
class ParagraphView:
    """One paragraph with its effective paragraph formatting and its runs.

    Attributes:
        index: 1-based position among the paragraphs of its story (body, or one
            header/footer part), in document order, table cells included.
        story: ``body``, ``header`` or ``footer``.
        section: 0-based index of the section the paragraph belongs to.
        cell: Where it is in a table (outermost table), or ``None``.
        text: The visible text of the runs (list label excluded).
        list_label: The label of an automatic list (``"I."``, ``"-"``), or ``None``.
        style_id, style_name: The paragraph style (the default one when none is set).
        alignment: ``left``, ``center``, ``right``, ``both``, ``distribute``… or
            ``None`` (left).
        indent_left, indent_right, first_line: Twips; ``first_line`` is negative
            for a hanging indent.
        space_before, space_after: Twips (20 per point).
        line, line_rule: ``w:spacing/@w:line`` and ``@w:lineRule`` (``auto``: 240 =
            single; ``exact``/``atLeast``: twips).
        contextual_spacing: Spacing is dropped between paragraphs of the same style.
        border_bottom: The ``w:pBdr/w:bottom`` line style, or ``None``.
        has_drawing: The paragraph holds a drawing, picture or shape.
        fields: Field instructions (``PAGE``, ``NUMPAGES``…), upper-cased and trimmed.
        runs: The runs, hidden ones included (see ``RunView.hidden``).
        section_break: The paragraph ends a section (its ``w:pPr`` has ``w:sectPr``).
    """

    index: int
    story: Story
    section: int
    cell: CellRef | None
    text: str
    list_label: str | None
    style_id: str | None
    style_name: str | None
    alignment: str | None
    indent_left: int
    indent_right: int
    first_line: int
    space_before: int
    space_after: int
    before_autospacing: bool
    after_autospacing: bool
    line: int | None
    line_rule: str | None
    contextual_spacing: bool
    border_bottom: str | None
    has_drawing: bool
    fields: tuple[str, ...]
    runs: tuple[RunView, ...]
    section_break: bool = False

    @property
    def full_text(self) -> str:
        """The text as shown: list label, a space, then the text."""
        if self.list_label:
            return f"{self.list_label} {self.text}"
        return self.text

    @property
    def visible_runs(self) -> tuple[RunView, ...]:
        """Runs that are not hidden and carry some non-blank text."""
        return tuple(r for r in self.runs if not r.hidden and r.text.strip())

    @property
    def first_line_mm(self) -> float:
        """First-line indent in mm (negative for hanging)."""
        return self.first_line * 25.4 / 1440

    @property
    def space_before_pt(self) -> float:
        """Space before in points."""
        return self.space_before / 20

    @property
    def space_after_pt(self) -> float:
        """Space after in points."""
        return self.space_after / 20

    @property
    def line_pt(self) -> float | None:
        """Exact/at-least line spacing in points; ``None`` for ``auto`` (multiples)."""
        if self.line is None or self.line_rule not in ("exact", "atLeast"):
            return None
        return self.line / 20


@dataclass(frozen=True)
class CellView:
    """One table cell: its blocks and merge information."""

    blocks: tuple[Block, ...]
    grid_span: int = 1
    v_merge: str | None = None
    width: int | None = None

    @property
    def paragraphs(self) -> tuple[ParagraphView, ...]:
        """The cell's paragraphs in order, nested tables included."""
        return tuple(_iter_paragraphs(self.blocks))

    @property
    def text(self) -> str:
        """The cell's paragraphs joined with newlines."""
        return "\n".join(p.full_text for p in self.paragraphs)


@dataclass(frozen=True)
class RowView:
    """One table row."""

    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class TableView:
    """One table: rows, the style and the effective outer/inner borders.

    Attributes:
        index: 1-based position among all tables of the story, nested ones included.
        borders: Effective ``w:tblBorders`` (``top``, ``left``, ``insideH``… →
            ``single``/``nil``/``none``…), from the table style chain then direct.
        grid: Column widths in twips (``w:tblGrid``).
    """

    index: int
    story: Story
    section: int
    style_id: str | None
    rows: tuple[RowView, ...]
    borders: dict[str, str] = field(default_factory=dict)
    grid: tuple[int, ...] = ()

    @property
    def paragraphs(self) -> tuple[ParagraphView, ...]:
        """All paragraphs of the table in reading order."""
        return tuple(p for row in self.rows for cell in row.cells for p in cell.paragraphs)

    @property
    def text(self) -> str:
        """All text of the table."""
        return "\n".join(p.full_text for p in self.paragraphs)

    @property
    def borderless(self) -> bool:
        """No visible border (every border side is nil/none or unset)."""
        return all(v in ("nil", "none") for v in self.borders.values())


Block = ParagraphView | TableView


@dataclass(frozen=True)
class HeaderFooterView:
    """One header or footer part as used by a section.

    Attributes:
        part: Name of the part in the package (``word/header1.xml``).
        kind: ``header`` or ``footer``.
        type: ``default``, ``first`` or ``even``.
        blocks: The part's paragraphs and tables.
    """

    part: str
    kind: Literal["header", "footer"]
    type: str
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> tuple[ParagraphView, ...]:
        """All paragraphs of the part."""
        return tuple(_iter_paragraphs(self.blocks))

    @property
    def fields(self) -> tuple[str, ...]:
        """All field instructions of the part (``PAGE``…)."""
        return tuple(f for p in self.paragraphs for f in p.fields)

    @property
    def text(self) -> str:
        """The part's visible text."""
        return "\n".join(p.full_text for p in self.paragraphs)

    @property
    def is_empty(self) -> bool:
        """No visible text, no field and no drawing."""
        return (
            not self.text.strip()
            and not self.fields
            and not any(p.has_drawing for p in self.paragraphs)
        )


@dataclass(frozen=True)
class SectionView:
    """One section's page setup (all lengths in twips; ``None`` when not set).

    Attributes:
        index: 0-based section number.
        page_width, page_height: ``w:pgSz`` (A4 = 11906 × 16838).
        orientation: ``portrait`` or ``landscape`` (``w:pgSz/@w:orient``).
        margin_top, margin_bottom, margin_left, margin_right: ``w:pgMar``.
        header_distance, footer_distance, gutter: ``w:pgMar`` header/footer/gutter.
        title_pg: ``w:titlePg`` — a different first-page header/footer.
        headers, footers: ``default``/``first``/``even`` → part (inherited).
        page_number_start: ``w:pgNumType/@w:start``.
    """

    index: int
    page_width: int | None
    page_height: int | None
    orientation: str
    margin_top: int | None
    margin_bottom: int | None
    margin_left: int | None
    margin_right: int | None
    header_distance: int | None
    footer_distance: int | None
    gutter: int | None
    title_pg: bool
    headers: dict[str, HeaderFooterView]
    footers: dict[str, HeaderFooterView]
    page_number_start: int | None = None

    def mm(self, name: str) -> float | None:
        """A length attribute (``"margin_top"``…) in millimetres."""
        value = getattr(self, name)
        return twips_to_mm(value) if isinstance(value, int) else None


@dataclass(frozen=True)
class DocxView:
    """The whole document as the checker sees it.

    Attributes:
        sections: The sections in order (at least one).
        blocks: The body's paragraphs and tables in order.
        styles: Style id → display name.
        theme_fonts: ``minorHAnsi`` → font name … from the theme.
        mirror_margins: ``w:mirrorMargins`` in the settings (duplex, F-MARGIN-2).
        even_and_odd_headers: ``w:evenAndOddHeaders`` in the settings.
        main_part: Name of the main document part.
    """

    sections: tuple[SectionView, ...]
    blocks: tuple[Block, ...]
    styles: dict[str, str]
    theme_fonts: dict[str, str]
    mirror_margins: bool
    even_and_odd_headers: bool
    main_part: str = "word/document.xml"

    @property
    def paragraphs(self) -> tuple[ParagraphView, ...]:
        """All body paragraphs in document order, table cells included."""
        return tuple(_iter_paragraphs(self.blocks))

    @property
    def tables(self) -> tuple[TableView, ...]:
        """All body tables in document order, nested ones included."""
        return tuple(_iter_tables(self.blocks))

    @property
    def text(self) -> str:
        """The body's visible text, one paragraph a line."""
        return "\n".join(p.full_text for p in self.paragraphs)


def _iter_paragraphs(blocks: tuple[Block, ...]) -> Iterator[ParagraphView]:
    for block in blocks:
        if isinstance(block, ParagraphView):
            yield block
        else:
            for row in block.rows:
                for cell in row.cells:
                    yield from _iter_paragraphs(cell.blocks)


def _iter_tables(blocks: tuple[Block, ...]) -> Iterator[TableView]:
    for block in blocks:
        if isinstance(block, TableView):
            yield block
            for row in block.rows:
                for cell in row.cells:
                    yield from _iter_tables(cell.blocks)


# --------------------------------------------------------------------------- reading


class _StoryReader:
    """Reads the blocks of one story (body, header or footer part)."""

    _SKIP_RUN_PARENTS = frozenset({w("del"), w("moveFrom")})

    def __init__(self, sheet: StyleSheet, numbering: Numbering, story: Story) -> None:
        self.sheet = sheet
        self.numbering = numbering
        self.story: Story = story
        self.paragraph_count = 0
        self.table_count = 0
        self.section = 0
        self.field_depth = 0
        self.field_result = False

    # -- containers -----------------------------------------------------------

    def blocks(
        self, container: etree._Element, table_style: str | None = None, cell: CellRef | None = None
    ) -> tuple[Block, ...]:
        out: list[Block] = []
        for child in _content_children(container):
            if child.tag == w("p"):
                out.append(self.paragraph(child, table_style, cell))
            elif child.tag == w("tbl"):
                out.append(self.table(child, cell))
        return tuple(out)

    def table(self, element: etree._Element, outer: CellRef | None) -> TableView:
        self.table_count += 1
        index = self.table_count
        tblpr = element.find(w("tblPr"))
        style_id = wattr(tblpr.find(w("tblStyle")) if tblpr is not None else None, "val")
        style_id = style_id or self.sheet.default_style("table")
        borders = self.sheet.table_borders(style_id)
        if tblpr is not None and tblpr.find(w("tblBorders")) is not None:
            for edge in tblpr.find(w("tblBorders")):
                name = {"start": "left", "end": "right"}.get(local(edge), local(edge))
                if name:
                    borders[name] = wattr(edge, "val") or "nil"
        cols = element.findall(f"{w('tblGrid')}/{w('gridCol')}")
        grid = tuple(to_int(wattr(col, "w")) or 0 for col in cols)
        rows: list[RowView] = []
        for row_number, tr in enumerate(_table_rows(element), start=1):
            cells: list[CellView] = []
            for cell_number, tc in enumerate(_row_cells(tr), start=1):
                ref = outer or CellRef(index, row_number, cell_number)
                tcpr = tc.find(w("tcPr"))
                span = to_int(wattr(tcpr.find(w("gridSpan")), "val")) if tcpr is not None else None
                vmerge_el = tcpr.find(w("vMerge")) if tcpr is not None else None
                vmerge = (wattr(vmerge_el, "val") or "continue") if vmerge_el is not None else None
                width = to_int(wattr(tcpr.find(w("tcW")), "w")) if tcpr is not None else None
                cells.append(CellView(self.blocks(tc, style_id, ref), span or 1, vmerge, width))
            rows.append(RowView(tuple(cells)))
        return TableView(index, self.story, self.section, style_id, tuple(rows), borders, grid)

    # -- paragraphs -----------------------------------------------------------

    def paragraph(
        self, element: etree._Element, table_style: str | None, cell: CellRef | None
    ) -> ParagraphView:
        self.paragraph_count += 1
        sheet = self.sheet
        ppr_el = element.find(w("pPr"))
        direct = read_para_props(ppr_el)
        style_id = direct.get("pStyle")
        if not isinstance(style_id, str) or style_id not in sheet.styles:
            style_id = sheet.default_style("paragraph") if style_id is None else style_id
        pchain = sheet.chain(style_id if isinstance(style_id, str) else None, "paragraph")
        tchain = sheet.chain(table_style, "table") if table_style else []
        style_ppr = merge(s.ppr for s in pchain)
        num_layer: Props = {}
        label = None
        num_id = direct.get("numId", style_ppr.get("numId"))
        ilvl = direct.get("ilvl", style_ppr.get("ilvl", 0))
        if isinstance(num_id, int) and isinstance(ilvl, int) and num_id > 0:
            level = self.numbering.level(num_id, ilvl)
            if level is not None:
                num_layer = level.ppr
            label = self.numbering.next_label(num_id, ilvl)
        if "numId" in direct:
            layers = [sheet.default_ppr, *(s.ppr for s in tchain), style_ppr, num_layer, direct]
        else:
            layers = [sheet.default_ppr, *(s.ppr for s in tchain), num_layer, style_ppr, direct]
        props = merge(layers)
        base_rpr = merge([sheet.default_rpr, *(s.rpr for s in tchain), *(s.rpr for s in pchain)])
        runs, fields = self.runs(element, base_rpr)
        first = int(_num(props.get("ind.firstLine")))
        hanging = int(_num(props.get("ind.hanging")))
        section_break = ppr_el is not None and ppr_el.find(w("sectPr")) is not None
        view = ParagraphView(
            index=self.paragraph_count,
            story=self.story,
            section=self.section,
            cell=cell,
            text="".join(r.text for r in runs if not r.hidden),
            list_label=label,
            style_id=style_id if isinstance(style_id, str) else None,
            style_name=sheet.name(style_id if isinstance(style_id, str) else None),
            alignment=_str(props.get("jc")),
            indent_left=int(_num(props.get("ind.left"))),
            indent_right=int(_num(props.get("ind.right"))),
            first_line=first if first else -hanging,
            space_before=int(_num(props.get("spacing.before"))),
            space_after=int(_num(props.get("spacing.after"))),
            before_autospacing=bool(props.get("spacing.beforeAutospacing", False)),
            after_autospacing=bool(props.get("spacing.afterAutospacing", False)),
            line=_int_or_none(props.get("spacing.line")),
            line_rule=_str(props.get("spacing.lineRule"))
            or ("auto" if props.get("spacing.line") is not None else None),
            contextual_spacing=bool(props.get("contextualSpacing", False)),
            border_bottom=_border(props.get("border.bottom")),
            has_drawing=_has_drawing(element),
            fields=tuple(fields),
            runs=tuple(runs),
            section_break=section_break,
        )
        if section_break:
            self.section += 1
        return view

    def runs(self, paragraph: etree._Element, base_rpr: Props) -> tuple[list[RunView], list[str]]:
        sheet = self.sheet
        runs: list[RunView] = []
        fields: list[str] = []
        instr: list[str] = []
        for element in paragraph.iter(w("r"), w("fldSimple")):
            if not _owned_by(element, paragraph):
                continue
            if element.tag == w("fldSimple"):
                code = (wattr(element, "instr") or "").strip()
                if code:
                    fields.append(_field_name(code))
                continue
            direct = read_run_props(element.find(w("rPr")))
            char_style = direct.get("rStyle")
            cchain = sheet.chain(char_style if isinstance(char_style, str) else None, "character")
            props = merge([base_rpr, *(s.rpr for s in cchain), direct])
            text_parts: list[str] = []
            for child in element:
                tag = child.tag
                if tag == w("fldChar"):
                    kind = wattr(child, "fldCharType")
                    if kind == "begin":
                        self.field_depth += 1
                        self.field_result = False
                        instr = []
                    elif kind == "separate":
                        if instr:
                            fields.append(_field_name("".join(instr)))
                            instr = []
                        self.field_result = True
                    elif kind == "end":
                        if instr:
                            fields.append(_field_name("".join(instr)))
                            instr = []
                        self.field_depth = max(0, self.field_depth - 1)
                        self.field_result = False
                elif tag == w("instrText"):
                    instr.append(child.text or "")
                elif tag == w("t"):
                    text_parts.append(_text(child))
                elif tag in (w("tab"), w("ptab")):
                    text_parts.append("\t")
                elif tag in (w("br"), w("cr")):
                    text_parts.append("\n")
                elif tag == w("noBreakHyphen"):
                    text_parts.append("-")
            size = _num(props.get("size"), 20) / 2
            size_cs = props.get("size_cs")
            color = props.get("color")
            runs.append(
                RunView(
                    text="".join(text_parts),
                    font_ascii=sheet.resolve_font(props.get("font.ascii")),
                    font_hansi=sheet.resolve_font(props.get("font.hAnsi")),
                    font_cs=sheet.resolve_font(props.get("font.cs")),
                    font_east_asia=sheet.resolve_font(props.get("font.eastAsia")),
                    font_hint=_str(props.get("font.hint")),
                    size_pt=size,
                    size_cs_pt=_num(size_cs) / 2 if isinstance(size_cs, int) else None,
                    bold=bool(props.get("bold", False)),
                    italic=bool(props.get("italic", False)),
                    underline=_underline(props.get("underline")),
                    caps=bool(props.get("caps", False)),
                    small_caps=bool(props.get("small_caps", False)),
                    strike=bool(props.get("strike", False) or props.get("dstrike", False)),
                    hidden=bool(props.get("vanish", False)),
                    color=color if isinstance(color, str) else None,
                    char_style_id=char_style if isinstance(char_style, str) else None,
                    in_field_result=self.field_result and self.field_depth > 0,
                )
            )
        if instr:
            fields.append(_field_name("".join(instr)))
        return runs, fields


_TRANSPARENT = frozenset({w("customXml"), f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice"})


def _content_children(container: etree._Element) -> Iterator[etree._Element]:
    """Block-level children, looking through content controls and custom XML."""
    for child in container:
        if child.tag in (w("sdt"),):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _content_children(content)
        elif child.tag in _TRANSPARENT:
            yield from _content_children(child)
        else:
            yield child


def _table_rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in _content_children(table):
        if child.tag == w("tr"):
            yield child


def _row_cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in _content_children(row):
        if child.tag == w("tc"):
            yield child


def _owned_by(element: etree._Element, paragraph: etree._Element) -> bool:
    """The run belongs to ``paragraph`` itself (not a text box inside it) and is not deleted."""
    parent = element.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in (w("p"), w("del"), w("moveFrom"), f"{{{MC_NS}}}Fallback"):
            return False
        parent = parent.getparent()
    return parent is paragraph


def _has_drawing(paragraph: etree._Element) -> bool:
    for element in paragraph.iter(w("drawing"), w("pict"), w("object")):
        return element is not None
    return False


def _text(element: etree._Element) -> str:
    """Text of a ``w:t`` without unresolved entity references."""
    parts = [element.text or ""]
    for child in element:
        parts.append(child.tail or "")
    return "".join(parts)


def _field_name(code: str) -> str:
    """``' PAGE  \\* MERGEFORMAT '`` → ``'PAGE \\* MERGEFORMAT'`` (upper, single spaces)."""
    return " ".join(code.split()).upper()


def _num(value: object, default: float = 0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return float(value)


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _underline(value: object) -> str | None:
    if not isinstance(value, str) or value == "none":
        return None
    return value


def _border(value: object) -> str | None:
    if not isinstance(value, str) or value in ("nil", "none"):
        return None
    return value


# --------------------------------------------------------------------------- sections


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
        reader = _StoryReader(sheet, numbering, "header" if kind == "header" else "footer")
        parts[rid] = HeaderFooterView(
            part=target,
            kind="header" if kind == "header" else "footer",
            type="default",
            blocks=reader.blocks(part_root),
        )
    reader = _StoryReader(sheet, numbering, "body")
    blocks = reader.blocks(body)
    sectprs = [p.find(f"{w('pPr')}/{w('sectPr')}") for p in body.iter(w("p"))]
    sectprs = [s for s in sectprs if s is not None]
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
