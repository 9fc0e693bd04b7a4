"""``kehoach check --layout`` on what kehoach itself writes, and on edited copies of it.

Every example plan (and what examples/render_from_python.py writes), every report of
the progress examples, every starting plan (``kehoach new``, the plugin example's type
too) and every next-year draft passes with zero errors, with and without
the layout. Copies of a rendered plan edited with python-docx, laid out by LibreOffice,
show what ``--layout`` finds: no page numbers, page 1 numbered, an appendix continuing
the body's numbering, a total alone at the top of a page (F-PAGENUM-1/2/4, F-APX-5), a
short line under the title (F-TITLE-3) and no room to sign (F-SIGN-7). All documents
are laid out in one LibreOffice start.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Mm

import kehoach
from helpers.sample_docs import sapa_like
from kehoach import Organization, get_plugin_manager, plan_types, starting_plan
from kehoach.check import CheckResult, check_docx
from kehoach.check.read.layout import LaidOutPage, lay_out
from kehoach.profiles import PARTY_2018
from kehoach.render import Renderer
from plugin_fakes import example_plugin

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PLANS = ["sapa-2022-tuyen-giao", "dan-van-xa-2027", "khoa-giao-2027-theo-dot",
         "chuong-trinh-2026-2030"]  # fmt: skip
REPORTS = [
    ("sapa-2022-tuyen-giao", "sapa-2022-progress-6m"),
    ("sapa-2022-tuyen-giao", "sapa-2022-progress-year"),
    ("sapa-2022-tuyen-giao", "bao-cao-tong-ket-2022"),
    ("dan-van-xa-2027", "dan-van-xa-2027-progress"),
    ("khoa-giao-2027-theo-dot", "khoa-giao-2027-theo-dot-progress"),
    ("chuong-trinh-2026-2030", "chuong-trinh-2026-2030-progress"),
]
TYPES = ["tuyen-giao", "dan-van", "khoa-giao"]
OWN = [
    *(f"plan:{name}" for name in PLANS),
    *(f"next-year:{name}" for name in PLANS),
    *(f"report:{progress}" for _, progress in REPORTS),
    *(f"new:{type_id}" for type_id in TYPES),
    "python:sapa-2022.docx",  # examples/render_from_python.py
    "python:dan-van-2027.docx",
    "new:xay-dung-dang",  # the plugin example's plan type, with its letterhead
]


def _own_outputs() -> dict[str, bytes]:
    outputs: dict[str, bytes] = {}
    for name in PLANS:
        outputs[f"plan:{name}"] = kehoach.render_plan_bytes(EXAMPLES / f"{name}.yaml")
        draft = kehoach.next_year_plan(EXAMPLES / f"{name}.yaml").plan
        outputs[f"next-year:{name}"] = kehoach.render_plan_bytes(draft)
    for plan, progress in REPORTS:
        buffer = io.BytesIO()
        kehoach.render_report(EXAMPLES / f"{plan}.yaml", EXAMPLES / f"{progress}.yaml", buffer)
        outputs[f"report:{progress}"] = buffer.getvalue()
    registry = plan_types(get_plugin_manager())
    org = Organization("Đảng ủy xã Tả Van", 2026, "Đảng bộ tỉnh Lào Cai")
    for type_id in TYPES:
        plan = starting_plan(registry.get(type_id), org)
        outputs[f"new:{type_id}"] = kehoach.render_plan_bytes(plan)
    outputs.update(_from_python_example())
    outputs["new:xay-dung-dang"] = _plugin_example_starter(org)
    return outputs


def _from_python_example() -> dict[str, bytes]:
    """What ``examples/render_from_python.py`` writes, by file name."""
    spec = importlib.util.spec_from_file_location(
        "render_from_python", EXAMPLES / "render_from_python.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stdout(io.StringIO()):
        module.main(Path(folder))
        return {f"python:{path.name}": path.read_bytes() for path in Path(folder).glob("*.docx")}


def _plugin_example_starter(org: Organization) -> bytes:
    """``kehoach new`` of the plugin example's plan type, rendered with its letterhead."""
    with pytest.MonkeyPatch.context() as patch, tempfile.TemporaryDirectory() as folder:
        patch.delenv("KEHOACH_DISABLE_PLUGINS", raising=False)
        manager = get_plugin_manager()
        manager.register(example_plugin(patch, Path(folder)), name="xay_dung_dang")
        plan = starting_plan(plan_types(manager).get("xay-dung-dang"), org)
        return kehoach.render_plan_bytes(plan, plugin_manager=manager)


# --- edited copies of a rendered plan with appendices (helpers.sample_docs.sapa_like) ---


def _edit(data: bytes, change: Callable[[DocumentObject], None]) -> bytes:
    document = Document(io.BytesIO(data))
    change(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _no_page_numbers(document: DocumentObject) -> None:
    for section in document.sections:
        for paragraph in section.header.paragraphs:
            for child in list(paragraph._p):
                if child.tag != qn("w:pPr"):
                    paragraph._p.remove(child)


def _page_one_numbered(document: DocumentObject) -> None:
    document.sections[0].different_first_page_header_footer = False


def _budget_table(document: DocumentObject):  # type: ignore[no-untyped-def]
    return next(t for t in document.tables if any("Tổng cộng" in c.text for c in t._cells))


def _appendix_continuing(document: DocumentObject) -> None:
    """The budget appendix made three pages long, its numbering no longer restarted."""
    table = _budget_table(document)
    rows = table._tbl.findall(qn("w:tr"))
    for _ in range(60):
        rows[-1].addprevious(copy.deepcopy(rows[1]))
    for section in document.sections[1:]:
        for element in section._sectPr.findall(qn("w:pgNumType")):
            section._sectPr.remove(element)


def _orphaned_total(document: DocumentObject) -> None:
    """The budget table's total row moved to the top of the next page, as a table of its
    own after a page break (what a writer gets by splitting the table there)."""
    table = _budget_table(document)
    total = table._tbl.findall(qn("w:tr"))[-1]
    alone = copy.deepcopy(table._tbl)
    for row in alone.findall(qn("w:tr")):
        alone.remove(row)
    alone.append(total)
    breaker = copy.deepcopy(document.paragraphs[0]._p)
    for child in list(breaker):
        breaker.remove(child)
    run = breaker.makeelement(qn("w:r"), {})
    run.append(run.makeelement(qn("w:br"), {qn("w:type"): "page"}))
    breaker.append(run)
    table._tbl.addnext(breaker)
    breaker.addnext(alone)


def _orphaned_total_under_header(document: DocumentObject) -> None:
    """As :func:`_orphaned_total`, the new page showing the table's repeated header row
    first (``w:tblHeader``), as Word and LibreOffice draw a table broken before its total."""
    header = copy.deepcopy(_budget_table(document)._tbl.findall(qn("w:tr"))[0])
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    _orphaned_total(document)
    alone = _budget_table(document)  # now the one-row table of the total
    alone._tbl.findall(qn("w:tr"))[0].addprevious(header)


def _short_title_line(document: DocumentObject) -> None:
    """The Party title's bottom border drawn across the whole right column."""
    style = next(s for s in document.styles if s.style_id == "KHPartyTitle")
    style.paragraph_format.left_indent = Mm(0)
    style.paragraph_format.right_indent = Mm(0)


def _no_room_to_sign(document: DocumentObject) -> None:
    """The empty lines between the signer's title and name deleted."""
    for cell in (c for t in document.tables for c in t._cells):
        if any(p.text.startswith("T/M") for p in cell.paragraphs):
            for paragraph in cell.paragraphs:
                if not paragraph.text.strip():
                    paragraph._p.getparent().remove(paragraph._p)


EDITS: dict[str, Callable[[DocumentObject], None] | None] = {
    "as rendered": None,
    "no page numbers": _no_page_numbers,
    "page 1 numbered": _page_one_numbered,
    "appendix continuing": _appendix_continuing,
    "orphaned total": _orphaned_total,
    "orphaned total under its header": _orphaned_total_under_header,
    "line wider than the title": _short_title_line,
    "no room to sign": _no_room_to_sign,
}


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    """kehoach's own outputs and the edited copies, by name."""
    rendered = Renderer().render_bytes(sapa_like(PARTY_2018))
    edited = {
        f"edit:{name}": rendered if change is None else _edit(rendered, change)
        for name, change in EDITS.items()
    }
    return {**_own_outputs(), **edited}


@pytest.fixture(scope="module")
def laid_out(soffice: str, documents: dict[str, bytes]) -> dict[str, list[LaidOutPage]]:
    """Every document laid out by LibreOffice (one start for all)."""
    pages = {}
    for name, result in zip(documents, lay_out(list(documents.values())), strict=True):
        assert not isinstance(result, Exception), (name, result)
        pages[name] = result
    return pages


def _checked(documents, laid_out, name: str) -> CheckResult:  # type: ignore[no-untyped-def]
    return check_docx(documents[name], pages=laid_out[name])


def _found(result: CheckResult) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.severity, f.location.quote) for f in result.findings]


@pytest.mark.parametrize("name", OWN)
def test_own_output_has_no_error_without_layout(documents: dict[str, bytes], name: str) -> None:
    """Each document kehoach writes has no format error (no layout)."""
    result = check_docx(documents[name])
    assert result.checked and result.errors == (), _found(result)


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", OWN)
def test_own_output_has_no_error_with_layout(documents, laid_out, name: str) -> None:
    """Each document kehoach writes has no error laid out, and the page rules are
    evaluated (F-TITLE-3, F-SIGN-7; F-PAGENUM-4 too)."""
    result = _checked(documents, laid_out, name)
    assert result.errors == (), _found(result)
    skipped = {n.rule for n in result.not_evaluated}
    assert not skipped & {"F-TITLE-3", "F-SIGN-7", "F-PAGENUM-4"}, result.not_evaluated
    pages = laid_out[name]
    assert all(page.boxes for page in pages) and pages[0].rules


@pytest.mark.libreoffice
def test_rendered_plan_with_appendices_passes(documents, laid_out) -> None:
    """The rendered plan with two appendices (one landscape) has no finding laid out."""
    result = _checked(documents, laid_out, "edit:as rendered")
    assert _found(result) == []
    assert len(laid_out["edit:as rendered"]) > 2


@pytest.mark.libreoffice
def test_multi_page_plan_without_page_numbers(documents, laid_out) -> None:
    """Without its page numbers, the laid-out plan is an F-PAGENUM-1 error."""
    result = _checked(documents, laid_out, "edit:no page numbers")
    errors = [f for f in result.errors if f.rule == "F-PAGENUM-1"]
    assert len(errors) == 1 and "dài hơn một trang" in errors[0].actual.vi


@pytest.mark.libreoffice
def test_page_one_numbered(documents, laid_out) -> None:
    """Page 1 showing its number is F-PAGENUM-2 on the laid-out page (and in the file)."""
    result = _checked(documents, laid_out, "edit:page 1 numbered")
    assert ("F-PAGENUM-2", "error", "trang 1") in _found(result)
    assert {f.rule for f in result.errors} == {"F-PAGENUM-2"}


@pytest.mark.libreoffice
def test_appendix_continuing_the_body_numbering(documents, laid_out) -> None:
    """A three-page appendix numbered on from the body is F-PAGENUM-4 at its page 2."""
    pages = laid_out["edit:appendix continuing"]
    start = next(i for i, p in enumerate(pages) if p.lines[0].startswith("PHỤ LỤC 1"))
    result = _checked(documents, laid_out, "edit:appendix continuing")
    assert _found(result) == [("F-PAGENUM-4", "error", f"trang {start + 2}")]


@pytest.mark.libreoffice
def test_orphaned_table_total(documents, laid_out) -> None:
    """The “Tổng cộng” row alone at the top of a page is an F-APX-5 warning."""
    pages = laid_out["edit:orphaned total"]
    page = next(i for i, p in enumerate(pages, 1) if p.lines[1].startswith("Tổng cộng"))
    result = _checked(documents, laid_out, "edit:orphaned total")
    assert _found(result) == [("F-APX-5", "warning", f"trang {page}")]


@pytest.mark.libreoffice
def test_orphaned_total_under_a_repeated_header(documents, laid_out) -> None:
    """A total alone on a page under the table's repeated header row is still F-APX-5."""
    pages = laid_out["edit:orphaned total under its header"]
    page = next(
        i for i, p in enumerate(pages, 1) if any(x.startswith("Tổng cộng") for x in p.lines[:8])
    )
    assert not pages[page - 1].lines[1].startswith("Tổng cộng")  # the header row comes first
    result = _checked(documents, laid_out, "edit:orphaned total under its header")
    assert _found(result) == [("F-APX-5", "warning", f"trang {page}")]


@pytest.mark.libreoffice
def test_line_under_the_title_longer_than_the_title(documents, laid_out) -> None:
    """A title border across the whole column (≈ 130 % of the title) is F-TITLE-3."""
    result = _checked(documents, laid_out, "edit:line wider than the title")
    assert _found(result) == [("F-TITLE-3", "error", "ĐẢNG CỘNG SẢN VIỆT NAM")]
    assert "% of the title" in result.findings[0].actual.en


@pytest.mark.libreoffice
def test_no_room_for_the_signature(documents, laid_out) -> None:
    """No empty lines between title and name: F-SIGN-7 (unconfirmed, a warning)."""
    result = _checked(documents, laid_out, "edit:no room to sign")
    assert _found(result) == [("F-SIGN-7", "warning", "Nguyễn Văn An")]
