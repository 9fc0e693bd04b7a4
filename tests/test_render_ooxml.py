"""The DOCX files kehoach writes are valid for Microsoft Word, not only for LibreOffice.

Word checks WordprocessingML against the ECMA-376 / ISO/IEC 29500 schema and refuses
or "repairs" a file whose elements are out of order, whose tables lack a grid or rows,
whose cells do not end with a paragraph, whose relationships or content types are
missing… :func:`helpers.ooxml.violations` checks all of that (see its docstring); here
it runs over the template and a representative set of rendered documents, so that a
change to the template generator or the renderer that Word would reject fails here.

With ``openxml-audit`` installed (a Python port of the Open XML SDK validator, not a
test dependency), the same documents are also validated against the SDK's schemas.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

import kehoach
from helpers.ooxml import violations
from helpers.sample_docs import budget_table, p, sapa_like
from kehoach.compose import AppendixPart, Cell, Run, TableData
from kehoach.profiles import PARTY_2026
from kehoach.render import Renderer
from kehoach.render.tables import table_markup

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TEMPLATE = ROOT / "templates" / "party.docx"


def _example_plan() -> dict:
    return yaml.safe_load((EXAMPLES / "sapa-2022-tuyen-giao.yaml").read_text("utf-8"))


def _double_sided() -> bytes:
    plan = _example_plan()
    plan["format"] = {"double_sided": True}
    return kehoach.render_plan_bytes(plan)


def _report() -> bytes:
    doc = kehoach.compose_report(_example_plan(), EXAMPLES / "sapa-2022-progress-year.yaml")
    return Renderer().render_bytes(doc)


def _edge_cases() -> bytes:
    """Everything optional left out, odd text and tables, an appendix without blocks."""
    empty = TableData(header=(), rows=(), widths=())
    ragged = TableData(header=(Cell("A"),), rows=((Cell("1"), Cell("2")), ()), widths=(1.0,))
    doc = replace(
        sapa_like(PARTY_2026, sections=1),
        superior_body=None,
        draft_label="Dự thảo lần 2",
        signature_authority=None,
        signature_position=None,
        recipients=(),
        body=(
            p("body", "  lề trái\tcó tab\nvà xuống dòng  "),
            empty,
            ragged,
            budget_table(),
            budget_table(),
            p("body", Run(" đậm nghiêng gạch chân ", bold=True, italic=True, underline=True)),
        ),
        appendices=(
            AppendixPart("PHỤ LỤC 1", "KHÔNG CÓ NỘI DUNG", "(Kèm theo …)", blocks=()),
            AppendixPart("PHỤ LỤC 2", "BẢNG", "(Kèm theo …)", (budget_table(),), landscape=True),
        ),
    )
    return Renderer().render_bytes(doc)


def _postprocessed() -> bytes:
    """A python-docx post-processor saves the document again."""
    return Renderer(postprocessors=[lambda document: None]).render_bytes(sapa_like())


DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "template": TEMPLATE.read_bytes,
    "sapa-2022": lambda: kehoach.render_plan_bytes(_example_plan()),
    "report": _report,
    "appendices-2018": lambda: Renderer().render_bytes(sapa_like()),
    "no-appendix-2026": lambda: Renderer().render_bytes(sapa_like(PARTY_2026, appendices=False)),
    "double-sided": _double_sided,
    "edge-cases": _edge_cases,
    "postprocessed": _postprocessed,
}


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    """Each representative document, rendered once for this module."""
    return {name: make() for name, make in DOCUMENTS.items()}


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_word_accepts_the_document(documents, name):
    """No schema-order, structure, attribute, relationship or content-type violation."""
    assert violations(documents[name]) == []


def test_word_accepts_the_example_plugins_letterhead(monkeypatch, tmp_path):
    """A plugin's letterhead derived from the default template stays Word-safe."""
    from plugin_fakes import example_plugin

    manager = kehoach.get_plugin_manager()
    manager.register(example_plugin(monkeypatch, tmp_path), name="xay_dung_dang")
    data = kehoach.render_plan_bytes(_example_plan(), plugin_manager=manager)
    assert b"XDDDocumentCode" in _part(data, "word/document.xml")
    assert violations(data) == []


def test_a_document_without_appendices_ends_with_a_paragraph(documents):
    """Word needs a paragraph before the last w:sectPr: a hidden hairline one follows the
    signature table (else Word adds a visible one that can spill onto a blank page)."""
    xml = _part(documents["sapa-2022"], "word/document.xml")
    tail = xml[xml.rindex(b"</w:tbl>") :]
    assert re.match(rb"</w:tbl><w:p><w:pPr><w:spacing [^>]*w:line=\"20\"", tail)
    assert b"<w:vanish/>" in tail.split(b"<w:sectPr>")[0]


def test_an_empty_table_keeps_one_row():
    """Word refuses a w:tbl without w:tr: a table with neither header nor rows gets one."""
    xml = str(table_markup(TableData(header=(), rows=(), widths=()), 9000))
    assert xml.count("<w:tr>") == 1 and xml.count("<w:tc>") == 1
    assert '<w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid>' in xml
    assert re.search(r"<w:tc>.*<w:p>.*</w:p></w:tc>", xml)


# --------------------------------------------------------------------------- the checker


def _part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def _changed(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """``data`` with one part changed (or removed when ``change`` returns b"")."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == name:
                new = change(content)
                assert new != content, f"the change to {name} did nothing"
                if not new:
                    continue
                content = new
            target.writestr(info.filename, content)
    return buffer.getvalue()


_DOC = "word/document.xml"
BROKEN: dict[str, tuple[str, Callable[[bytes], bytes], str]] = {
    "pPr order": (
        _DOC,
        lambda x: re.sub(
            rb'(<w:pStyle w:val="KHTable\w+"/>)(<w:jc w:val="\w+"/>)', rb"\2\1", x, count=1
        ),
        "w:pStyle comes after w:jc",
    ),
    "sectPr order": (
        _DOC,
        lambda x: x.replace(
            b'<w:pgNumType w:start="1"/><w:titlePg/>', b'<w:titlePg/><w:pgNumType w:start="1"/>', 1
        ),
        "w:pgNumType comes after w:titlePg",
    ),
    "rPr order": (
        _DOC,
        lambda x: x.replace(b"<w:b/><w:bCs/><w:i/>", b"<w:i/><w:b/><w:bCs/>", 1),
        "w:b comes after w:i",
    ),
    "unknown child": (
        "word/styles.xml",
        lambda x: x.replace(b"<w:qFormat/>", b'<w:qFormat/><w:sz w:val="28"/>', 1),
        "w:sz is not allowed in w:style",
    ),
    "repeated child": (
        _DOC,
        lambda x: x.replace(b"<w:titlePg/>", b"<w:titlePg/><w:titlePg/>", 1),
        "w:titlePg appears more than once",
    ),
    "settings order": (
        "word/settings.xml",
        lambda x: x.replace(b'<w:defaultTabStop w:val="720"/>', b"", 1).replace(
            b"</w:settings>", b'<w:defaultTabStop w:val="720"/></w:settings>'
        ),
        "w:defaultTabStop comes after w:listSeparator",
    ),
    "no tblGrid": (
        _DOC,
        lambda x: re.sub(rb"<w:tblGrid>.*?</w:tblGrid>", b"", x, count=1),
        "w:tbl without w:tblGrid",
    ),
    "grid too narrow": (
        _DOC,
        lambda x: re.sub(rb'<w:gridCol w:w="\d+"/>', b"", x, count=1),
        "w:tblGrid has 1",
    ),
    "cell without paragraph": (
        _DOC,
        lambda x: re.sub(rb"(<w:tc><w:tcPr>.*?</w:tcPr>).*?(</w:tc>)", rb"\1\2", x, count=1),
        "a w:tc must end with a w:p",
    ),
    "table without rows": (
        _DOC,
        lambda x: re.sub(rb"(</w:tblGrid>).*?(</w:tbl>)", rb"\1\2", x, count=1),
        "w:tbl without any w:tr",
    ),
    "body ends with a table": (
        _DOC,
        lambda x: re.sub(rb"(</w:tbl>)<w:p>(?:(?!<w:p>).)*?</w:p>(<w:sectPr>)", rb"\1\2", x),
        "w:body ends with w:tbl",
    ),
    "bad attribute value": (
        _DOC,
        lambda x: x.replace(b'w:lineRule="exact"', b'w:lineRule="exactly"', 1),
        "w:lineRule='exactly' is not a valid value",
    ),
    "edge spaces": (
        _DOC,
        lambda x: x.replace(b'<w:t xml:space="preserve">- </w:t>', b"<w:t>- </w:t>", 1),
        "edge spaces without xml:space=preserve",
    ),
    "unresolved r:id": (
        _DOC,
        lambda x: x.replace(b'r:id="rId5"', b'r:id="rId42"', 1),
        "r:id=rId42 has no relationship",
    ),
    "missing part": (
        "word/header2.xml",
        lambda x: b"",
        "points to a missing part /word/header2.xml",
    ),
    "missing content type": (
        "[Content_Types].xml",
        lambda x: re.sub(rb'<Override PartName="/word/header1.xml"[^>]*/>', b"", x),
        "/word/header1.xml has content type application/xml",
    ),
    "duplicate style id": (
        "word/styles.xml",
        lambda x: x.replace(b'w:styleId="KHStar"', b'w:styleId="KHDate"', 1),
        "style id KHDate is defined 2 times",
    ),
    "core dates": (
        "docProps/core.xml",
        lambda x: x.replace(
            b"</cp:coreProperties>",
            b"<dcterms:created>2022-01-15</dcterms:created></cp:coreProperties>",
        ),
        'created needs xsi:type="dcterms:W3CDTF"',
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_the_checker_finds_what_word_refuses(documents, case):
    """Each kind of breakage, made on a valid document, is reported."""
    part, change, message = BROKEN[case]
    source = documents["edge-cases" if case in ("rPr order",) else "appendices-2018"]
    found = violations(_changed(source, part, change))
    assert any(message in v for v in found), found


# --------------------------------------------------------------------------- Open XML SDK


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_open_xml_sdk_schemas_accept_the_document(documents, name, tmp_path):
    """The Open XML SDK's schema and semantic checks (openxml-audit) find nothing."""
    audit = pytest.importorskip("openxml_audit", reason="openxml-audit is not installed")
    validator = audit.OpenXmlValidator(
        file_format=audit.FileFormat.MICROSOFT_365, max_errors=0, strict=False
    )
    path = tmp_path / f"{name}.docx"
    path.write_bytes(documents[name])
    result = validator.validate(path)
    assert [f"{e.part_uri} {e.path}: {e.description}" for e in result.errors] == []
