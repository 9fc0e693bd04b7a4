"""Build ``templates/party.docx``, the default letterhead and layout of kehoach.

Run ``python scripts/build_template.py`` (with ``src`` on the path or kehoach installed)
to regenerate the template after changing this script or the Party profile; run it with
``--check`` to verify the committed file is up to date (the tests do the same). The
build is deterministic: fixed zip dates and order, no timestamps, no rsids.

The template is a docxtpl-style template (see ``templates/README.md``): the header
block and the Nơi nhận/signature block are borderless tables (F-HDR-2, F-SIGN-1,
F-DOCX-1), every paragraph has a named ``KH …`` style whose values come from the
profile (:func:`kehoach.render.styles.apply_profile`), the body and appendices are
loops over blocks, and the page setup is A4 with the 20/20/30/15 mm margins.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker

from kehoach.profiles import PARTY_2026, FormatProfile
from kehoach.render.package import zip_entries
from kehoach.render.sections import HeaderRef, section_xml
from kehoach.render.styles import STYLE_IDS, STYLES, apply_profile, split_width, text_width
from kehoach.render.wml import R_NS, W_NS

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "templates" / "party.docx"
PROFILE: FormatProfile = PARTY_2026  # the template shows the current guidance's values

W = ElementMaker(namespace=W_NS, nsmap={"w": W_NS, "r": R_NS})
_W = f"{{{W_NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PKG = "http://schemas.openxmlformats.org/package/2006/"
HEADER_REFS = (HeaderRef("header", "default", "rId4"), HeaderRef("header", "first", "rId5"))


def wattr(**values: object) -> dict[str, str]:
    """``w:``-qualified attributes."""
    return {_W + key: str(value) for key, value in values.items()}


def xml_bytes(root: etree._Element) -> bytes:
    """A part's bytes with the usual declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --------------------------------------------------------------------------- document


def para(style: str | None, text: str = "") -> etree._Element:
    """A paragraph with a style id and one plain run (none for empty text)."""
    children = []
    if style:
        children.append(W.pPr(W.pStyle(wattr(val=style))))
    if text:
        t = W.t(text)
        t.set(_XML_SPACE, "preserve")
        children.append(W.r(t))
    return W.p(*children)


def tag(text: str) -> etree._Element:
    """A paragraph holding only a ``{%p … %}``/``{{p … }}`` tag (removed when rendering)."""
    return para(None, text)


def styled(key: str, text: str) -> etree._Element:
    """A paragraph in the KH style for ``key`` (``"body"`` → ``KHBody``)."""
    return para(STYLE_IDS[key], text)


def layout_table(style_key: str, widths: tuple[int, int], rows: list[list[list[etree._Element]]]):
    """A borderless two-column table without cell margins (F-HDR-2/3, F-SIGN-1, F-DOCX-1)."""
    nil = {"val": "nil"}
    zero = {"w": 0, "type": "dxa"}
    table = W.tbl(
        W.tblPr(
            W.tblStyle(wattr(val=STYLE_IDS[style_key])),
            W.tblW(wattr(w=sum(widths), type="dxa")),
            W.tblBorders(*(getattr(W, side)(wattr(**nil)) for side in _SIDES)),
            W.tblLayout(wattr(type="fixed")),
            W.tblCellMar(*(getattr(W, side)(wattr(**zero)) for side in _MARGINS)),
            W.tblLook(
                wattr(
                    val="0000",
                    firstRow=0,
                    lastRow=0,
                    firstColumn=0,
                    lastColumn=0,
                    noHBand=1,
                    noVBand=1,
                )
            ),
        ),
        W.tblGrid(*(W.gridCol(wattr(w=w)) for w in widths)),
    )
    for cells in rows:
        row = W.tr(W.trPr(W.cantSplit()))
        for width, content in zip(widths, cells, strict=True):
            row.append(W.tc(W.tcPr(W.tcW(wattr(w=width, type="dxa"))), *content))
        table.append(row)
    return table


_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
_MARGINS = ("top", "left", "bottom", "right")
_ROLES = ("heading1", "heading2", "heading3", "heading4", "bullet1", "bullet2", "basis", "center")


def blocks_macro() -> list[etree._Element]:
    """``blocks(items)``: one sample paragraph per role, a table with caption and unit."""
    out = [tag("{%p macro blocks(items) %}"), tag("{%p for b in items %}")]
    out += [
        tag("{%p if b.kind == 'table' %}"),
        tag("{%p if b.caption %}"),
        styled("table_caption", "{{ b.caption }}"),
        tag("{%p endif %}"),
        tag("{%p if b.unit %}"),
        styled("appendix_unit", "{{ b.unit }}"),
        tag("{%p endif %}"),
        tag("{{p b.table }}"),
        styled("table_text", ""),  # keeps two tables in a row apart (Word would merge them)
    ]
    for role in _ROLES:
        out += [tag(f"{{%p elif b.role == '{role}' %}}"), styled(role, "{{r b.runs }}")]
    out += [tag("{%p else %}"), styled("body", "{{r b.runs }}"), tag("{%p endif %}")]
    out += [tag("{%p endfor %}"), tag("{%p endmacro %}")]
    return out


def header_block(profile: FormatProfile) -> etree._Element:
    """The 2 × 2 header table (F-HDR-1..4): body / title, number / date."""
    left = [
        tag("{%p if superior_body %}"),
        styled("superior_body", "{{ superior_body }}"),  # F-ORG-2: not bold
        tag("{%p endif %}"),
        styled("issuing_body", "{{ issuing_body }}"),  # F-ORG-2: bold
        styled("star", "{{ star }}"),  # F-STAR-1
    ]
    right = [styled("party_title", "{{ party_title }}")]  # F-TITLE-1..3
    number = [
        styled("number", "{{ number_line }}"),  # F-NUM-1/4
        tag("{%p if draft_label %}"),
        styled("draft", "{{ draft_label }}"),  # F-DRAFT-1
        tag("{%p endif %}"),
    ]
    date = [styled("date", "{{ date_line }}")]  # F-DATE-1..3
    widths = split_width(text_width(profile), profile.header_left_fraction)
    return layout_table("header_table", widths, [[left, right], [number, date]])


def signature_block(profile: FormatProfile) -> etree._Element:
    """Nơi nhận | signature, a borderless 1 × 2 table (F-SIGN-1, F-RECIP-1..3)."""
    recipients = [
        styled("recipients_label", "{{ recipients_label }}"),
        tag("{%p for item in recipients %}"),
        styled("recipients_item", "{{ item }}"),
        tag("{%p endfor %}"),
    ]
    signature = [
        tag("{%p if signature_authority %}"),
        styled("signature_authority", "{{ signature_authority }}"),  # F-SIGN-3
        tag("{%p endif %}"),
        tag("{%p if signature_position %}"),
        styled("signature_position", "{{ signature_position }}"),  # F-SIGN-3/4
        tag("{%p endif %}"),
        tag("{%p for _ in range(signature_blank_lines) %}"),  # F-SIGN-7
        styled("signer", ""),
        tag("{%p endfor %}"),
        styled("signer", "{{ signer }}"),  # F-SIGN-6
    ]
    widths = split_width(text_width(profile), profile.recipients_left_fraction)
    return layout_table("signature_table", widths, [[recipients, signature]])


def document_xml(profile: FormatProfile) -> bytes:
    """``word/document.xml``."""
    body = W.body(
        tag(
            "{#p kehoach — mẫu văn bản của Đảng. Sửa các kiểu (style) “KH …” để đổi cách trình"
            " bày; các giá trị cỡ chữ, giãn dòng, lề… lấy từ hồ sơ thể thức khi xuất văn bản."
            " Xem templates/README.md. #}"
        ),
        *blocks_macro(),
        header_block(profile),
        styled("type_name", "{{ type_name }}"),  # F-TYPE-2
        styled("subject", "{{r subject }}"),  # F-SUBJ-1
        styled("separator", "{{ separator }}"),  # F-SUBJ-3
        tag("{{p blocks(body) }}"),
        signature_block(profile),
        tag("{%p for apx in appendices %}"),
        tag("{{p apx.section_break }}"),  # F-APX-1: own section, numbering from 1
        styled("appendix_label", "{{ apx.label }}"),  # F-APX-2
        styled("appendix_title", "{{ apx.title }}"),
        styled("appendix_reference", "{{ apx.reference }}"),
        styled("separator", "{{ separator }}"),
        tag("{{p blocks(apx.blocks) }}"),
        tag("{%p endfor %}"),
    )
    sect_pr = etree.fromstring(
        f'<w:root xmlns:w="{W_NS}" xmlns:r="{R_NS}">{section_xml(profile, HEADER_REFS)}</w:root>'
    )[0]
    body.append(sect_pr)
    return xml_bytes(W.document(body))


def header_xml(with_page_number: bool) -> bytes:
    """A header: the centred PAGE field (F-PAGENUM-1/3/5) or, for page one, nothing."""
    paragraph = W.p(W.pPr(W.pStyle(wattr(val=STYLE_IDS["page_number"]))))
    if with_page_number:
        instr = W.instrText(" PAGE ")
        instr.set(_XML_SPACE, "preserve")
        paragraph.extend(
            [
                W.r(W.fldChar(wattr(fldCharType="begin"))),
                W.r(instr),
                W.r(W.fldChar(wattr(fldCharType="separate"))),
                W.r(W.t("2")),
                W.r(W.fldChar(wattr(fldCharType="end"))),
            ]
        )
    return xml_bytes(W.hdr(paragraph))


# --------------------------------------------------------------------------- styles


def styles_xml(profile: FormatProfile) -> bytes:
    """``word/styles.xml``: defaults, Normal, the KH styles filled from ``profile``."""
    root = W.styles(
        W.docDefaults(
            W.rPrDefault(W.rPr(W.lang(wattr(val="vi-VN", eastAsia="vi-VN", bidi="ar-SA")))),
            W.pPrDefault(W.pPr(W.spacing(wattr(after=0, line=240, lineRule="auto")))),
        ),
        W.style(
            wattr(type="paragraph", default=1, styleId="Normal"),
            W.name(wattr(val="Normal")),
            W.qFormat(),
        ),
        W.style(
            wattr(type="character", default=1, styleId="DefaultParagraphFont"),
            W.name(wattr(val="Default Paragraph Font")),
            W.uiPriority(wattr(val=1)),
            W.semiHidden(),
            W.unhideWhenUsed(),
        ),
        W.style(
            wattr(type="table", default=1, styleId="TableNormal"),
            W.name(wattr(val="Normal Table")),
            W.uiPriority(wattr(val=99)),
            W.semiHidden(),
            W.unhideWhenUsed(),
            W.tblPr(
                W.tblInd(wattr(w=0, type="dxa")),
                W.tblCellMar(
                    W.top(wattr(w=0, type="dxa")),
                    W.left(wattr(w=108, type="dxa")),
                    W.bottom(wattr(w=0, type="dxa")),
                    W.right(wattr(w=108, type="dxa")),
                ),
            ),
        ),
    )
    for style in STYLES:
        element = W.style(wattr(type=style.kind, customStyle=1, styleId=style.id))
        element.append(W.name(wattr(val=style.name)))
        if style.kind == "table":
            element.append(W.basedOn(wattr(val="TableNormal")))
            element.append(W.uiPriority(wattr(val=99)))
            element.append(_table_style_props(style.key))
        else:
            element.append(W.basedOn(wattr(val=style.based_on or "Normal")))
            if style.next:
                element.append(W.next(wattr(val=style.next)))
            element.append(W.uiPriority(wattr(val=1)))
            element.append(W.qFormat())
            if style.outline_level is not None:
                element.append(W.pPr(W.outlineLvl(wattr(val=style.outline_level))))
        root.append(element)
    apply_profile(root, profile)
    return xml_bytes(root)


def _table_style_props(key: str) -> etree._Element:
    if key == "table_grid":  # data tables: single black lines (F-APX-5)
        line = {"val": "single", "sz": 4, "space": 0, "color": "000000"}
        return W.tblPr(
            W.tblBorders(*(getattr(W, side)(wattr(**line)) for side in _SIDES)),
            W.tblCellMar(
                W.top(wattr(w=0, type="dxa")),
                W.left(wattr(w=85, type="dxa")),
                W.bottom(wattr(w=0, type="dxa")),
                W.right(wattr(w=85, type="dxa")),
            ),
        )
    # header and signature tables: no borders, no cell margins (F-HDR-3, F-DOCX-1)
    return W.tblPr(
        W.tblBorders(*(getattr(W, side)(wattr(val="nil")) for side in _SIDES)),
        W.tblCellMar(*(getattr(W, side)(wattr(w=0, type="dxa")) for side in _MARGINS)),
    )


# --------------------------------------------------------------------------- package

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>\
<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting \
w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>\
</w:compat><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>"""

FONT_TABLE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W_NS}"><w:font w:name="Times New Roman"><w:panose1 \
w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch \
w:val="variable"/></w:font></w:fonts>"""

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="{_PKG}content-types"><Default Extension="rels" \
ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default \
Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" \
ContentType="{_CT}document.main+xml"/><Override PartName="/word/styles.xml" \
ContentType="{_CT}styles+xml"/><Override PartName="/word/settings.xml" \
ContentType="{_CT}settings+xml"/><Override PartName="/word/fontTable.xml" \
ContentType="{_CT}fontTable+xml"/><Override PartName="/word/header1.xml" \
ContentType="{_CT}header+xml"/><Override PartName="/word/header2.xml" \
ContentType="{_CT}header+xml"/><Override PartName="/docProps/core.xml" \
ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override \
PartName="/docProps/app.xml" \
ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG}relationships"><Relationship Id="rId1" \
Type="{_REL}officeDocument" Target="word/document.xml"/><Relationship Id="rId2" \
Type="{_PKG}relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="{_REL}extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG}relationships"><Relationship Id="rId1" Type="{_REL}styles" \
Target="styles.xml"/><Relationship Id="rId2" Type="{_REL}settings" Target="settings.xml"/>\
<Relationship Id="rId3" Type="{_REL}fontTable" Target="fontTable.xml"/><Relationship \
Id="rId4" Type="{_REL}header" Target="header1.xml"/><Relationship Id="rId5" \
Type="{_REL}header" Target="header2.xml"/></Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/\
core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" \
xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Mẫu văn bản của Đảng \
(kehoach)</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>kehoach</Application></Properties>"""


def build(profile: FormatProfile = PROFILE) -> bytes:
    """The template's bytes (deterministic)."""
    return zip_entries(
        [
            ("[Content_Types].xml", CONTENT_TYPES.encode()),
            ("_rels/.rels", PACKAGE_RELS.encode()),
            ("docProps/core.xml", CORE.encode()),
            ("docProps/app.xml", APP.encode()),
            ("word/document.xml", document_xml(profile)),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS.encode()),
            ("word/styles.xml", styles_xml(profile)),
            ("word/settings.xml", SETTINGS.encode()),
            ("word/fontTable.xml", FONT_TABLE.encode()),
            ("word/header1.xml", header_xml(with_page_number=True)),
            ("word/header2.xml", header_xml(with_page_number=False)),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Write the template, or with ``--check`` report whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write")
    parser.add_argument("--check", action="store_true", help="only compare with --output")
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        if current != data:
            print(f"{args.output} is out of date; run scripts/build_template.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    import docx  # the result must open with python-docx

    docx.Document(io.BytesIO(data))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
