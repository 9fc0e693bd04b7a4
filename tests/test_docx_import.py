"""Word import: kehoach's own documents back in, bad input refused, LibreOffice formats."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from import_text import document_words, lost_paragraphs, plan_tasks
from kehoach import load_plan, render_plan_bytes
from kehoach.check import read_docx
from kehoach.check.read.lines import norm
from kehoach.docx_import import DocxImportError, ReviewItem, import_docx, review_markdown
from kehoach.model.walk import iter_targets, iter_tasks, plan_headings

ROOT = Path(__file__).resolve().parents[1]
SAPA = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
REAL = Path(__file__).parent / "data" / "real-docx"


PLANS = [
    ROOT / "examples" / name
    for name in (
        "sapa-2022-tuyen-giao.yaml",
        "dan-van-xa-2027.yaml",
        "khoa-giao-2027-theo-dot.yaml",
        "chuong-trinh-2026-2030.yaml",
    )
]


@pytest.fixture(scope="module")
def sapa_docx() -> bytes:
    """The reference plan rendered by kehoach."""
    return render_plan_bytes(SAPA)


def _texts(docx: bytes) -> list[str]:
    return [norm(p.full_text) for p in read_docx(docx).paragraphs]


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_render_import_render_gives_the_same_text(path: Path):
    """Round trip: every paragraph and cell of render → import → render is the same."""
    first = render_plan_bytes(path)
    second = render_plan_bytes(import_docx(first).plan)
    assert _texts(second) == _texts(first)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_round_trip_keeps_sections_tasks_targets_and_figures(path: Path):
    """The imported plan has the example's sections, tasks, targets and budget figures."""
    source = load_plan(path)
    imported = load_plan(import_docx(render_plan_bytes(path)).plan)
    # Top-level titles are printed in capitals: the import keeps them as printed.
    assert [h.upper() for h in plan_headings(imported)] == [
        h.upper() for h in plan_headings(source)
    ]
    assert len(list(iter_tasks(imported))) == len(list(iter_tasks(source)))
    assert {(t.quantity, t.unit, t.qualifier) for t in iter_targets(imported)} == {
        (t.quantity, t.unit, t.qualifier) for t in iter_targets(source)
    }
    figures = re.compile(r"\d{1,3}(?:\.\d{3})+đ?")
    words = " ".join(_texts(render_plan_bytes(path)))
    again = " ".join(_texts(render_plan_bytes(imported)))
    assert figures.findall(again) == figures.findall(words)


def test_rendered_example_header(sapa_docx: bytes):
    """Blank number and blank day of a draft stay blank (F-NUM-6)."""
    result = import_docx(sapa_docx)
    header = result.plan["header"]
    assert "number" not in header
    assert header["date"] == {"year": 2022, "month": 1}
    assert header["type_code"] == "KH"
    assert header["body_code"] == "TU"
    assert header["superiors"] == ["Đảng bộ tỉnh Lào Cai"]
    assert result.header_class == "party"
    assert result.plan["signature"]["authority"] == "T/M"


def _docx_without_body() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Override PartName="/word/document.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            'main"><w:body><w:p/></w:body></w:document>',
        )
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (_xlsx(), "Excel"),
        (b"just some text", "không phải văn bản Word"),
        (b"PK\x03\x04broken", ".docx"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + "EncryptedPackage".encode("utf-16-le"), "mật khẩu"),
        (_docx_without_body(), "không có nội dung"),
    ],
    ids=["pdf", "xlsx", "text", "corrupt", "encrypted", "empty"],
)
def test_bad_input_is_refused_clearly(data: bytes, words: str):
    """Not Word, corrupt, encrypted or empty: DocxImportError with a Vietnamese message."""
    with pytest.raises(DocxImportError) as caught:
        import_docx(data, name="x.docx")
    message = caught.value.messages("vi")[0]
    assert message.startswith("x.docx: ")
    assert words in message
    assert caught.value.messages("en")[0] != message


def test_missing_file():
    """A path that does not exist is named in the message."""
    with pytest.raises(DocxImportError, match="not found"):
        import_docx("/nonexistent/plan.docx")


def test_doc_without_libreoffice(monkeypatch: pytest.MonkeyPatch):
    """A .doc needs LibreOffice: without it, a clear message (no traceback)."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    data = bytes.fromhex("D0CF11E0A1B11AE1") + "WordDocument".encode("utf-16-le")
    with pytest.raises(DocxImportError) as caught:
        import_docx(data, name="cu.doc")
    assert "LibreOffice" in caught.value.messages("vi")[0]
    assert "not installed" in caught.value.messages("en")[0]


def _libreoffice(soffice: str, source: Path, target: str, outdir: Path) -> Path:
    profile = (outdir / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return outdir / f"{source.stem}.{target.split(':')[0]}"


def _shape(plan: dict) -> tuple:
    return (
        [s["title"] for s in plan["sections"]],
        [t["text"] for t in plan_tasks(plan)],
        plan["header"],
        plan.get("signature"),
    )


def test_libreoffice_doc_and_resaved_docx_import_the_same(
    soffice: str, sapa_docx: bytes, tmp_path: Path
):
    """A .doc and a re-saved .docx made by LibreOffice import like the original."""
    original = tmp_path / "sapa.docx"
    original.write_bytes(sapa_docx)
    doc = _libreoffice(soffice, original, "doc", tmp_path / "doc")
    resaved_dir = tmp_path / "resaved"
    resaved = _libreoffice(soffice, original, "docx:MS Word 2007 XML", resaved_dir)
    expected = _shape(import_docx(original).plan)
    assert _shape(import_docx(resaved).plan) == expected
    assert _shape(import_docx(doc).plan) == expected


def test_review_markdown_lists_guesses_lowest_confidence_first():
    """NAME.review.md: a checklist, low confidence first, with paragraph and quote."""
    items = [
        ReviewItem(
            "target", "Đề xuất chỉ tiêu", "Proposed target", "medium", 12, "tổ chức 04 hội nghị"
        ),
        ReviewItem("date", "Không đọc được ngày", "Date unreadable", "low"),
    ]
    text = review_markdown("ke-hoach.docx", items)
    assert text.index("Độ tin cậy thấp") < text.index("Độ tin cậy vừa")
    assert "- [ ] đoạn 12: Đề xuất chỉ tiêu — «tổ chức 04 hội nghị»" in text
    assert "Proposed target" in review_markdown("x", items, lang="en")
    assert "Không có gì cần rà soát" in review_markdown("x", [])


def _targets(value: object) -> list[dict]:
    if isinstance(value, dict):
        own = [t for t in value.get("targets", []) if isinstance(t, dict)]
        return own + [t for v in value.values() for t in _targets(v)]
    if isinstance(value, list):
        return [t for v in value for t in _targets(v)]
    return []


def test_figures_not_in_bold_are_only_proposed():
    """A plain "50%" is listed in the review, not made a target (never invented)."""
    result = import_docx(REAL / "mttq-ke-hoach-hoi-nghi-hiep-thuong.docx")
    assert _targets(result.plan) == []
    proposed = [i for i in result.review if i.kind == "target"]
    assert proposed and all(i.confidence == "medium" for i in proposed)
    assert any("50%" in i.quote for i in proposed)


def test_citations_and_formatting_are_noted():
    """Căn cứ lines are recognised (kept word for word); red text is noted."""
    result = import_docx(REAL / "mttq-ke-hoach-cong-tac-bau-cu.docx")
    kinds = {(i.kind, i.paragraph) for i in result.review}
    assert ("citation", 17) in kinds
    colours = [i for i in result.review if i.kind == "format" and "FF0000" in i.message_vi]
    assert colours and colours[0].paragraph == 140


def test_renumbered_headings_are_noted():
    """A typed "3.3." that is the first subsection is noted as renumbered (F-HEAD-2)."""
    result = import_docx(REAL / "mttq-ke-hoach-hoi-nghi-hiep-thuong.docx")
    notes = [i for i in result.review if i.kind == "numbering"]
    assert [(i.paragraph, i.quote[:4]) for i in notes] == [(51, "3.3.")]


def _word(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_amounts_are_read_and_words_checked():
    """Money in any common writing is read; words that disagree with the figures are noted."""
    data = _word(
        "KẾ HOẠCH",
        "I. KINH PHÍ",
        "Tổng kinh phí: 6.505.490.000đ (Sáu tỷ năm trăm linh năm triệu bốn trăm chín mươi"
        " nghìn đồng).",
        "Nguồn xã hội hoá: 1,5 tỷ đồng.",
        "Năm 2027: 2.000.000 đồng (Ba triệu đồng).",
    )
    notes = [i for i in import_docx(data).review if i.kind == "budget"]
    assert [(i.confidence, i.message_en.split(":")[0]) for i in notes] == [
        ("high", "Amount read"),
        ("high", "Amount read"),
        (
            "low",
            "Amount 2.000.000 đồng but the words read «Ba triệu đồng» (should be «Hai triệu đồng»)",
        ),
    ]
    assert "6.505.490.000 đồng (matches the words)" in notes[0].message_en
    assert "1.500.000.000 đồng" in notes[1].message_en


_LINE = st.text(
    alphabet=st.sampled_from(
        list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ ỳỷỹýỵ*{}\\&<>\"'-+.,:;()/%0123456789")
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip(" -+.*") != "")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=6))
def test_any_paragraph_survives_import_and_render(lines: list[str]):
    """Whatever the paragraphs say (marks, braces, & < >), render(import(doc)) keeps them."""
    data = _word("KẾ HOẠCH", "về việc thử", "I. NỘI DUNG", *lines)
    words = document_words(read_docx(render_plan_bytes(import_docx(data).plan)))
    assert lost_paragraphs(read_docx(data), words) == []
