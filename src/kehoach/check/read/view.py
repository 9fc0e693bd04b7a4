"""The read-only view of a DOCX: sections, blocks, paragraphs and runs with effective
formatting (the data types returned by :func:`kehoach.check.read_docx`).

Lengths are kept in the file's own units (twips = 1/20 pt; 1 mm ≈ 56.7 twips) with
``*_mm``/``*_pt`` helpers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

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
    "Story",
    "TableView",
    "iter_paragraphs",
    "iter_tables",
    "twips_to_mm",
]

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
        return tuple(iter_paragraphs(self.blocks))

    @property
    def text(self) -> str:
        """The cell's paragraphs joined with newlines."""
        return "\n".join(p.full_text for p in self.paragraphs)


@dataclass(frozen=True)
class RowView:
    """One table row; ``header`` when Word repeats it at the top of each page
    (``w:tblHeader``)."""

    cells: tuple[CellView, ...]
    header: bool = False


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
        return tuple(iter_paragraphs(self.blocks))

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
        return tuple(iter_paragraphs(self.blocks))

    @property
    def tables(self) -> tuple[TableView, ...]:
        """All body tables in document order, nested ones included."""
        return tuple(iter_tables(self.blocks))

    @property
    def text(self) -> str:
        """The body's visible text, one paragraph a line."""
        return "\n".join(p.full_text for p in self.paragraphs)


def iter_paragraphs(blocks: tuple[Block, ...]) -> Iterator[ParagraphView]:
    for block in blocks:
        if isinstance(block, ParagraphView):
            yield block
        else:
            for row in block.rows:
                for cell in row.cells:
                    yield from iter_paragraphs(cell.blocks)


def iter_tables(blocks: tuple[Block, ...]) -> Iterator[TableView]:
    for block in blocks:
        if isinstance(block, TableView):
            yield block
            for row in block.rows:
                for cell in row.cells:
                    yield from iter_tables(cell.blocks)
