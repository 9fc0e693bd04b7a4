"""The code stays ruff clean (house style), so CI catches what a reviewer would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(
    shutil.which("ruff") is None
    and subprocess.run(
        [sys.executable, "-m", "ruff", "--version"], capture_output=True, check=False
    ).returncode
    != 0,
    reason="ruff is not installed",
)
def test_ruff_check_is_clean():
    """`ruff check` finds nothing in src, tests, examples and benchmarks."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "examples", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]
