"""Real clients: LibreOffice Calc opens the workbooks kehoach writes, and a workbook that
staff filled and saved again in LibreOffice reads back the same."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

import pytest
import yaml

import kehoach
from helpers.progress_sheet import fill
from kehoach.sheets.plan import plan_sheet_bytes
from kehoach.sheets.progress import progress_workbook_bytes
from report_data import PLAN, PROGRESS_YEAR

pytestmark = pytest.mark.libreoffice


@pytest.fixture
def calc(soffice: str) -> str:
    """``soffice`` with the Calc component (Debian: libreoffice-calc-nogui); required in CI."""
    if not (Path(soffice).resolve().parent / "libsclo.so").exists():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice Calc is required in CI")
        pytest.skip("LibreOffice Calc is not installed")
    return soffice


UTF8_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1"  # comma, quote, UTF-8, first line


def _convert(soffice: str, source: Path, target_format: str, outdir: Path) -> Path:
    outdir.mkdir(exist_ok=True)
    profile = (outdir / "lo-profile").resolve().as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += ["--convert-to", target_format, "--outdir", str(outdir), str(source)]
    subprocess.run(command, capture_output=True, timeout=180, check=True)
    suffix = ".csv" if target_format.startswith("csv") else f".{target_format}"
    result = outdir / (source.stem + suffix)
    assert result.exists(), f"LibreOffice did not write {result.name}"
    return result


def _first_sheet(soffice: str, workbook: Path, outdir: Path) -> list[list[str]]:
    text = _convert(soffice, workbook, UTF8_CSV, outdir).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def test_calc_opens_the_plan_workbook(calc, tmp_path):
    """Calc reads the plan workbook's first sheet: ids, Vietnamese text and figures intact."""
    plan = kehoach.load_plan(PLAN)
    workbook = tmp_path / "ke-hoach.xlsx"
    workbook.write_bytes(plan_sheet_bytes(plan))
    rows = _first_sheet(calc, workbook, tmp_path / "csv")
    targets = {row[0]: row for row in rows[1:]}
    for target in kehoach.model.iter_targets(plan):
        assert targets[target.id][2] == str(target.quantity)
        assert targets[target.id][3] == target.unit


def test_plan_workbook_saved_by_calc_imports_unchanged(calc, tmp_path):
    """A plan workbook opened and saved again by Calc imports to the very same plan."""
    plan = kehoach.load_plan(PLAN)
    workbook = tmp_path / "ke-hoach.xlsx"
    workbook.write_bytes(plan_sheet_bytes(plan))
    resaved = _convert(calc, workbook, "xlsx", tmp_path / "resaved")
    assert kehoach.import_plan_sheet(resaved, plan) == plan


def test_progress_workbook_saved_by_calc_gives_the_same_report(calc, tmp_path):
    """A filled progress workbook saved again by Calc gives the same report as before."""
    plan = kehoach.load_plan(PLAN)
    progress = yaml.safe_load(PROGRESS_YEAR.read_text(encoding="utf-8"))
    filled = fill(progress_workbook_bytes(plan), progress, tmp_path / "tien-do.xlsx")
    resaved = _convert(calc, filled, "xlsx", tmp_path / "resaved")
    before = kehoach.compose_report(plan, filled).plain_text()
    after = kehoach.compose_report(plan, resaved).plain_text()
    assert after == before
