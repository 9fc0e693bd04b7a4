"""A hand-made document (the reference plan converted by pandoc) fails the Party format."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach.check import check_docx, run_check_command

REFERENCE = Path(__file__).parent / "data" / "ke-hoach-tuyen-giao-sa-pa-2022.md"


@pytest.fixture(scope="module")
def pandoc_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference plan's text as pandoc's default DOCX (skipped without pandoc, not in CI)."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        if os.environ.get("CI"):
            pytest.fail("pandoc is required in CI (.ci/run must apt-get install pandoc)")
        pytest.skip("pandoc is not installed")
    target = tmp_path_factory.mktemp("pandoc") / "ke-hoach.docx"
    subprocess.run([pandoc, str(REFERENCE), "-o", str(target)], check=True, timeout=120)
    return target


def test_pandoc_document_fails_margin_font_and_header(pandoc_docx: Path) -> None:
    """F-MARGIN-1, F-FONT-1 and the header rules (F-TITLE-1…) are errors for pandoc's output."""
    result = check_docx(pandoc_docx)
    errors = {f.rule for f in result.errors}
    assert {"F-MARGIN-1", "F-FONT-1", "F-TITLE-1", "F-ORG-1"} <= errors
    assert "F-SUBJ-3" in errors  # a drawn rule instead of "-----"
    # No exact line spacing and "./.": unconfirmed for a 2022 document (F-SRC-2), warnings.
    assert {"F-BODY-5", "F-BODY-6"} <= {f.rule for f in result.warnings}
    assert result.profile_id == "party-2018"  # "Sa Pa, ngày    tháng 01 năm 2022"
    fonts = [f for f in result.findings if f.rule == "F-FONT-1" and "Cambria" in f.actual.en]
    assert fonts and len(fonts[0].location.paragraphs) > 50


def test_pandoc_document_exit_code(pandoc_docx: Path) -> None:
    """kehoach check exits 1 (errors) on the pandoc document and names the rules."""
    out = io.StringIO()
    assert run_check_command([pandoc_docx], out=out) == 1
    text = out.getvalue()
    assert "F-MARGIN-1" in text and "LỖI" in text and "Cách sửa" in text
