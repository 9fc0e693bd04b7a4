"""Section properties (``w:sectPr``) from the format profile: paper, margins, numbering.

Every section of a rendered document — the main text and each appendix — gets its
page setup from ``doc.profile``; the template supplies only the header/footer parts the
sections point to (:class:`HeaderRef`).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from kehoach.profiles import FormatProfile, mm_to_twips


@dataclass(frozen=True)
class HeaderRef:
    """A ``w:headerReference``/``w:footerReference`` of the template's section."""

    kind: str  # "header" | "footer"
    type: str  # "default" | "first" | "even"
    rid: str

    def xml(self) -> str:
        """The reference element (``w:`` and ``r:`` prefixes of document.xml)."""
        return f'<w:{self.kind}Reference w:type="{self.type}" r:id="{self.rid}"/>'


@dataclass(frozen=True)
class PageGeometry:
    """Page size and margins of one section, in twips."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    landscape: bool

    @property
    def text_width(self) -> int:
        """Width between the left and right margins."""
        return self.width - self.left - self.right


def page_geometry(profile: FormatProfile, *, landscape: bool = False) -> PageGeometry:
    """A4 portrait with the profile's margins (F-PAPER-1, F-MARGIN-1, section 11).

    Landscape pages (F-PAPER-2, F-APX-4) are the portrait sheet turned a quarter turn
    clockwise, so the bound edge (the 30 mm left margin) is at the top: the landscape
    text area is derived from the portrait one.
    """
    m = profile.margins
    width, height = mm_to_twips(profile.page_width_mm), mm_to_twips(profile.page_height_mm)
    top, bottom = mm_to_twips(m.top), mm_to_twips(m.bottom)
    left, right = mm_to_twips(m.left), mm_to_twips(m.right)
    if landscape:
        return PageGeometry(height, width, left, right, bottom, top, True)
    return PageGeometry(width, height, top, bottom, left, right, False)


def section_xml(
    profile: FormatProfile,
    refs: tuple[HeaderRef, ...],
    *,
    landscape: bool = False,
    restart_numbering: bool = False,
) -> str:
    """One ``w:sectPr``: refs, page size, margins, header distance, ``w:titlePg``.

    F-PAGENUM-5: the header sits ``header_distance_mm`` (10 mm = 567 twips) from the top
    edge; ``w:titlePg`` gives the first page its own (empty) header, so page one carries
    no number (F-PAGENUM-2). ``restart_numbering`` starts the section at page 1, as each
    appendix must (F-PAGENUM-4, F-APX-4).
    """
    g = page_geometry(profile, landscape=landscape)
    distance = mm_to_twips(profile.header_distance_mm)
    orient = ' w:orient="landscape"' if g.landscape else ""
    numbering = '<w:pgNumType w:start="1"/>' if restart_numbering else ""
    return (
        "<w:sectPr>"
        + "".join(ref.xml() for ref in refs)
        + f'<w:pgSz w:w="{g.width}" w:h="{g.height}"{orient}/>'
        + f'<w:pgMar w:top="{g.top}" w:right="{g.right}" w:bottom="{g.bottom}"'
        f' w:left="{g.left}" w:header="{distance}" w:footer="{distance}" w:gutter="0"/>'
        + numbering
        + "<w:titlePg/></w:sectPr>"
    )


def section_break_xml(sect_pr: str) -> str:
    """An empty paragraph that ends a section with ``sect_pr``.

    Its mark is hidden and hairline-high: when the signature table fills the last page
    of the body, a visible empty paragraph would spill onto a blank page of its own
    before the appendix (seen in LibreOffice).
    """
    return (
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
        '<w:rPr><w:vanish/><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
        f"{sect_pr}</w:pPr></w:p>"
    )


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def end_body_with_paragraph(document: etree._Element) -> bool:
    """Put a hairline paragraph between a final table and the body's ``w:sectPr``.

    Word needs the body to end with a paragraph (its mark carries the last section):
    a document whose last block is a table — a plan without appendices ends with the
    signature table — gets an empty Normal paragraph from Word, which can spill onto a
    blank page of its own. The paragraph added here is the hidden, hairline-high one of
    :func:`section_break_xml` without a section. Returns whether the tree was changed.
    """
    body = document.find(_W + "body")
    last = body[-1] if body is not None and len(body) else None
    if last is None or last.tag != _W + "sectPr":
        return False
    previous = last.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()  # comments, processing instructions
    if previous is None or previous.tag != _W + "tbl":
        return False
    paragraph = etree.SubElement(body, _W + "p")  # with the body's w: prefix
    properties = etree.SubElement(paragraph, _W + "pPr")
    spacing = {"before": "0", "after": "0", "line": "20", "lineRule": "exact"}
    etree.SubElement(properties, _W + "spacing", {_W + k: v for k, v in spacing.items()})
    mark = etree.SubElement(properties, _W + "rPr")
    etree.SubElement(mark, _W + "vanish")
    etree.SubElement(mark, _W + "sz", {_W + "val": "2"})
    etree.SubElement(mark, _W + "szCs", {_W + "val": "2"})
    last.addprevious(paragraph)
    return True
