"""PDFs made by LibreOffice, read back with poppler: every example plan and report.

Each document's PDF has A4 pages, the DOCX's text, page numbers from page 2 and none on
page 1 (F-PAGENUM-1/2/4); under --pdfa every font is embedded and the PDF/A mark is in
the metadata. A batch of 50 goes through one LibreOffice start; a damaged DOCX in a
batch is named while the others are converted. Marked ``libreoffice``.
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import kehoach
from helpers.libreoffice import pdf_pages
from helpers.sample_docs import sapa_like
from kehoach.cli import main
from kehoach.pdf import PdfJob, convert_many, substituted_fonts
from kehoach.render import Renderer
from report_data import PLAN, PROGRESS_6M, PROGRESS_YEAR, ROOT

pytestmark = pytest.mark.libreoffice
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Progress files and the narrative report (a progress file too) are not plans.
PLAN_FILES = sorted(
    p
    for p in (ROOT / "examples").glob("*.yaml")
    if "progress" not in p.name and "bao-cao" not in p.name
)
PLAN_TYPES = ("tuyen-giao", "dan-van", "khoa-giao")
APPENDIX_HEADS = ("PHỤ LỤC", "PHỤ BIỂU")  # an appendix numbers its own pages (F-PAGENUM-4)


def _documents(folder: Path) -> dict[str, bytes]:
    """DOCX bytes of every example plan, both example reports and each type's new plan."""
    made = {p.stem: kehoach.render_plan_bytes(p) for p in PLAN_FILES}
    plan = kehoach.load_plan(PLAN)
    for progress in (PROGRESS_6M, PROGRESS_YEAR):
        target = folder / f"report-{progress.stem}.docx"
        kehoach.render_report(plan, kehoach.load_progress(progress, plan=plan), target)
        made[target.stem] = target.read_bytes()
    for plan_type in PLAN_TYPES:
        source = folder / f"new-{plan_type}.yaml"
        assert main(["new", "--type", plan_type, "--year", "2027", "-o", str(source)]) == 0
        made[source.stem] = kehoach.render_plan_bytes(source)
    return made


@pytest.fixture(scope="module")
def converted(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document as a DOCX and its PDF/A, all converted in one batch."""
    folder = tmp_path_factory.mktemp("examples")
    jobs = []
    for name, data in _documents(folder).items():
        (folder / f"{name}.docx").write_bytes(data)
        jobs.append(PdfJob(folder / f"{name}.docx", folder / f"{name}.pdf"))
    batch = convert_many(jobs, pdfa=True, force=True)
    assert batch.starts == 1
    assert [r.job.label for r in batch.failed] == []
    return {job.target.stem: job.target for job in jobs}


NAMES = [p.stem for p in PLAN_FILES] + [
    f"report-{p.stem}" for p in (PROGRESS_6M, PROGRESS_YEAR)
] + [f"new-{t}" for t in PLAN_TYPES]  # fmt: skip


def squash(text: str) -> str:
    """NFC, without whitespace or hyphens: lines break differently in the PDF, and
    pdftotext drops a hyphen that ends a line ("60-" / "QĐ/TU" reads "60QĐ/TU")."""
    return re.sub(r"[\s-]+", "", unicodedata.normalize("NFC", text))


def pdf_text(pdf: Path) -> str:
    """The PDF's text (pdftotext's default mode).

    Not ``-raw``: where a fallback font sets the accented letters (Liberation Serif 1.x
    has no Vietnamese), content order splits "ĐẢNG" into "Đ NG" … "Ả".
    """
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout


def first_lines(pdf: Path) -> list[str]:
    """The first line of text of each page, as laid out."""
    lines = []
    for n in range(1, pdf_pages(pdf) + 1):
        page = subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        lines.append(next((x.strip() for x in page.splitlines() if x.strip()), ""))
    return lines


@pytest.mark.parametrize("name", NAMES)
def test_pages_are_a4(converted: dict[str, Path], name: str):
    """F-PAPER-1: every page is A4 (portrait, or landscape for a wide appendix)."""
    pdf = converted[name]
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pdf_pages(pdf)), str(pdf)],
        capture_output=True,
        text=True,
    ).stdout
    sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)
    assert len(sizes) == pdf_pages(pdf)
    for width, height in sizes:
        short, long = sorted((float(width), float(height)))
        assert abs(short - 595.3) < 1 and abs(long - 841.9) < 1, (width, height)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_holds_the_text_of_the_docx(converted: dict[str, Path], name: str):
    """Every paragraph of the DOCX (tables included) is in the PDF, or else every word of it.

    Whole paragraphs are looked for first. Where a substitute font sets some letters
    (this machine may lack Times New Roman), pdftotext can read a paragraph's last line
    apart, or LibreOffice can wrap a figure inside a narrow cell; then each word of the
    paragraph must still be there.
    """
    with zipfile.ZipFile(converted[name].with_suffix(".docx")) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    text = squash(pdf_text(converted[name]))
    whole = [p for p in paragraphs if squash(p) and squash(p) in text]
    lost = [
        word
        for p in paragraphs
        if squash(p) not in text
        for word in p.split()
        if squash(word) not in text
    ]
    assert lost == []
    # Table cells wrap within their narrow columns (a task table): only the running
    # text is expected whole.
    running = [
        "".join(t.text or "" for t in p.iter(f"{W}t"))
        for p in body.iter(f"{W}p")
        if not any(a.tag == f"{W}tc" for a in p.iterancestors())
    ]
    running_whole = [p for p in running if squash(p) and squash(p) in text]
    assert len(running_whole) > 0.8 * sum(bool(squash(p)) for p in running) > 10
    assert whole


@pytest.mark.parametrize("name", NAMES)
def test_page_numbers_from_page_two(converted: dict[str, Path], name: str):
    """F-PAGENUM-1/2/4: none on page 1 (nor an appendix's first page), then 2, 3 …"""
    lines = first_lines(converted[name])
    assert not lines[0].isdigit()
    expected = 2
    for line in lines[1:]:
        if line.startswith(APPENDIX_HEADS):
            expected = 2
            continue
        assert line == str(expected), lines
        expected += 1


@pytest.mark.parametrize("name", NAMES)
def test_pdfa_embeds_every_font_and_is_marked(converted: dict[str, Path], name: str):
    """--pdfa: pdffonts lists every font as embedded; the XMP metadata says PDF/A-2."""
    pdf = converted[name]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts
    meta = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True).stdout
    assert "<pdfaid:part>2</pdfaid:part>" in meta


def test_render_pdf_and_font_warning(soffice: str, tmp_path: Path, capsys):
    """`render --pdf`: no PDF/A mark; the fonts said and warned about are pdffonts' list."""
    out = tmp_path / "sapa.docx"
    assert main(["render", str(PLAN), "-o", str(out), "--pdf"]) == 0
    stdout, stderr = capsys.readouterr()
    pdf = out.with_suffix(".pdf")
    meta = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True).stdout
    assert "pdfaid" not in meta
    listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    families = {
        re.split(r"[-,]", row.split()[0].split("+")[-1])[0].removesuffix("MT").removesuffix("PS")
        for row in listed.splitlines()[2:]
    }
    for family in families:
        assert family in stdout
    substitutes = substituted_fonts(tuple(sorted(families)))
    if substitutes:
        assert "thiếu phông Times New Roman" in stderr
        assert all(font in stderr for font in substitutes)
    else:
        assert "Times New Roman" not in stderr


def test_batch_of_fifty_starts_libreoffice_once(soffice: str, tmp_path: Path, monkeypatch, capsys):
    """`kehoach pdf` on 50 documents: one LibreOffice start (counted by a wrapper), 50 PDFs."""
    log = tmp_path / "starts.log"
    wrapper = tmp_path / "soffice"
    wrapper.write_text(f'#!/bin/sh\necho start >> "{log}"\nexec "{soffice}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("KEHOACH_SOFFICE", str(wrapper))
    data = Renderer().render_bytes(sapa_like(sections=0, appendices=False))
    sources = []
    for i in range(50):
        sources.append(tmp_path / f"ke-hoach-{i:02d}.docx")
        sources[-1].write_bytes(data)
    code = main(["pdf", *map(str, sources), "--out-dir", str(tmp_path / "pdf")])
    stdout, stderr = capsys.readouterr()
    assert code == 0, stderr
    assert log.read_text().splitlines() == ["start"]
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert len(pdfs) == 50 and stdout.count("Đã tạo") == 50
    assert pdf_pages(pdfs[-1]) == 1


def test_damaged_docx_in_a_batch(soffice: str, tmp_path: Path, capsys):
    """Damaged DOCX files are named (exit 2); the good ones before and after are converted."""
    good = Renderer().render_bytes(sapa_like(sections=0, appendices=False))
    with (
        zipfile.ZipFile(tmp_path / "half.docx", "w") as broken,  # document.xml cut in half
        zipfile.ZipFile(io.BytesIO(good)) as source,
    ):
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "word/document.xml":
                part = part[: len(part) // 2]
            broken.writestr(item, part)
    with zipfile.ZipFile(tmp_path / "empty.docx", "w") as empty:
        empty.writestr("readme.txt", "no Word parts here")
    (tmp_path / "a.docx").write_bytes(good)
    (tmp_path / "z.docx").write_bytes(good)
    names = ["a.docx", "half.docx", "empty.docx", "z.docx"]
    code = main(["--lang", "en", "pdf", *(str(tmp_path / n) for n in names)])
    _, stderr = capsys.readouterr()
    assert code == 2
    for bad in ("half.docx", "empty.docx"):
        assert f"{tmp_path / bad}: LibreOffice cannot open the file" in stderr
        assert not (tmp_path / bad).with_suffix(".pdf").exists()
    assert (tmp_path / "a.pdf").exists() and (tmp_path / "z.pdf").exists()
    assert "2 of 4 documents could not be converted" in stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
