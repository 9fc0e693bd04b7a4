"""``kehoach.check.read_docx``: the style-resolved view and the defensive reading."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from check_docs import build_party_doc, to_bytes
from kehoach.check import DocxReadError, ParagraphView, TableView, read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)

STYLES = f"""<w:styles {W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"
 w:eastAsiaTheme="minorEastAsia" w:cstheme="minorBidi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr>
</w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:basedOn w:val="Normal"/>
 <w:pPr><w:jc w:val="both"/><w:ind w:firstLine="567"/></w:pPr>
 <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/>
 </w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived Body"/>
 <w:basedOn w:val="Base"/>
 <w:pPr><w:spacing w:line="360" w:lineRule="exact"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Emph"><w:name w:val="Emph"/><w:rPr><w:i/><w:sz w:val="30"/>
 </w:rPr></w:style>
<w:style w:type="table" w:styleId="Grid"><w:name w:val="Grid"/><w:tblPr><w:tblBorders>
 <w:top w:val="single"/><w:insideH w:val="single"/></w:tblBorders></w:tblPr>
 <w:rPr><w:sz w:val="24"/></w:rPr></w:style>
</w:styles>"""

THEME = f"""<a:theme {A} name="T"><a:themeElements><a:fontScheme name="F">
<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface="Arial"/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>"""

NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
  <w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
  <w:lvlText w:val="%1.%2."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>
 <w:lvlText w:val="-"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def make_docx(body: str, *, styles: bool = True, extra: dict[str, str] | None = None,
              rels: str = "", sect: str = "") -> bytes:  # fmt: skip
    """A minimal DOCX around ``body`` (the inside of ``w:body``)."""
    document = f"<w:document {W} {R}><w:body>{body}{sect}</w:body></w:document>"
    doc_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rS" Type="{REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rT" Type="{REL}/theme" Target="theme/theme1.xml"/>'
        f'<Relationship Id="rN" Type="{REL}/numbering" Target="numbering.xml"/>'
        f"{rels}</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", doc_rels)
        if styles:
            archive.writestr("word/styles.xml", STYLES)
            archive.writestr("word/theme/theme1.xml", THEME)
            archive.writestr("word/numbering.xml", NUMBERING)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def p(text: str, ppr: str = "", rpr: str = "") -> str:
    """A ``w:p`` with one run."""
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


# ------------------------------------------------------------------ style resolution


def test_theme_fonts_and_doc_defaults() -> None:
    """F-DOCX-2: with no style set, fonts come from docDefaults' theme slots and size from sz."""
    view = read_docx(make_docx(p("Chữ")))
    (paragraph,) = view.paragraphs
    run = paragraph.runs[0]
    assert (run.font_ascii, run.font_hansi, run.font_cs) == ("Calibri", "Calibri", "Arial")
    assert run.font_east_asia is None  # empty typeface in the theme
    assert run.size_pt == 11
    assert paragraph.style_id == "Normal"
    assert (paragraph.line, paragraph.line_rule, paragraph.space_after) == (259, "auto", 160)


def test_based_on_chain() -> None:
    """F-DOCX-2: a paragraph style inherits its basedOn ancestors' paragraph and run properties."""
    view = read_docx(make_docx(p("Nội dung", '<w:pStyle w:val="Derived"/>')))
    paragraph = view.paragraphs[0]
    run = paragraph.runs[0]
    assert paragraph.style_name == "Derived Body"
    assert (paragraph.alignment, paragraph.first_line, paragraph.line_pt) == ("both", 567, 18)
    assert (run.font_ascii, run.font_hansi, run.size_pt, run.bold) == (
        "Times New Roman", "Times New Roman", 14, True,
    )  # fmt: skip
    assert run.font_cs == "Arial"  # slot not overridden: still the theme's


def test_character_style_then_direct_formatting() -> None:
    """F-DOCX-2: character style over paragraph style, direct run formatting over both."""
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Derived"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="Emph"/></w:rPr><w:t>a</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Emph"/><w:b w:val="0"/><w:sz w:val="26"/></w:rPr>'
        "<w:t>b</w:t></w:r></w:p>"
    )
    first, second = read_docx(make_docx(body)).paragraphs[0].runs
    assert (first.italic, first.size_pt, first.bold) == (True, 15, True)
    assert (second.italic, second.size_pt, second.bold) == (True, 13, False)


def test_table_style_properties_and_borders() -> None:
    """Table-style run properties apply to cell paragraphs; borders are resolved."""
    body = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/><w:tblBorders><w:top w:val="nil"/>'
        '</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="5000"/>'
        f"</w:tblGrid><w:tr><w:tc>{p('A')}</w:tc><w:tc>{p('B')}{p('C')}</w:tc></w:tr></w:tbl>"
        f"{p('after')}"
    )
    view = read_docx(make_docx(body))
    table = view.blocks[0]
    assert isinstance(table, TableView)
    assert table.borders == {"top": "nil", "insideH": "single"}
    assert not table.borderless
    assert table.grid == (4000, 5000)
    c = view.paragraphs[2]
    assert (c.text, c.cell.table, c.cell.row, c.cell.cell, c.index) == ("C", 1, 1, 2, 3)
    assert c.runs[0].size_pt == 12
    assert view.paragraphs[3].cell is None and view.paragraphs[3].runs[0].size_pt == 11


def test_list_labels() -> None:
    """Automatic numbering is recomputed: I., I.1., II. and bullet '-' (labels not in text)."""
    num = '<w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{n}"/></w:numPr>'
    body = "".join(
        p(text, num.format(l=level, n=n))
        for text, level, n in (("A", 0, 1), ("B", 1, 1), ("C", 1, 1), ("D", 0, 1), ("e", 0, 2))
    )
    view = read_docx(make_docx(body))
    assert [x.list_label for x in view.paragraphs] == ["I.", "I.1.", "I.2.", "II.", "-"]
    assert view.paragraphs[4].full_text == "- e"
    assert view.paragraphs[4].first_line == -360  # hanging indent from the list level


def test_text_fields_deleted_and_hidden() -> None:
    """Tabs and breaks are kept, deleted text dropped, field codes collected, hidden runs marked."""
    body = (
        '<w:p><w:r><w:t xml:space="preserve">a</w:t><w:tab/><w:t>b</w:t><w:br/></w:r>'
        "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE  \\* MERGEFORMAT'
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t>'
        '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r></w:p>"
    )
    paragraph = read_docx(make_docx(body)).paragraphs[0]
    assert paragraph.text == "a\tb\n39"
    assert paragraph.fields == ("PAGE \\* MERGEFORMAT", "NUMPAGES")
    assert paragraph.runs[-1].hidden and paragraph.runs[-1].text == "secret"
    assert [r.in_field_result for r in paragraph.runs if r.text == "3"] == [True]


def test_sections_headers_and_inheritance() -> None:
    """Each section gets page setup; header references are inherited by later sections."""
    header = f"<w:hdr {W}>{p('trang')}</w:hdr>"
    rels = f'<Relationship Id="rH" Type="{REL}/header" Target="header1.xml"/>'
    first_sect = (
        '<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rH"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:bottom="1134" w:left="1701"'
        ' w:right="850" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>'
        "</w:pPr></w:p>"
    )
    final = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>'
    data = make_docx(
        p("a") + first_sect + p("b"), extra={"word/header1.xml": header}, rels=rels, sect=final
    )
    view = read_docx(data)
    one, two = view.sections
    assert (one.page_width, one.margin_left, one.header_distance, one.title_pg) == (
        11906, 1701, 567, True,
    )  # fmt: skip
    assert round(one.mm("margin_right"), 1) == 15.0
    assert one.headers["default"].part == "word/header1.xml"
    assert one.headers["default"].text == "trang"
    assert two.orientation == "landscape" and not two.title_pg
    assert two.headers["default"].part == "word/header1.xml"  # inherited
    assert [x.section for x in view.paragraphs] == [0, 0, 1]


def test_reads_paths_files_and_bytes(tmp_path: Path) -> None:
    """read_docx accepts a path (str or Path), a binary file object and bytes."""
    data = to_bytes(build_party_doc())
    path = tmp_path / "kh.docx"
    path.write_bytes(data)
    texts = {
        read_docx(source).text
        for source in (str(path), path, io.BytesIO(data), data)
    }  # fmt: skip
    assert len(texts) == 1
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts.pop()


def test_python_docx_document_view() -> None:
    """The reference document reads back with its header table and A4 section."""
    view = read_docx(to_bytes(build_party_doc()))
    assert isinstance(view.blocks[0], TableView)
    assert isinstance(view.blocks[1], ParagraphView)
    section = view.sections[0]
    assert (section.page_width, section.page_height) == (11906, 16838)
    assert section.title_pg and section.headers["first"].is_empty
    assert section.headers["default"].fields == ("PAGE",)


# ------------------------------------------------------------------ defensive reading


def _reason(source: object) -> str:
    with pytest.raises(DocxReadError) as info:
        read_docx(source)  # type: ignore[arg-type]
    assert info.value.message_vi and info.value.message_en
    return info.value.reason


def test_not_a_zip() -> None:
    """A text file is refused as not a DOCX."""
    assert _reason(b"Hello, this is not Word") == "not-a-zip"


def test_truncated_zip() -> None:
    """A truncated .docx is refused as damaged."""
    data = to_bytes(build_party_doc())
    assert _reason(data[: len(data) // 2]) == "damaged"


def test_ole_encrypted_office_file() -> None:
    """An OLE compound file (password-protected Office file or .doc) is refused."""
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504
    with pytest.raises(DocxReadError) as info:
        read_docx(ole)
    error = info.value
    assert error.reason == "encrypted"
    assert "mật khẩu" in error.message("vi") and "password" in error.message("en")


def test_encrypted_zip_member() -> None:
    """A zip whose members are encrypted is refused."""
    data = bytearray(make_docx(p("a")))
    # Set the "encrypted" flag bit in every central-directory entry.
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        flags = struct.unpack_from("<H", data, offset + 8)[0]
        struct.pack_into("<H", data, offset + 8, flags | 0x1)
        offset = data.find(b"PK\x01\x02", offset + 4)
    assert _reason(bytes(data)) == "encrypted"


def test_missing_document_part() -> None:
    """A zip without word/document.xml is refused."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
    assert _reason(buffer.getvalue()) == "missing-part"


@pytest.mark.parametrize(
    ("members", "vi", "en"),
    [
        ({"xl/workbook.xml": "<workbook/>"}, "Excel", "Excel"),
        ({"ppt/presentation.xml": "<p/>"}, "PowerPoint", "PowerPoint"),
        ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<c/>"},
         "OpenDocument", "OpenDocument"),
    ],
)  # fmt: skip
def test_other_office_zip_named(members: dict[str, str], vi: str, en: str) -> None:
    """An .xlsx/.pptx/.odt given to check is named as such, not "a Word file without body"."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, text in members.items():
            archive.writestr(name, text)
    with pytest.raises(DocxReadError) as info:
        read_docx(buffer.getvalue())
    assert vi in info.value.message("vi") and ".docx" in info.value.message("vi")
    assert en in info.value.message("en")


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "PDF"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + "WordDocument".encode("utf-16-le"), "Word 97-2003"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + "Workbook".encode("utf-16-le"), "Excel 97-2003"),
    ],
)
def test_other_formats_named(data: bytes, word: str) -> None:
    """PDF, RTF, .doc and .xls inputs get a message naming their format."""
    with pytest.raises(DocxReadError) as info:
        read_docx(data)
    assert word in info.value.message("vi") and word in info.value.message("en")


def test_too_many_paragraphs_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body over MAX_PARAGRAPHS paragraphs is refused before any view is built."""
    import kehoach.check.read.docx_view as docx_view

    monkeypatch.setattr(docx_view, "MAX_PARAGRAPHS", 5)
    assert len(read_docx(make_docx(p("a") * 5)).paragraphs) == 5
    assert _reason(make_docx(p("a") * 6)) == "too-large"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    """A missing path or a directory is a DocxReadError, not an OSError."""
    assert _reason(tmp_path / "nope.docx") == "not-found"
    assert _reason(tmp_path) == "not-found"


def _declare_size(data: bytes, name: bytes, size: int) -> bytes:
    """Patch the declared uncompressed size of member ``name`` (local and central headers)."""
    out = bytearray(data)
    for signature, field in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        offset = out.find(signature)
        while offset != -1:
            name_at = offset + (30 if signature == b"PK\x03\x04" else 46)
            if out[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", out, offset + field, size)
            offset = out.find(signature, offset + 4)
    return bytes(out)


def test_zip_bomb_refused_from_declared_size() -> None:
    """A member declaring 300 MB is refused from the directory, before any decompression."""
    data = _declare_size(make_docx(p("a")), b"word/document.xml", 300 * 1024 * 1024)
    assert _reason(data) == "zip-bomb"


def test_zip_bomb_refused_by_ratio() -> None:
    """A 20 MB member of zeros (ratio ~1000:1) is refused for its compression ratio."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    assert _reason(buffer.getvalue()) == "zip-bomb"


def test_member_lying_about_its_size() -> None:
    """A member that expands beyond its declared size is refused, not read further."""
    data = _declare_size(make_docx(p("a" * 5000)), b"word/document.xml", 100)
    assert _reason(data) in {"zip-bomb", "damaged"}


def test_external_entity_not_resolved(tmp_path: Path) -> None:
    """XXE: an external entity in document.xml is never read from disk."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>a&xxe;b</w:t></w:r></w:p></w:body>"
        "</w:document>"
    )
    data = make_docx("", styles=False)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = document.encode()
            target.writestr(item, content)
    try:
        view = read_docx(buffer.getvalue())
    except DocxReadError:
        return  # refusing the file is fine too
    assert "TOP-SECRET" not in view.text
    assert view.paragraphs[0].text == "ab"


def test_billion_laughs_not_expanded() -> None:
    """Internal entity expansion (billion laughs) does not blow up."""
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    document = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{lol}]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
    try:
        view = read_docx(buffer.getvalue())
    except DocxReadError:
        return
    assert len(view.text) < 1000


def test_views_built_from_cached_formatting_are_whole_dataclasses() -> None:
    """Paragraph and run views (built from per-document cached formatting) carry exactly
    their dataclass fields and equal the same view built through ``__init__``."""
    import dataclasses

    corpus = Path(__file__).parent / "data" / "real-docx" / "state-nghi-dinh-30-2020.docx"
    view = read_docx(corpus)
    paragraphs = list(view.paragraphs)
    assert len(paragraphs) > 300
    for paragraph in paragraphs:
        for item in (paragraph, *paragraph.runs):
            names = {f.name for f in dataclasses.fields(item)}
            assert set(vars(item)) == names
            assert type(item)(**{name: getattr(item, name) for name in names}) == item
