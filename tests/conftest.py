"""Shared pytest options and fixtures.

- ``--update-golden``: rewrite the golden files under ``tests/golden/`` instead of
  comparing (``golden`` fixture).
- ``soffice``: the LibreOffice executable; tests using it are skipped when it is missing,
  unless the ``CI`` environment variable is set (then they fail: CI must run them).
- ``to_pdf``: convert DOCX bytes to a PDF with LibreOffice headless.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import golden as golden_files
from helpers.libreoffice import convert_to_pdf, find_soffice


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str, bytes], None]:
    """``golden(case, docx_bytes)``: compare with (or, with --update-golden, rewrite) a case."""
    update = bool(request.config.getoption("--update-golden"))

    def check(case: str, data: bytes) -> None:
        golden_files.compare(case, data, update=update, keep_dir=tmp_path)

    return check


@pytest.fixture(scope="session")
def soffice() -> str:
    """Path of LibreOffice's ``soffice``; skip without it (fail in CI)."""
    path = find_soffice()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return path


@pytest.fixture
def to_pdf(soffice: str, tmp_path: Path) -> Callable[[bytes, str], Path]:
    """``to_pdf(docx_bytes, name)`` → the PDF converted by LibreOffice."""

    def convert(data: bytes, name: str = "document") -> Path:
        source = tmp_path / f"{name}.docx"
        source.write_bytes(data)
        return convert_to_pdf(soffice, source, tmp_path)

    return convert
