"""Every example renders: the plan files, and the Python example script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kehoach
from kehoach.check import check_docx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# Progress files and the narrative report (a progress file too) are not plans.
PLAN_FILES = sorted(
    p for p in EXAMPLES.glob("*.yaml") if "progress" not in p.name and "bao-cao" not in p.name
)


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_example_plan_renders_without_format_errors(path: Path, tmp_path: Path):
    """Each example plan renders, and the checker finds no format error in the result."""
    target = tmp_path / f"{path.stem}.docx"
    kehoach.render_plan(path, target)
    result = check_docx(target)
    assert [f.rule for f in result.findings if f.severity == "error"] == []


def test_render_from_python_example(tmp_path: Path):
    """examples/render_from_python.py writes both documents, each free of format errors."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "render_from_python.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in result.stdout
    for name in ("sapa-2022.docx", "dan-van-2027.docx"):
        findings = check_docx(tmp_path / name).findings
        assert [f.rule for f in findings if f.severity == "error"] == []
