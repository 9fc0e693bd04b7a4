"""Composed tables → ``<w:tbl>`` (budget tables of appendices, tables in the body).

Column widths are the table's relative widths spread over the text width of the
section the table sits in; the header row repeats on every page and rows do not split
(F-APX-5). Borders come from the template's ``KHTableGrid`` table style, the text from
the ``KHTableHeader``/``KHTableText`` paragraph styles, so a template can restyle them.
"""

from __future__ import annotations

from markupsafe import Markup

from kehoach.compose.document import Cell, TableData
from kehoach.render.styles import STYLE_IDS
from kehoach.render.wml import paragraph_xml, run_xml

_ALIGN = {"left": "left", "center": "center", "right": "right"}


def column_widths(relative: tuple[float, ...], count: int, total: int) -> list[int]:
    """``count`` widths in twips proportional to ``relative`` that add up to ``total``."""
    weights = [max(float(x), 0.0) for x in relative[:count]]
    weights += [1.0] * (count - len(weights))
    if sum(weights) <= 0:
        weights = [1.0] * count
    scale = total / sum(weights)
    widths = [int(w * scale) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _cell_xml(cell: Cell, width: int, style: str) -> str:
    runs = run_xml(cell.text, bold=cell.bold, italic=cell.italic)
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
        f"{paragraph_xml(runs, style, align=_ALIGN.get(cell.align, 'left'))}</w:tc>"
    )


def table_markup(table: TableData, total_width: int) -> Markup:
    """The table as WordprocessingML, ``total_width`` twips wide."""
    count = max(1, len(table.header), len(table.widths), *(len(r) for r in table.rows))
    widths = column_widths(table.widths, count, total_width)
    blank = Cell("")
    parts = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{STYLE_IDS["table_grid"]}"/>'
        f'<w:tblW w:w="{total_width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    if table.header:
        cells = (*table.header, *(blank,) * (count - len(table.header)))
        parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        parts += [
            _cell_xml(c, w, STYLE_IDS["table_header"]) for c, w in zip(cells, widths, strict=True)
        ]
        parts.append("</w:tr>")
    # Word refuses a table without rows: an empty table keeps one row of empty cells.
    rows = table.rows if table.rows or table.header else ((),)
    for row in rows:
        cells = (*row, *(blank,) * (count - len(row)))
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        parts += [
            _cell_xml(c, w, STYLE_IDS["table_text"]) for c, w in zip(cells, widths, strict=True)
        ]
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return Markup("".join(parts))
