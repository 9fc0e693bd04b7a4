"""Documents typed by hand (tabs instead of tables) and re-saved by LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm, Pt

from check_docs import build_party_doc, to_bytes
from kehoach.check import check_docx


def _typed_by_hand() -> bytes:
    """A plan typed line by line in Word: header blocks separated by tabs, no tables."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)

    def line(text: str, *, bold: bool = False, size: float = 14) -> None:
        run = doc.add_paragraph().add_run(text)
        run.bold, run.font.size, run.font.name = bold, Pt(size), "Times New Roman"

    line("ĐẢNG BỘ TỈNH LÀO CAI\t\tĐẢNG CỘNG SẢN VIỆT NAM")
    line("THỊ ỦY SA PA", bold=True)
    line("*")
    line("Số 29-KH/TU\t\tSa Pa, ngày 15 tháng 01 năm 2022")
    line("KẾ HOẠCH", bold=True, size=16)
    line("triển khai thực hiện đề án", bold=True)
    line("-----")
    line("Nội dung kế hoạch. " * 6)
    line("Nơi nhận:")
    line("- Như trên;", size=12)
    line("- Lưu VP.", size=12)
    line("T/M BAN THƯỜNG VỤ", bold=True)
    line("BÍ THƯ")
    line("Nguyễn Văn A", bold=True)
    return to_bytes(doc)


def test_tab_separated_header_is_recognised() -> None:
    """A header typed with tabs is recognised by content: its elements are found, not missing."""
    result = check_docx(_typed_by_hand())
    rules = {f.rule for f in result.findings}
    assert not rules & {"F-TITLE-1", "F-ORG-1", "F-STAR-1", "F-NUM-1", "F-DATE-1"}
    type_name = [f for f in result.findings if f.rule == "F-TYPE-1"]
    assert [f.actual.en for f in type_name] == ["left-aligned"]  # found, but not centred
    assert "F-HDR-2" in {f.rule for f in result.warnings}  # not a table: warning only
    assert {"F-TITLE-2", "F-DATE-3", "F-RECIP-2"} <= {f.rule for f in result.errors}
    # A 2022 document: F-BODY-5 is unconfirmed for 36-HD (F-SRC-2), a warning.
    assert "F-BODY-5" in {f.rule for f in result.warnings}
    title = next(f for f in result.findings if f.rule == "F-TITLE-2")
    assert title.location.quote == "ĐẢNG CỘNG SẢN VIỆT NAM"


@pytest.mark.libreoffice
def test_libreoffice_round_trip_keeps_the_format(tmp_path: Path) -> None:
    """A correct document re-saved by LibreOffice (its own styles and XML) still passes."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI")
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "good.docx"
    source.write_bytes(to_bytes(build_party_doc()))
    out = tmp_path / "out"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)],
        check=True, timeout=240, capture_output=True,
    )  # fmt: skip
    result = check_docx(out / "good.docx")
    assert result.findings == (), [(f.rule, f.actual.en) for f in result.findings]
