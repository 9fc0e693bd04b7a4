"""The README's Python API example runs as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_api_example_runs(tmp_path, monkeypatch, capsys):
    """The code block under "Python API" runs from a folder holding the examples."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"<!-- python-api -->\s*```python\n(.+?)\n```", readme, re.DOTALL)
    assert code, "README has no python-api block"
    os.symlink(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(code.group(1), "README.md", "exec"), {})
    assert (tmp_path / "sapa-2022.docx").exists() and (tmp_path / "bao-cao-6-thang.docx").exists()
    assert "2023" in capsys.readouterr().out
