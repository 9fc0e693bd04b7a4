"""Messages found wanting in QA: a mistyped block kind, an impossible date in `when`, a
progress file given as a plan, report warnings from a progress sheet or file.

Each goes through the command line: the message (Vietnamese by default, English with
--lang en), its place and exit code 2 for errors.
"""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from kehoach.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PLAN = EXAMPLES / "dan-van-xa-2027.yaml"


def _run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _plan() -> dict[str, Any]:
    return yaml.safe_load(PLAN.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: Any, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


# --- a mistyped block kind -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "key", "near"),
    [
        ({"bulet": "Nâng cao nhận thức."}, "bulet", "bullet"),
        ({"bulet": "Nâng cao nhận thức.", "items": ["cán bộ"]}, "bulet", "bullet"),
        ({"tabel": {"columns": ["A"], "rows": [["1"]]}}, "tabel", "table"),
    ],
)
def test_mistyped_block_kind_names_the_nearest(capsys, tmp_path, block, key, near):
    """`bulet:` is named with its line and the nearest kind ("có phải: bullet?"), exit 2."""
    data = _plan()
    data["sections"][0]["content"][0] = block
    path = _write(tmp_path, data)
    code, _, err = _run(capsys, "validate", path)
    assert code == 2
    line = _line_of(path, f"{key}:")
    assert f"{path}, dòng {line}, cột" in err
    assert f"trường sections[0].content[0]: kiểu khối '{key}' không có; có phải: {near}?" in err
    code, _, err = _run(capsys, "--lang", "en", "validate", path)
    assert f"unknown block kind '{key}'; did you mean: {near}?" in err
    assert "Traceback" not in err


def test_unknown_block_kind_without_a_near_one(capsys, tmp_path):
    """A key like no kind at all is named, with the list of kinds and no guess."""
    data = _plan()
    data["sections"][0]["content"][0] = {"khauhieu": "Toàn dân đoàn kết!"}
    code, _, err = _run(capsys, "validate", _write(tmp_path, data))
    assert code == 2
    assert "kiểu khối 'khauhieu' không có (dùng một trong: text, bullet, section," in err
    assert "có phải" not in err


# --- an impossible date in `when` --------------------------------------------------------------


def _with_when(tmp_path: Path, when: str) -> Path:
    data = _plan()
    data["sections"][2]["content"][0]["tasks"]["tasks"][0]["when"] = when
    return _write(tmp_path, data)


def test_impossible_when_says_why_once(capsys, tmp_path):
    """ "31/02/2027": the date once, and why it cannot be (February 2027 has 28 days)."""
    path = _with_when(tmp_path, "31/02/2027")
    code, _, err = _run(capsys, "validate", path)
    assert code == 2
    field = "sections[2].content[0].tasks.tasks[0].when"
    line = _line_of(path, "31/02/2027")
    assert re.fullmatch(
        re.escape(f"Lỗi: {path}, dòng {line}, cột ")
        + r"\d+"
        + re.escape(f", trường {field}: '31/02/2027' không có thật: tháng 02/2027 chỉ có 28 ngày"),
        err.strip(),
    )
    code, _, err = _run(capsys, "--lang", "en", "validate", path)
    assert err.strip().endswith("'31/02/2027' does not exist: month 02/2027 has 28 days")


@pytest.mark.parametrize(
    ("when", "reason"),
    [
        ("Từ 15/01/2027 đến 31/04/2027", "'31/04/2027' không có thật: tháng 4/2027 chỉ có 30 ngày"),
        ("Dự kiến tháng 13/2027", "'tháng 13/2027' không có thật: không có tháng 13"),
        ("Quý V/2027", "'Quý V/2027' không có thật: không có quý V (một năm có quý I đến quý IV)"),
    ],
)
def test_impossible_piece_of_a_longer_when(capsys, tmp_path, when, reason):
    """A piece of a longer time is named with the reason, then the whole time written."""
    code, _, err = _run(capsys, "validate", _with_when(tmp_path, when))
    assert code == 2
    expected = reason if reason.startswith(f"'{when}'") else f"{reason} (trong '{when}')"
    assert err.strip().endswith(expected)


# --- a progress file given as a plan -----------------------------------------------------------


@pytest.mark.parametrize("command", ["render", "validate"])
def test_progress_file_given_as_a_plan_is_one_line(capsys, tmp_path, command):
    """`kehoach render` of a progress file: one line saying what to run, exit 2, no file."""
    progress = EXAMPLES / "bao-cao-tong-ket-2022.yaml"
    out = tmp_path / "x.docx"
    argv = [command, progress, *(["-o", out] if command == "render" else [])]
    code, stdout, err = _run(capsys, *argv)
    assert code == 2 and not out.exists() and stdout == ""
    assert err.splitlines() == [
        f"Lỗi: {progress}: đây là tệp kết quả thực hiện (tiến độ), không phải kế hoạch: dùng "
        f"kehoach report KẾ_HOẠCH.yaml {progress} -o BÁO_CÁO.docx"
    ]
    code, _, err = _run(capsys, "--lang", "en", *argv)
    assert err.splitlines() == [
        f"error: {progress}: this is a progress file, not a plan: use "
        f"kehoach report PLAN.yaml {progress} -o REPORT.docx"
    ]


def test_a_broken_plan_is_not_taken_for_progress(capsys, tmp_path):
    """A plan missing its title still gets its field errors (it is no progress file)."""
    data = _plan()
    del data["title"]
    code, _, err = _run(capsys, "validate", _write(tmp_path, data))
    assert code == 2
    assert "thiếu trường bắt buộc title" in err and "tiến độ" not in err


# --- report warnings say where they come from ---------------------------------------------------


def _filled_sheet(tmp_path: Path) -> tuple[Path, int]:
    """The dân vận progress sheet, year period, the Quý II dialogue marked done on time on
    10/7 (after its deadline): a warning, not an error."""
    sheet = tmp_path / "tien-do.xlsx"
    assert main(["progress-sheet", str(PLAN), "-o", str(sheet)]) == 0
    book = load_workbook(sheet)
    tasks = book["Nhiệm vụ"]
    for row in range(2, tasks.max_row + 1):
        if tasks.cell(row, 1).value == "doi-thoai":
            tasks.cell(row, 6).value = "Hoàn thành đúng hạn"
            tasks.cell(row, 7).value = datetime.date(2027, 7, 10)
            found = row
    report = book["Báo cáo"]
    for row in range(2, report.max_row + 1):
        if report.cell(row, 1).value == "period":
            report.cell(row, 3).value = "Cả năm"
    book.save(sheet)
    return sheet, found


def test_sheet_warning_names_file_sheet_and_row(capsys, tmp_path):
    """A warning from the progress sheet names the workbook, the sheet, the row and column."""
    sheet, row = _filled_sheet(tmp_path)
    out = tmp_path / "bao-cao.docx"
    code, _, err = _run(capsys, "report", PLAN, sheet, "-o", out)
    assert code == 0 and out.exists()
    assert err.strip() == (
        f"Cảnh báo: {sheet}, trang tính Nhiệm vụ, dòng {row}, cột 6, trường Tình trạng "
        f"(F{row}): nhiệm vụ doi-thoai: ghi 'Hoàn thành đúng hạn' nhưng thời hạn là 30/6/2027"
    )
    code, _, err = _run(capsys, "--lang", "en", "report", PLAN, sheet, "-o", out, "--force")
    assert err.strip().startswith(f"warning: {sheet}, sheet Nhiệm vụ, line {row}, column 6,")


def test_yaml_warning_names_file_and_line(capsys, tmp_path):
    """A warning from a YAML progress file names the file, the line and the field."""
    progress = copy.deepcopy(
        yaml.safe_load((EXAMPLES / "dan-van-xa-2027-progress.yaml").read_text(encoding="utf-8"))
    )
    (entry,) = [t for t in progress["tasks"] if t["id"] == "doi-thoai"]
    entry["status"] = "done_on_time"
    path = _write(tmp_path, progress, "progress.yaml")
    code, _, err = _run(capsys, "report", PLAN, path, "-o", tmp_path / "bao-cao.docx")
    assert code == 0
    line = _line_of(path, "id: doi-thoai") + 1  # its status, on the next line
    assert re.match(
        re.escape(f"Cảnh báo: {path}, dòng {line}, cột ")
        + r"\d+"
        + re.escape(", trường tasks[1].status: nhiệm vụ doi-thoai: ghi 'Hoàn thành đúng hạn'"),
        err.strip(),
    )
