"""PDF batches without LibreOffice: a stand-in soffice (helpers/fake_soffice.py) speaks
its progress lines, so time-outs, crashes, missing LibreOffice, existing outputs, the
progress bar and the font warning are tested quickly and exactly."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

import kehoach
from helpers.fake_soffice import fake_docx, write_script
from kehoach.cli import main
from kehoach.pdf import (
    LibreOfficeMissingError,
    PdfConversionError,
    PdfJob,
    convert_many,
    pdf_fonts,
    substituted_fonts,
)
from report_data import PLAN, PROGRESS_6M


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """KEHOACH_SOFFICE → the stand-in; returns the log of its starts."""
    log = tmp_path / "starts.log"
    monkeypatch.setenv("KEHOACH_SOFFICE", str(write_script(tmp_path)))
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    return log


def starts(log: Path) -> list[int]:
    """The process ids of the stand-in's starts."""
    if not log.exists():
        return []
    return [int(line.split()[1]) for line in log.read_text().splitlines()]


def docs(folder: Path, *texts: str) -> list[Path]:
    """Fake DOCX files named doc0.docx, doc1.docx … holding ``texts``."""
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"doc{i}.docx"
        path.write_bytes(fake_docx(text))
        paths.append(path)
    return paths


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_batch_converts_through_one_start(fake: Path, tmp_path: Path):
    """Ten documents, one start; each PDF is beside its DOCX and says its font."""
    sources = docs(tmp_path, *(f"document {i}" for i in range(10)))
    batch = convert_many([PdfJob(s, s.with_suffix(".pdf")) for s in sources])
    assert batch.starts == 1 and len(starts(fake)) == 1
    assert [r.ok for r in batch.results] == [True] * 10
    assert all(s.with_suffix(".pdf").read_bytes().startswith(b"%PDF") for s in sources)
    assert batch.results[0].fonts == ("LiberationSerif",)


def test_time_out_names_the_document_and_the_others_are_converted(
    fake: Path, tmp_path: Path, capsys
):
    """A document over the limit is named; LibreOffice is stopped and restarted for the rest."""
    sources = docs(tmp_path, "first", "HANG", "third")
    code, _, err = run(capsys, "pdf", *sources, "--timeout", "1")
    assert code == 2
    assert f"{sources[1]}: quá 1 giây mà chưa chuyển xong" in err
    assert sources[0].with_suffix(".pdf").exists() and sources[2].with_suffix(".pdf").exists()
    assert not sources[1].with_suffix(".pdf").exists()
    assert "1/3 văn bản không chuyển được sang PDF" in err
    pids = starts(fake)
    assert len(pids) == 2
    with pytest.raises(ProcessLookupError):  # the stopped LibreOffice is gone
        os.kill(pids[0], 0)


def test_crash_is_named_and_the_rest_converted(fake: Path, tmp_path: Path):
    """LibreOffice dying on a document blames that one; a new start does the rest."""
    sources = docs(tmp_path, "first", "CRASH", "third", "fourth")
    batch = convert_many([PdfJob(s, s.with_suffix(".pdf")) for s in sources])
    assert [r.failure.kind if r.failure else "ok" for r in batch.results] == [
        "ok",
        "crash",
        "ok",
        "ok",
    ]
    assert batch.starts == 2


def test_unreadable_document_in_a_batch(fake: Path, tmp_path: Path, capsys):
    """A file LibreOffice cannot load, and one that is no DOCX at all, are named in English."""
    sources = docs(tmp_path, "first", "UNREADABLE", "third")
    text = tmp_path / "notes.docx"
    text.write_text("plain text, not a DOCX", encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "pdf", *sources, text)
    assert code == 2
    assert f"error: {sources[1]}: LibreOffice cannot open the file" in err
    assert f"error: {text}: not a DOCX file" in err
    assert out.count("Wrote ") == 2


def test_missing_libreoffice(tmp_path: Path, monkeypatch, capsys):
    """Without LibreOffice: exit 2, the package to install named, and no file written."""
    monkeypatch.delenv("KEHOACH_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    (source,) = docs(tmp_path, "first")
    code, _, err = run(capsys, "pdf", source)
    assert code == 2 and "libreoffice-writer-nogui" in err and "Traceback" not in err
    out = tmp_path / "ke-hoach.docx"
    code, _, err = run(capsys, "render", PLAN, "-o", out, "--pdf")
    assert code == 2 and "không tìm thấy lệnh soffice" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc0.docx"]
    with pytest.raises(LibreOfficeMissingError):
        kehoach.to_pdf(source)


def test_soffice_variable_pointing_nowhere(tmp_path: Path, monkeypatch, capsys):
    """KEHOACH_SOFFICE naming no program is said plainly (exit 2)."""
    monkeypatch.setenv("KEHOACH_SOFFICE", str(tmp_path / "nothing"))
    (source,) = docs(tmp_path, "first")
    code, _, err = run(capsys, "--lang", "en", "pdf", source)
    assert code == 2 and "KEHOACH_SOFFICE points to" in err


def test_existing_pdf_is_kept_without_force(fake: Path, tmp_path: Path, capsys):
    """An existing PDF: exit 2 before LibreOffice starts; --force replaces it."""
    (source,) = docs(tmp_path, "first")
    pdf = source.with_suffix(".pdf")
    pdf.write_bytes(b"old")
    code, _, err = run(capsys, "pdf", source)
    assert code == 2 and f"{pdf} đã tồn tại; dùng --force để ghi đè" in err
    assert pdf.read_bytes() == b"old" and starts(fake) == []
    out = tmp_path / "ke-hoach.docx"
    (tmp_path / "ke-hoach.pdf").write_bytes(b"old")
    code, _, err = run(capsys, "render", PLAN, "-o", out, "--pdf")
    assert code == 2 and not out.exists()  # nothing written, the DOCX neither
    assert run(capsys, "pdf", source, "--force")[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_render_writes_docx_and_pdf_or_only_the_pdf(fake: Path, tmp_path: Path, capsys):
    """--pdf writes the PDF beside the DOCX; -o NAME.pdf writes only the PDF; --out-dir both."""
    code, out, _ = run(capsys, "render", PLAN, "-o", tmp_path / "a.docx", "--pdf")
    assert code == 0 and (tmp_path / "a.docx").exists() and (tmp_path / "a.pdf").exists()
    assert f"Đã tạo {tmp_path / 'a.pdf'} (phông chữ: LiberationSerif)" in out
    code, _, _ = run(capsys, "render", PLAN, "-o", tmp_path / "only.pdf")
    assert code == 0 and (tmp_path / "only.pdf").exists() and not (tmp_path / "only.docx").exists()
    folder = tmp_path / "out"
    code, _, _ = run(capsys, "render", PLAN, "--out-dir", folder, "--pdfa")
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == [f"{PLAN.stem}.docx", f"{PLAN.stem}.pdf"]
    assert b"pdfaid:part" in (folder / f"{PLAN.stem}.pdf").read_bytes()
    assert len(starts(fake)) == 3


def test_report_pdf(fake: Path, tmp_path: Path, capsys):
    """`kehoach report … --pdf` writes the report and its PDF."""
    out = tmp_path / "bao-cao.docx"
    code, _, err = run(capsys, "report", PLAN, PROGRESS_6M, "-o", out, "--pdf")
    assert code == 0, err
    assert out.exists() and out.with_suffix(".pdf").exists()


def test_out_dir_and_same_names(fake: Path, tmp_path: Path, capsys):
    """--out-dir collects the PDFs; two sources with one name are refused before converting."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (one,) = docs(first, "x")
    (two,) = docs(second, "y")
    code, _, err = run(capsys, "pdf", one, two, "--out-dir", tmp_path / "pdf")
    assert code == 2 and "cùng một tệp PDF" in err and starts(fake) == []
    code, _, _ = run(capsys, "pdf", one, "--out-dir", tmp_path / "pdf")
    assert code == 0 and (tmp_path / "pdf" / "doc0.pdf").exists()


def test_progress_bar_only_on_a_terminal(fake: Path, tmp_path: Path):
    """The progress bar goes to a terminal's stderr; redirected output gets none."""
    sources = docs(tmp_path, "a", "b", "c")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    from kehoach.cli.base import CliContext, Translator
    from kehoach.cli.pdf_commands import convert_pdfs

    jobs = [PdfJob(s, s.with_suffix(".pdf")) for s in sources]
    terminal = CliContext(Translator(), out=io.StringIO(), err=Terminal())
    convert_pdfs(terminal, jobs, pdfa=False, force=False, timeout=60)
    assert "PDF" in terminal.err.getvalue() and "3/3" in terminal.err.getvalue()
    piped = CliContext(Translator(), out=io.StringIO(), err=io.StringIO())
    convert_pdfs(piped, jobs, pdfa=False, force=True, timeout=60)
    assert piped.err.getvalue() == ""


def test_font_warning_from_the_pdf_font_list(fake: Path, tmp_path: Path, capsys):
    """A substitute font in the PDF is named in one warning; Liberation Serif gets none."""
    sources = docs(tmp_path, "FONT=DejaVuSerif", "FONT=DejaVuSerif", "FONT=LiberationSerif")
    code, out, err = run(capsys, "pdf", *sources)
    assert code == 0
    assert "phông chữ: DejaVuSerif" in out and "phông chữ: LiberationSerif" in out
    assert err.count("Cảnh báo") == 1
    assert "LibreOffice dùng DejaVuSerif thay thế (2 tệp PDF)" in err
    assert "fonts-liberation2" in err
    code, _, err = run(capsys, "pdf", sources[2], "--force")
    assert code == 0 and err == ""


@pytest.mark.parametrize(
    ("data", "fonts", "substituted"),
    [
        (b"/BaseFont/BAAAAA+TimesNewRomanPSMT /BaseFont/CAAAAA+TimesNewRomanPS-BoldMT",
         ("TimesNewRoman",), ()),
        (b"/BaseFont /Times#20New#20Roman,Bold", ("Times New Roman",), ()),
        (b"/BaseFont/BAAAAA+LiberationSerif-Italic", ("LiberationSerif",), ()),
        (b"/BaseFont/DAAAAA+DejaVuSerif/BaseFont/EAAAAA+OpenSymbol",
         ("DejaVuSerif", "OpenSymbol"), ("DejaVuSerif",)),
        (b"/BaseFont/FAAAAA+Tinos-Bold /BaseFont/GAAAAA+Carlito", ("Tinos", "Carlito"),
         ("Carlito",)),
    ],
)  # fmt: skip
def test_pdf_font_list(data: bytes, fonts: tuple[str, ...], substituted: tuple[str, ...]):
    """Font families read from /BaseFont names; only non-metric-compatible ones are flagged."""
    assert pdf_fonts(data) == fonts
    assert substituted_fonts(fonts) == substituted


def test_to_pdf_python_api(fake: Path, tmp_path: Path):
    """kehoach.to_pdf writes beside the DOCX, takes bytes with a target, raises on failure."""
    (source,) = docs(tmp_path, "first")
    result = kehoach.to_pdf(source)
    assert result.ok and result.target == source.with_suffix(".pdf")
    target = tmp_path / "from-bytes.pdf"
    assert kehoach.to_pdf(fake_docx("x"), target, pdfa=True).target.exists()
    assert b"pdfaid:part" in target.read_bytes()
    with pytest.raises(TypeError):
        kehoach.to_pdf(fake_docx("x"))
    with pytest.raises(PdfConversionError) as caught:
        kehoach.to_pdf(fake_docx("UNREADABLE"), tmp_path / "bad.pdf")
    assert "LibreOffice cannot open" in caught.value.messages("en")[0]
    assert not (tmp_path / "bad.pdf").exists()


def test_docx_work_needs_no_libreoffice(tmp_path: Path, monkeypatch, capsys):
    """Without LibreOffice, render and report to DOCX work as before; kehoach.pdf is not loaded."""
    import subprocess
    import sys

    monkeypatch.delenv("KEHOACH_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, out, err = run(capsys, "render", PLAN, "-o", tmp_path / "ke-hoach.docx")
    assert code == 0 and "Lỗi" not in err and out.strip() == f"Đã tạo {tmp_path / 'ke-hoach.docx'}"
    code, _, _ = run(capsys, "report", PLAN, PROGRESS_6M, "-o", tmp_path / "bao-cao.docx")
    assert code == 0 and sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".docx"]
    probe = "import sys, kehoach; kehoach.render_plan_bytes(sys.argv[1]); " + (
        "print(sorted(m for m in sys.modules if m.startswith(('kehoach.pdf', 'tqdm'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(PLAN)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_interrupted_batch_stops_libreoffice(fake: Path, tmp_path: Path):
    """Ctrl-C during a batch ends LibreOffice at once; nothing of it is left running."""
    sources = docs(tmp_path, "first", "HANG", "third")

    def interrupt(result: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        convert_many([PdfJob(s, s.with_suffix(".pdf")) for s in sources], progress=interrupt)
    (pid,) = starts(fake)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_pdfa_refused_by_an_old_libreoffice(fake: Path, tmp_path: Path, monkeypatch, capsys):
    """A LibreOffice that ignores the PDF/A option (before 7.4): named, no PDF written."""
    monkeypatch.setenv("FAKE_SOFFICE_OLD", "1")
    (source,) = docs(tmp_path, "first")
    code, _, err = run(capsys, "pdf", source, "--pdfa")
    assert code == 2 and "cần LibreOffice 7.4 trở lên" in err
    assert not source.with_suffix(".pdf").exists()
