"""Workbooks: bounded before openpyxl reads them, no silent loss, no formula injection.

Issue 18 items 2, 5, 7 and 11; the limits are those of docs/limits.md.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpers.progress_sheet import book_of, columns_of, row_of
from kehoach import InputError, load_plan, load_progress
from kehoach.cli import main
from kehoach.sheets.plan import plan_sheet_bytes, read_plan_sheet
from kehoach.sheets.plan_layout import TASKS
from kehoach.sheets.progress import progress_workbook_bytes
from kehoach.sheets.workbook_read import restored
from kehoach.sheets.workbook_write import neutralized
from plan_data import minimal_plan
from report_data import PLAN

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_BOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main"><sheetData>'
)


def _workbook(path: Path, rows, *, prolog: str = "", tail: str = "") -> Path:
    """A minimal .xlsx whose one sheet holds ``rows`` (an iterable of row XML strings)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("xl/workbook.xml", _BOOK)
        package.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write((prolog + _SHEET_START).encode())
            batch: list[str] = []
            for row in rows:
                batch.append(row)
                if len(batch) == 10_000:
                    sheet.write("".join(batch).encode())
                    batch.clear()
            sheet.write("".join(batch).encode())
            sheet.write(f"</sheetData>{tail}</worksheet>".encode())
    return path


def _row(number: int) -> str:
    return f'<row r="{number}"><c r="A{number}"><v>1</v></c></row>'


def _refused(capsys, path: Path) -> str:
    code = main(["report", str(PLAN), str(path), "-o", str(path.with_suffix(".docx"))])
    err = capsys.readouterr().err
    assert code == 2 and "lỗi nội bộ" not in err and "Traceback" not in err
    assert not path.with_suffix(".docx").exists()
    return err


def test_a_sheet_of_a_million_rows_is_refused_with_one_message(capsys, tmp_path):
    """1,048,000 rows: refused while streaming, one message, no million error lines (item 2)."""
    path = _workbook(tmp_path / "rows.xlsx", (_row(n) for n in range(1, 1_048_001)))
    err = _refused(capsys, path)
    assert err.count("\n") == 1 and "quá nhiều dòng" in err and "Chỉ tiêu" in err


def test_one_cell_far_down_counts_as_that_many_rows(capsys, tmp_path):
    """A single cell at row 1,000,000 is refused: openpyxl would walk every row above it."""
    path = _workbook(tmp_path / "far.xlsx", [_row(1_000_000)])
    assert "quá nhiều dòng" in _refused(capsys, path)


def test_too_many_columns_and_huge_merged_ranges(capsys, tmp_path):
    """A cell in column XFD, or a merged range over a whole sheet, is refused."""
    path = _workbook(tmp_path / "wide.xlsx", ['<row r="1"><c r="XFD1"><v>1</v></c></row>'])
    assert "quá nhiều cột" in _refused(capsys, path)
    path = _workbook(
        tmp_path / "merged.xlsx",
        [_row(1)],
        tail='<mergeCells count="1"><mergeCell ref="A1:Z9000"/></mergeCells>',
    )
    assert "quá nhiều ô" in _refused(capsys, path)


def test_an_expanding_member_is_refused(capsys, tmp_path):
    """A member that expands a thousand times (a zip bomb) is refused from the directory."""
    path = _workbook(tmp_path / "bomb.xlsx", [_row(1)])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/sharedStrings.xml", b" " * (64 * 1024 * 1024))
    assert "bom zip" in _refused(capsys, path)


def test_a_dtd_entity_is_refused_as_a_user_error(capsys, tmp_path):
    """A workbook declaring a DTD entity: refused with a message, not "lỗi nội bộ" (item 7)."""
    prolog = '<!DOCTYPE x [<!ENTITY e "aaaaaaaaaa">]>'
    path = _workbook(tmp_path / "dtd.xlsx", [_row(1)], prolog=prolog)
    assert "DTD" in _refused(capsys, path)


def test_a_damaged_workbook_is_a_user_error(capsys, tmp_path):
    """Truncated compressed data in a workbook: refused, worded, no internal error (item 7)."""
    path = _workbook(tmp_path / "ok.xlsx", (_row(n) for n in range(1, 200)))
    data = bytearray(path.read_bytes())
    data[200:260] = b"\x00" * 60
    path.write_bytes(bytes(data))
    _refused(capsys, path)


def test_many_wrong_rows_print_fifty_and_a_count(capsys, monkeypatch):
    """Thousands of problems: the first 50 are printed, then "… và N lỗi khác"."""
    import kehoach.cli.plan_commands as commands
    from kehoach.errors import Problem

    def failing(args, ctx):
        raise InputError("x.xlsx", [Problem("", "sai", "wrong", line=n) for n in range(2_050)])

    monkeypatch.setattr(commands, "run_validate", failing)
    assert main(["validate", "x"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 51 and lines[-1] == "Lỗi: … và 2.000 lỗi khác"


# --- no silent loss (item 5) ------------------------------------------------------------------


def test_a_cleared_task_text_is_an_error_at_its_cell():
    """A task text cell left empty is named by sheet, row and column, not imported as ''."""
    plan = load_plan(PLAN)
    book = load_workbook(io.BytesIO(plan_sheet_bytes(plan)))
    ws = book[TASKS]
    cols = columns_of(ws)
    row = 3
    ws.cell(row, cols["Nội dung nhiệm vụ"]).value = None
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(InputError) as caught:
        read_plan_sheet(out.getvalue(), plan)
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.line, problem.column) == (
        TASKS,
        row,
        cols["Nội dung nhiệm vụ"],
    )
    assert "bắt buộc" in problem.message_vi


def test_a_formula_without_a_value_is_named_not_read_as_unreported(tmp_path):
    """ "=1+1" saved without a computed value in "Thực hiện" is an error, not "chưa báo cáo"."""
    plan = load_plan(PLAN)
    book = book_of(progress_workbook_bytes(plan))
    ws = book["Chỉ tiêu"]
    row, col = row_of(ws, "hn-boi-duong"), columns_of(ws)["Thực hiện"]
    ws.cell(row, col).value = "=1+1"  # openpyxl saves formulas without a cached value
    path = tmp_path / "formula.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_progress(path)
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.line, problem.column) == ("Chỉ tiêu", row, col)
    assert "=1+1" in problem.message_vi and "chưa có giá trị" in problem.message_vi


# --- formula injection (item 11) ---------------------------------------------------------------

_FORMULA_LIKE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "'=x", "''x"]


@pytest.mark.parametrize("text", _FORMULA_LIKE)
def test_formula_like_text_is_neutralised_and_read_back_unchanged(text):
    """Text starting with = + - @ gets a leading ' in the cell; it reads back as written."""
    data = minimal_plan()
    data["content"]["tasks"]["quarters"][0]["tasks"][0]["text"] = text
    from kehoach import Plan

    plan = Plan.model_validate(data)
    sheet = plan_sheet_bytes(plan)
    assert read_plan_sheet(sheet, plan) == plan
    book = load_workbook(io.BytesIO(sheet))
    ws = book[TASKS]
    text_column = [c.value for c in ws[1]].index("Nội dung nhiệm vụ")
    cell = next(r[text_column] for r in ws.iter_rows(min_row=2) if r[0].value == "q1-a")
    assert cell.data_type == "s" and cell.value.startswith("'")
    saved = io.StringIO()
    csv.writer(saved).writerow([cell.value])  # what a CSV re-save carries
    assert not saved.getvalue().lstrip('"').startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("text", ["\tx", "\rx", "=x", "'=x", "''", "'", "'a", "a=b", ""])
def test_neutralised_cells_restore_exactly(text):
    """Every text, tab and CR starts included, comes back exactly after the cell escape."""
    assert restored(neutralized(text)) == text
    assert neutralized(text)[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_sheets_of_any_plan_the_loader_accepts_are_within_the_sheet_limits(tmp_path):
    """Writers stay within the readers' limits: a task takes at least 3 values of a plan
    (mapping, id, text), so the largest plan has fewer rows and cells than a sheet may;
    a plan of 500 tasks round-trips through both workbooks."""
    from kehoach import Plan, export_plan_sheet, export_progress_sheet, import_plan_sheet, to_yaml
    from kehoach.input_limits import MAX_VALUES
    from kehoach.sheets.plan_layout import TASK_COLUMNS
    from kehoach.sheets.workbook_limits import MAX_CELLS, MAX_ROWS

    most_tasks = MAX_VALUES // 3
    assert most_tasks + 1 <= MAX_ROWS and (most_tasks + 1) * len(TASK_COLUMNS) <= MAX_CELLS
    data = minimal_plan()
    data["content"]["tasks"]["quarters"][0]["tasks"] = [
        {"id": f"t{i}", "text": f"Nhiệm vụ {i}"} for i in range(500)
    ]
    path = tmp_path / "big.yaml"
    path.write_text(to_yaml(Plan.model_validate(data)), encoding="utf-8")
    plan = load_plan(path)
    sheet, progress = tmp_path / "big.xlsx", tmp_path / "progress.xlsx"
    export_plan_sheet(plan, sheet)
    assert import_plan_sheet(sheet, plan) == plan
    export_progress_sheet(plan, progress)
    load_progress(progress)
