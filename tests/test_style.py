"""The code stays ruff and mypy clean (house style), so CI catches what a reviewer would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_check_is_clean():
    """`ruff check` (a test dependency) finds nothing in src, tests, examples, benchmarks."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "examples", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]


def test_mypy_strict_is_clean():
    """`mypy` (strict, configured in pyproject) finds no type error in the package."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:]
