"""Reading one story (the body, or a header/footer part) into view blocks.

Each paragraph is resolved through the style chain (F-DOCX-2) by
:class:`~kehoach.check.read.styles.StyleSheet`; automatic list labels come from
:class:`~kehoach.check.read.numbering.Numbering`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from lxml import etree

from kehoach.check.read.numbering import Numbering
from kehoach.check.read.ooxml import MC_NS, local, on_off, to_int, w, wattr
from kehoach.check.read.styles import Props, StyleSheet, merge, read_para_props, read_run_props
from kehoach.check.read.view import (
    Block,
    CellRef,
    CellView,
    ParagraphView,
    RowView,
    RunView,
    Story,
    TableView,
)

__all__ = ["StoryReader"]


class StoryReader:
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
            trpr = tr.find(w("trPr"))
            header = trpr is not None and bool(on_off(trpr.find(w("tblHeader"))))
            rows.append(RowView(tuple(cells), header))
        return TableView(index, self.story, self.section, style_id, tuple(rows), borders, grid)

    # -- paragraphs -----------------------------------------------------------

    def paragraph(
        self, element: etree._Element, table_style: str | None, cell: CellRef | None
    ) -> ParagraphView:
        self.paragraph_count += 1
        ppr_el = element.find(_PPR)
        # Paragraphs of a document share a handful of formattings: each distinct pPr (in
        # its table style) is resolved through the style chain once per document.
        key = (_ppr_key(ppr_el) if ppr_el is not None else (), table_style)
        resolved = self.sheet.resolved_paragraphs.get(key)
        if resolved is None:
            resolved = self._resolve_paragraph(ppr_el, table_style)
            self.sheet.resolved_paragraphs[key] = resolved
        formatting, base_rpr, num_id, ilvl = resolved
        label = None
        if num_id is not None and ilvl is not None:
            label = self.numbering.next_label(num_id, ilvl)
        runs, fields = self.runs(element, base_rpr, key)
        section_break = ppr_el is not None and ppr_el.find(_SECT_PR) is not None
        view = _frozen(
            ParagraphView,
            formatting,
            index=self.paragraph_count,
            story=self.story,
            section=self.section,
            cell=cell,
            text="".join(r.text for r in runs if not r.hidden),
            list_label=label,
            has_drawing=_has_drawing(element),
            fields=tuple(fields),
            runs=tuple(runs),
            section_break=section_break,
        )
        if section_break:
            self.section += 1
        return view

    def _resolve_paragraph(
        self, ppr_el: etree._Element | None, table_style: str | None
    ) -> tuple[dict[str, Any], Props, int | None, int | None]:
        """The effective formatting of a paragraph with this pPr in this table style,
        the run properties its runs start from, and its list (numId, level)."""
        sheet = self.sheet
        direct = read_para_props(ppr_el)
        style_id = direct.get("pStyle")
        if not isinstance(style_id, str) or style_id not in sheet.styles:
            style_id = sheet.default_style("paragraph") if style_id is None else style_id
        pchain = sheet.chain(style_id if isinstance(style_id, str) else None, "paragraph")
        tchain = sheet.chain(table_style, "table") if table_style else []
        style_ppr = merge(s.ppr for s in pchain)
        num_layer: Props = {}
        list_level: tuple[int | None, int | None] = (None, None)
        num_id = direct.get("numId", style_ppr.get("numId"))
        ilvl = direct.get("ilvl", style_ppr.get("ilvl", 0))
        if isinstance(num_id, int) and isinstance(ilvl, int) and num_id > 0:
            level = self.numbering.level(num_id, ilvl)
            if level is not None:
                num_layer = level.ppr
            list_level = (num_id, ilvl)
        if "numId" in direct:
            layers = [sheet.default_ppr, *(s.ppr for s in tchain), style_ppr, num_layer, direct]
        else:
            layers = [sheet.default_ppr, *(s.ppr for s in tchain), num_layer, style_ppr, direct]
        props = merge(layers)
        base_rpr = merge([sheet.default_rpr, *(s.rpr for s in tchain), *(s.rpr for s in pchain)])
        first = int(_num(props.get("ind.firstLine")))
        hanging = int(_num(props.get("ind.hanging")))
        formatting = {
            "style_id": style_id if isinstance(style_id, str) else None,
            "style_name": sheet.name(style_id if isinstance(style_id, str) else None),
            "alignment": _str(props.get("jc")),
            "indent_left": int(_num(props.get("ind.left"))),
            "indent_right": int(_num(props.get("ind.right"))),
            "first_line": first if first else -hanging,
            "space_before": int(_num(props.get("spacing.before"))),
            "space_after": int(_num(props.get("spacing.after"))),
            "before_autospacing": bool(props.get("spacing.beforeAutospacing", False)),
            "after_autospacing": bool(props.get("spacing.afterAutospacing", False)),
            "line": _int_or_none(props.get("spacing.line")),
            "line_rule": _str(props.get("spacing.lineRule"))
            or ("auto" if props.get("spacing.line") is not None else None),
            "contextual_spacing": bool(props.get("contextualSpacing", False)),
            "border_bottom": _border(props.get("border.bottom")),
        }
        return formatting, base_rpr, *list_level

    def runs(
        self, paragraph: etree._Element, base_rpr: Props, para_key: object = None
    ) -> tuple[list[RunView], list[str]]:
        sheet = self.sheet
        cache = sheet.resolved_runs
        runs: list[RunView] = []
        fields: list[str] = []
        instr: list[str] = []
        for element in paragraph.iter(_R, _FLD_SIMPLE):
            if element.getparent() is not paragraph and not _owned_by(element, paragraph):
                continue
            if element.tag == _FLD_SIMPLE:
                code = (wattr(element, "instr") or "").strip()
                if code:
                    fields.append(_field_name(code))
                continue
            rpr = element.find(_RPR)
            key = (para_key, _rpr_key(rpr) if rpr is not None else ())
            formatting = cache.get(key) if para_key is not None else None
            if formatting is None:
                formatting = self._resolve_run(rpr, base_rpr)
                if para_key is not None:
                    cache[key] = formatting
            text_parts: list[str] = []
            for child in element:
                tag = child.tag
                if tag == _T:
                    text_parts.append(_text(child))
                elif tag == _FLD_CHAR:
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
                elif tag == _INSTR_TEXT:
                    instr.append(child.text or "")
                elif tag in _TABS:
                    text_parts.append("\t")
                elif tag in _BREAKS:
                    text_parts.append("\n")
                elif tag == _NO_BREAK_HYPHEN:
                    text_parts.append("-")
            runs.append(
                _frozen(
                    RunView,
                    formatting,
                    text="".join(text_parts),
                    in_field_result=self.field_result and self.field_depth > 0,
                )
            )
        if instr:
            fields.append(_field_name("".join(instr)))
        return runs, fields

    def _resolve_run(self, rpr: etree._Element | None, base_rpr: Props) -> dict[str, Any]:
        """The effective formatting of a run with this rPr over ``base_rpr``."""
        sheet = self.sheet
        direct = read_run_props(rpr)
        char_style = direct.get("rStyle")
        cchain = sheet.chain(char_style if isinstance(char_style, str) else None, "character")
        props = merge([base_rpr, *(s.rpr for s in cchain), direct])
        size_cs = props.get("size_cs")
        color = props.get("color")
        return {
            "font_ascii": sheet.resolve_font(props.get("font.ascii")),
            "font_hansi": sheet.resolve_font(props.get("font.hAnsi")),
            "font_cs": sheet.resolve_font(props.get("font.cs")),
            "font_east_asia": sheet.resolve_font(props.get("font.eastAsia")),
            "font_hint": _str(props.get("font.hint")),
            "size_pt": _num(props.get("size"), 20) / 2,
            "size_cs_pt": _num(size_cs) / 2 if isinstance(size_cs, int) else None,
            "bold": bool(props.get("bold", False)),
            "italic": bool(props.get("italic", False)),
            "underline": _underline(props.get("underline")),
            "caps": bool(props.get("caps", False)),
            "small_caps": bool(props.get("small_caps", False)),
            "strike": bool(props.get("strike", False) or props.get("dstrike", False)),
            "hidden": bool(props.get("vanish", False)),
            "color": color if isinstance(color, str) else None,
            "char_style_id": char_style if isinstance(char_style, str) else None,
        }


_PPR = w("pPr")
_R = w("r")
_RPR_CHANGE = w("rPrChange")
_PPR_IGNORED = frozenset({w("rPr"), w("sectPr"), w("pPrChange")})
_T = w("t")
_FLD_SIMPLE = w("fldSimple")
_FLD_CHAR = w("fldChar")
_INSTR_TEXT = w("instrText")
_TABS = frozenset({w("tab"), w("ptab")})
_BREAKS = frozenset({w("br"), w("cr")})
_NO_BREAK_HYPHEN = w("noBreakHyphen")
_RPR = w("rPr")
_SECT_PR = w("sectPr")
_TRANSPARENT = frozenset({w("customXml"), f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice"})


def _shape(element: etree._Element) -> tuple[object, ...]:
    """A hashable key of a property element's content: tags, attributes and child
    counts in document order (cheaper than serialising, which repeats namespaces)."""
    return tuple([(e.tag, tuple(e.attrib.items()), len(e)) for e in element.iter()])


_View = TypeVar("_View")


def _frozen(cls: type[_View], shared: dict[str, Any], **own: Any) -> _View:
    """An instance of the frozen dataclass ``cls`` from ``shared`` (cached formatting)
    and ``own`` values, which together name every field. The generated ``__init__``
    sets each field with ``object.__setattr__``, which made building the views of runs
    and paragraphs a third of the reading time; filling the instance dictionary is the
    same object (tests/test_check_reader.py compares the fields)."""
    view = object.__new__(cls)
    view.__dict__.update(shared)
    view.__dict__.update(own)
    return view


def _rpr_key(rpr: etree._Element) -> tuple[object, ...]:
    """A key of a run's ``w:rPr``: its children's tags and attributes (run properties
    are flat; a tracked change's old formatting is not read)."""
    return tuple([(c.tag, tuple(c.attrib.items())) for c in rpr if c.tag != _RPR_CHANGE])


def _ppr_key(ppr: etree._Element) -> tuple[object, ...]:
    """:func:`_shape` of a ``w:pPr`` without what the view does not read from it there:
    the paragraph mark's ``w:rPr``, the section break and tracked changes (documents
    vary these paragraph by paragraph, which would defeat the cache)."""
    return tuple([_shape(child) for child in ppr if child.tag not in _PPR_IGNORED])


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
