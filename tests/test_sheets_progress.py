"""The progress spreadsheet: pre-filled and protected; filled in, it gives the YAML's report."""

from __future__ import annotations

import io
import warnings
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from helpers.progress_sheet import LABELS, book_of, columns_of, fill, row_of
from kehoach import InputError, Plan, ProgressWarning, compose_report, load_plan, load_progress
from kehoach.render import Renderer
from kehoach.sheets.progress import progress_workbook_bytes
from report_data import PLAN, PROGRESS_6M, PROGRESS_YEAR


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN)


@pytest.fixture(scope="module")
def sheet_bytes(plan) -> bytes:
    return progress_workbook_bytes(plan)


def test_sheets_and_prefilled_rows(sheet_bytes, plan):
    """Targets and tasks of the plan, with id, text, unit, planned figure, quarter, lead."""
    book = book_of(sheet_bytes)
    assert book.sheetnames == ["Chỉ tiêu", "Nhiệm vụ", "Kinh phí", "Báo cáo", "kehoach"]
    targets = book["Chỉ tiêu"]
    cols = columns_of(targets)
    assert list(cols)[:5] == ["Mã chỉ tiêu", "Lĩnh vực", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch"]
    row = row_of(targets, "trang-mxh")
    assert targets.cell(row, cols["Kế hoạch"]).value == 16
    assert targets.cell(row, cols["Đơn vị tính"]).value == "trang tuyên truyền"
    assert targets.max_row - 1 == 11
    tasks = book["Nhiệm vụ"]
    tcols = columns_of(tasks)
    assert list(tcols)[:4] == ["Mã nhiệm vụ", "Quý", "Nhiệm vụ", "Đơn vị chủ trì"]
    row = row_of(tasks, "q1-dia-chi-lich-su-dang")
    assert tasks.cell(row, tcols["Quý"]).value == "I"
    assert "Hướng dẫn, đôn đốc 07 đơn vị" in tasks.cell(row, tcols["Nhiệm vụ"]).value
    assert tasks.max_row - 1 == 26
    budget = book["Kinh phí"]
    assert [budget.cell(r, 1).value for r in (2, 3)] == ["ngan-sach-thi-xa", "xa-hoi-hoa"]
    assert budget.cell(2, 3).value == 6145490000
    report = book["Báo cáo"]
    keys = [report.cell(r, 1).value for r in range(2, report.max_row + 1)]
    assert keys[:6] == [
        "period",
        "cutoff",
        "header.number",
        "header.date",
        "header.place",
        "summary",
    ]
    assert keys.count("results") == 12  # six objective areas, six solution areas


def test_ids_and_planned_figures_are_protected(sheet_bytes):
    """Sheets are protected; id and planned columns locked, input columns unlocked."""
    book = book_of(sheet_bytes)
    for name, locked, unlocked in (
        ("Chỉ tiêu", ("Mã chỉ tiêu", "Kế hoạch"), ("Thực hiện", "Ghi chú, giải trình")),
        ("Nhiệm vụ", ("Mã nhiệm vụ", "Quý"), ("Tình trạng", "Ngày hoàn thành")),
        ("Kinh phí", ("Mã nguồn", "Kinh phí theo kế hoạch (đồng)"), ("Đã sử dụng (đồng)",)),
    ):
        ws = book[name]
        assert ws.protection.sheet, name
        cols = columns_of(ws)
        for title in locked:
            assert ws.cell(2, cols[title]).protection.locked, (name, title)
        for title in unlocked:
            assert not ws.cell(2, cols[title]).protection.locked, (name, title)


def test_status_is_a_drop_down_of_the_vietnamese_labels(sheet_bytes):
    """The Tình trạng column has a list validation with the four labels."""
    ws = book_of(sheet_bytes)["Nhiệm vụ"]
    (status,) = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert str(status.sqref) == "F2:F27"
    assert status.formula1 == '"' + ",".join(LABELS.values()) + '"'
    validations = book_of(sheet_bytes)["Báo cáo"].data_validations.dataValidation
    period = next(v for v in validations if v.type == "list")
    assert "6 tháng đầu năm" in period.formula1 and str(period.sqref) == "C2"


def test_metadata_sheet_is_hidden_with_the_fingerprint(sheet_bytes):
    """The metadata sheet is hidden and records the layout and the plan's fingerprint."""
    ws = book_of(sheet_bytes)["kehoach"]
    assert ws.sheet_state == "hidden"
    meta = {row[0]: row[1] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert meta["layout"] == "progress" and len(meta["digest"]) == 64
    assert meta["item target:trang-mxh"] == "16 trang tuyên truyền"


def test_same_plan_same_bytes(plan, sheet_bytes):
    """The workbook is deterministic: the same plan gives the same bytes."""
    assert progress_workbook_bytes(plan) == sheet_bytes


# --------------------------------------------------------------------------- filled in


def _reported(progress) -> dict:
    """The progress data, without entries that report nothing (a YAML may list bare ids)."""
    data = progress.model_dump(exclude={"generated_from", "results"})
    for name in ("targets", "tasks"):
        data[name] = [e for e in data[name] if any(v for k, v in e.items() if k != "id")]
    return data


@pytest.mark.parametrize("example", [PROGRESS_6M, PROGRESS_YEAR], ids=["6m", "year"])
def test_filled_sheet_gives_the_same_report_as_the_yaml(plan, sheet_bytes, tmp_path, example):
    """A sheet filled with the YAML's data renders byte for byte the YAML's report."""
    progress = yaml.safe_load(example.read_text(encoding="utf-8"))
    sheet = fill(sheet_bytes, progress, tmp_path / "progress.xlsx")
    from_sheet = load_progress(sheet, plan=plan)
    from_yaml = load_progress(example, plan=plan)
    assert _reported(from_sheet) == _reported(from_yaml)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ProgressWarning)  # the plan did not change: no warning
        docx_sheet = Renderer().render_bytes(compose_report(plan, sheet))
    docx_yaml = Renderer().render_bytes(compose_report(plan, example))
    with zipfile.ZipFile(io.BytesIO(docx_sheet)) as a, zipfile.ZipFile(io.BytesIO(docx_yaml)) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")
    assert docx_sheet == docx_yaml


def _problem(path: Path):
    with pytest.raises(InputError) as info:
        load_progress(path)
    (problem,) = info.value.problems
    return problem


def _edited(sheet_bytes: bytes, tmp_path: Path, sheet: str, key: str, column: str, value) -> tuple:
    book = book_of(sheet_bytes)
    ws = book[sheet]
    row, col = row_of(ws, key), columns_of(ws)[column]
    ws.cell(row, col).value = value
    path = tmp_path / "edited.xlsx"
    book.save(path)
    return path, row, col


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-2, "phải lớn hơn hoặc bằng 0"),
        ("bốn", "'bốn' không phải là số"),
        ("4 cuộc", "không phải là số"),
    ],
)
def test_bad_quantity_names_sheet_row_and_column(sheet_bytes, tmp_path, value, message):
    """A negative or non-numeric quantity is an error at its sheet, row and column."""
    path, row, col = _edited(sheet_bytes, tmp_path, "Chỉ tiêu", "hn-boi-duong", "Thực hiện", value)
    problem = _problem(path)
    assert (problem.sheet, problem.line, problem.column) == ("Chỉ tiêu", row, col)
    assert message in problem.message_vi
    assert (
        problem.location("vi")
        == f"trang tính Chỉ tiêu, dòng {row}, cột 7, trường Thực hiện (G{row})"
    )


def test_bad_status_date_and_amount(sheet_bytes, tmp_path):
    """A status not in the list, a date that is not one, an amount that is not one: located."""
    path, row, col = _edited(sheet_bytes, tmp_path, "Nhiệm vụ", "q2-hoi-thi", "Tình trạng", "Xong")
    problem = _problem(path)
    assert (problem.sheet, problem.line, problem.column) == ("Nhiệm vụ", row, col)
    assert "'Xong' không phải tình trạng nhiệm vụ" in problem.message_vi
    path, row, col = _edited(
        sheet_bytes, tmp_path, "Nhiệm vụ", "q2-hoi-thi", "Ngày hoàn thành", "31/6/2022"
    )
    problem = _problem(path)
    assert (problem.sheet, problem.line, problem.column) == ("Nhiệm vụ", row, col)
    assert "ngày '31/6/2022' không có thật: tháng 6/2022 chỉ có 30 ngày" in problem.message_vi
    path, row, col = _edited(
        sheet_bytes, tmp_path, "Kinh phí", "xa-hoi-hoa", "Đã sử dụng (đồng)", "ba triệu"
    )
    problem = _problem(path)
    assert (problem.sheet, problem.line, problem.column) == ("Kinh phí", row, col)
    assert "không phải số tiền" in problem.message_vi


def test_a_two_digit_year_is_not_read_as_year_22(sheet_bytes, tmp_path):
    """30/6/22 typed as text is an error at its cell, not 30 June of the year 22."""
    path, row, col = _edited(
        sheet_bytes, tmp_path, "Nhiệm vụ", "q2-hoi-thi", "Ngày hoàn thành", "30/6/22"
    )
    problem = _problem(path)
    assert (problem.sheet, problem.line, problem.column) == ("Nhiệm vụ", row, col)
    assert "năm đủ 4 chữ số" in problem.message_vi


def test_unknown_id_in_the_sheet(plan, sheet_bytes, tmp_path):
    """An id typed over (after unprotecting) is an error at its cell, with the nearest id."""
    book = book_of(sheet_bytes)
    ws = book["Chỉ tiêu"]
    row = row_of(ws, "trang-mxh")
    ws.cell(row, 1).value = "trang-mxh2"
    ws.cell(row, columns_of(ws)["Thực hiện"]).value = 3
    path = tmp_path / "ids.xlsx"
    book.save(path)
    with pytest.raises(InputError) as info:
        load_progress(path, plan=plan)
    (problem,) = info.value.problems
    assert (problem.sheet, problem.line, problem.column) == ("Chỉ tiêu", row, 1)
    assert "gần nhất: trang-mxh" in problem.message_vi


def test_changed_plan_is_a_warning_listing_what_differs(sheet_bytes, tmp_path):
    """Filling a sheet made from another version of the plan warns with the differences."""
    changed = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    area = changed["content"]["objectives"]["areas"][5]["content"][1]
    area["targets"][0]["quantity"] = 4  # lop-tap-huan: 3 → 4
    changed["content"]["tasks"]["quarters"][3]["tasks"].pop()  # q4-tham-dinh-ban-thao removed
    progress = yaml.safe_load(PROGRESS_6M.read_text(encoding="utf-8"))
    progress["tasks"] = [t for t in progress["tasks"] if t["id"] != "q4-tham-dinh-ban-thao"]
    sheet = fill(sheet_bytes, progress, tmp_path / "progress.xlsx")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compose_report(load_plan(changed), sheet)
    (warning,) = [w.message for w in caught if isinstance(w.message, ProgressWarning)]
    text = warning.message("vi")
    assert text.startswith(f"{sheet}: kế hoạch đã thay đổi từ khi tạo bảng tính tiến độ:")
    assert "chỉ tiêu lop-tap-huan: đã sửa '3 lớp tập huấn' → '4 lớp tập huấn'" in text
    assert "nhiệm vụ q4-tham-dinh-ban-thao: đã bỏ khỏi kế hoạch" in text


def test_not_a_progress_sheet(tmp_path):
    """A workbook kehoach did not make, or a damaged file, is an InputError."""
    other = tmp_path / "other.xlsx"
    Workbook().save(other)
    assert "không phải bảng tính do kehoach xuất" in _problem(other).message_vi
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert "không đọc được tệp bảng tính" in _problem(broken).message_vi


def test_dates_and_decimals_as_typed(plan, sheet_bytes, tmp_path):
    """Dates typed as text (30/6/2022) and decimals with a comma (4,5) are read."""
    book = book_of(sheet_bytes)
    targets = book["Chỉ tiêu"]
    targets.cell(row_of(targets, "lop-tap-huan"), columns_of(targets)["Thực hiện"]).value = "1,5"
    report = book["Báo cáo"]
    report.cell(row_of(report, "period"), 3).value = "6 tháng đầu năm"
    report.cell(row_of(report, "cutoff"), 3).value = "30/6/2022"
    path = tmp_path / "typed.xlsx"
    book.save(path)
    progress = load_progress(path, plan=plan)
    assert str(progress.targets[0].achieved) == "1.5"
    assert (progress.period, progress.cutoff) == ("6m", date(2022, 6, 30))


def test_a_target_outside_the_areas_is_named_by_its_sentence():
    """A target of the content's intro gets the same label as in the report, not an empty one."""
    from plan_data import minimal_plan

    data = minimal_plan()
    target = {"id": "tl", "quantity": 95, "unit": "%"}
    data["content"]["intro"] = [{"text": "Phấn đấu {tl} đảng viên học tập.", "targets": [target]}]
    book = book_of(progress_workbook_bytes(load_plan(data)))
    targets = book["Chỉ tiêu"]
    cols = columns_of(targets)
    row = row_of(targets, "tl")
    assert targets.cell(row, cols["Chỉ tiêu"]).value == "Phấn đấu 95% đảng viên học tập"
    assert targets.cell(row, cols["Lĩnh vực"]).value is None


def test_a_task_of_a_version_2_plan_shows_its_time_as_written():
    """The "Thời hạn" cell of a task-table task holds its ``when`` ("Quý II/2027"), not nothing."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    book = book_of(progress_workbook_bytes(load_plan(examples / "dan-van-xa-2027.yaml")))
    tasks = book["Nhiệm vụ"]
    cols = columns_of(tasks)
    assert tasks.cell(row_of(tasks, "doi-thoai"), cols["Thời hạn"]).value == "Quý II/2027"
    assert tasks.cell(row_of(tasks, "dan-van-kheo"), cols["Thời hạn"]).value == "Thường xuyên"


_ODD_CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 1, 1)),
    st.sampled_from(
        ["", " ", "4,5", "1.250", "30/6/22", "31/02/2022", "#REF!", "=1+1", "x" * 5000]
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Chỉ tiêu", "Nhiệm vụ", "Kinh phí", "Báo cáo"]),
            st.integers(2, 12),
            st.integers(1, 8),
            _ODD_CELLS,
        ),
        max_size=4,
    )
)
def test_odd_cells_give_progress_or_located_problems(plan, sheet_bytes, tmp_path_factory, edits):
    """Whatever is typed into the sheet, it reads back as progress or as problems with a place."""
    book = book_of(sheet_bytes)
    for title, row, column, value in edits:
        book[title].cell(row, column).value = value
    path = tmp_path_factory.mktemp("odd") / "odd.xlsx"
    book.save(path)
    try:
        load_progress(path, plan=plan)
    except InputError as error:
        assert all(p.message_vi and p.message_vi != p.message_en for p in error.problems)


def test_a_number_in_a_date_cell_is_one_worded_problem(sheet_bytes, tmp_path):
    """A huge number in a date cell gives a located problem and no English library warning."""
    path, row, col = _edited(
        sheet_bytes, tmp_path, "Nhiệm vụ", "q2-hoi-thi", "Ngày hoàn thành", 10**12
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        problem = _problem(path)
    assert (problem.sheet, problem.line, problem.column) == ("Nhiệm vụ", row, col)


def test_last_years_sheet_is_refused(plan, tmp_path):
    """A sheet made from the 2021 plan (same ids: they are stable) does not report on 2022."""
    data = plan.model_dump()
    data["year"] = 2021
    data["header"]["date"] = {"year": 2021, "month": 1}
    path = tmp_path / "2021.xlsx"
    path.write_bytes(progress_workbook_bytes(Plan.model_validate(data)))
    problem = _problem_with_plan(path, plan)
    assert "kế hoạch năm 2021" in problem.message_vi and "năm 2022" in problem.message_vi


def _problem_with_plan(path: Path, plan):
    with pytest.raises(InputError) as info:
        load_progress(path, plan=plan)
    (problem,) = info.value.problems
    return problem


def test_figures_without_an_id_are_not_dropped(sheet_bytes, tmp_path):
    """A status filled in on a row whose id cell was cleared is an error, not lost silently."""
    book = book_of(sheet_bytes)
    ws = book["Nhiệm vụ"]
    row = row_of(ws, "q2-hoi-thi")
    ws.cell(row, columns_of(ws)["Tình trạng"]).value = LABELS["done_on_time"]
    ws.cell(row, 1).value = None
    path = tmp_path / "no-id.xlsx"
    book.save(path)
    problem = _problem(path)
    assert (problem.sheet, problem.line, problem.column) == ("Nhiệm vụ", row, 1)
    assert "không có mã nhiệm vụ" in problem.message_vi
