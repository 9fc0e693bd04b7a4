"""Plans as spreadsheets: plan → .xlsx → plan is lossless; edits come back; bad sheets are named."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kehoach
from kehoach.cli import main
from kehoach.model import Plan, iter_targets, iter_tasks, task_quarter
from kehoach.sheets.plan import (
    BUDGET,
    LINES,
    SOURCES,
    TARGETS,
    TASKS,
    plan_sheet_bytes,
    read_plan_sheet,
)
from plan_data import minimal_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"


@pytest.fixture(scope="module")
def sapa() -> Plan:
    """The Sa Pa 2022 plan."""
    return kehoach.load_plan(EXAMPLE)


@pytest.fixture(scope="module")
def sapa_sheet(sapa: Plan) -> bytes:
    """Its exported workbook."""
    return plan_sheet_bytes(sapa)


def _edit(data: bytes, change: Any) -> bytes:
    """The workbook after ``change(book)``, saved as a person's spreadsheet program would."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _messages(data: bytes, plan: Plan) -> list[str]:
    with pytest.raises(kehoach.InputError) as error:
        read_plan_sheet(data, plan)
    return error.value.messages("vi")


def _rich_plan() -> Plan:
    """A plan with Vietnamese text, empty optional cells, dates, lists and huge amounts."""
    data = minimal_plan()
    tasks = data["content"]["tasks"]["quarters"]
    tasks[0]["tasks"].append(
        {
            "id": "q1-b",
            "text": "=SUM(A1) “Gương người tốt” – 100% xã, phường *(có kế hoạch riêng)*",
            "count": 0,
            "unit": "",
            "lead": "Ban Tuyên giáo",
            "support": ["Thị đoàn", "Hội Nông dân; Hội Phụ nữ", ""],
            "due": "2022-06-30",
            "recurring": False,
        }
    )
    tasks[1]["tasks"][0]["recurring"] = True
    huge = 12_345_678_901_234_567  # more digits than a spreadsheet number keeps
    data["budget"] = {
        "total": huge,
        "sources": [
            {"id": "ns", "name": "Ngân sách", "amount": huge - 6_505_490_000},
            {"name": "Xã hội hoá", "amount": 6_505_490_000},
        ],
        "year_amount": 1_750_060_000,
        "lines": [
            {"id": "l1", "name": "Hội nghị", "amount": huge - 1, "source": "ns", "note": "Ghi chú"},
            {"name": "In tài liệu", "amount": 1},
        ],
    }
    return Plan.model_validate(data)


def test_example_round_trip_is_lossless(sapa: Plan, sapa_sheet: bytes):
    """The Sa Pa plan → workbook → plan gives back an equal plan."""
    assert read_plan_sheet(sapa_sheet, sapa) == sapa


def test_same_plan_same_bytes(sapa: Plan, sapa_sheet: bytes):
    """Exporting twice gives the same bytes (fixed dates and ZIP timestamps)."""
    assert plan_sheet_bytes(sapa) == sapa_sheet
    archive = zipfile.ZipFile(io.BytesIO(sapa_sheet))
    assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2  # created and modified, not the clock


def test_vietnamese_empty_cells_and_huge_amounts_round_trip():
    """Vietnamese text, empty and "" cells, lists, dates, 17-digit amounts come back equal."""
    plan = _rich_plan()
    data = plan_sheet_bytes(plan)
    assert read_plan_sheet(data, plan) == plan
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book[SOURCES]["C2"].value == "12.345.672.395.744.567"  # text, not a rounded float
    assert book[SOURCES]["C3"].value == 6_505_490_000
    row = next(r for r in book[TASKS].iter_rows(min_row=2) if r[0].value == "q1-b")
    assert row[3].value.startswith("'=SUM(A1)") and row[3].data_type == "s"  # not a formula
    assert row[7].value == "Thị đoàn\nHội Nông dân; Hội Phụ nữ\n"
    assert row[10].value == datetime(2022, 6, 30)


def test_layout_sheets_ids_locked(sapa_sheet: bytes):
    """Every sheet has its header row; ids are locked, values editable, sheets protected."""
    book = openpyxl.load_workbook(io.BytesIO(sapa_sheet))
    assert book.sheetnames == [TARGETS, TASKS, BUDGET, SOURCES, LINES, "kehoach"]
    tasks = book[TASKS]
    assert [c.value for c in tasks[1]][:4] == [
        "Mã nhiệm vụ",
        "Vị trí trong kế hoạch (chỉ để xem)",
        "Quý",
        "Nội dung nhiệm vụ",
    ]
    assert tasks.protection.sheet
    assert tasks["A2"].protection.locked and tasks["B2"].protection.locked
    assert not tasks["D2"].protection.locked
    assert tasks["A2"].value == "q1-ban-hanh-chuong-trinh" and tasks["C2"].value == 1
    assert tasks["B2"].value == "Nhiệm vụ cụ thể › Quý I"
    meta = {r[0]: r[1] for r in book["kehoach"].iter_rows(min_row=2, values_only=True)}
    assert meta["layout"] == "kehoach-plan" and meta["version"] == 2
    assert meta["plan_year"] == 2022


def test_edits_come_back(sapa: Plan, sapa_sheet: bytes):
    """Edited quantities, texts, quarters, units, dates, flags and budget rows are read back."""

    def change(book: openpyxl.Workbook) -> None:
        book[TARGETS]["C2"] = 7  # hn-quan-triet
        tasks = book[TASKS]
        tasks["C2"] = 2  # q1-ban-hanh-chuong-trinh moves to quarter II
        tasks["D3"] = "Hướng dẫn, đôn đốc {count} đơn vị biên soạn lịch sử Đảng bộ năm 2023."
        tasks["E3"] = 5
        tasks["G3"] = "Ban Tuyên giáo Thị ủy"
        tasks["H3"] = "Thị đoàn\nHội Nông dân thị xã"
        tasks["K3"] = datetime(2022, 9, 30)
        tasks["L3"] = "có"
        book[BUDGET]["B3"] = "2.000.000.000"
        book[LINES].append([None, "Hội nghị quán triệt", 6_505_490_000, "ngan-sach-thi-xa", None])

    plan = read_plan_sheet(_edit(sapa_sheet, change), sapa)
    assert next(t for t in iter_targets(plan) if t.id == "hn-quan-triet").quantity == 7
    assert task_quarter(plan)["q1-ban-hanh-chuong-trinh"] == 2
    task = next(t for t in iter_tasks(plan) if t.id == "q1-dia-chi-lich-su-dang")
    assert (task.count, task.lead, task.support) == (
        5,
        "Ban Tuyên giáo Thị ủy",
        ["Thị đoàn", "Hội Nông dân thị xã"],
    )
    assert task.due == date(2022, 9, 30) and task.recurring is True
    assert plan.budget is not None and plan.budget.year_amount == 2_000_000_000
    [line] = plan.budget.lines
    assert (line.id, line.amount, line.source) == (None, 6_505_490_000, "ngan-sach-thi-xa")
    untouched = {t.id: t for t in iter_tasks(sapa)}
    for other in iter_tasks(plan):
        if other.id not in ("q1-dia-chi-lich-su-dang",):
            assert other == untouched[other.id]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda b: b[TASKS].move_range("D1:D40", cols=10),
            "cột D phải có tiêu đề 'Nội dung nhiệm vụ' nhưng là ''",
            id="moved-column",
        ),
        pytest.param(
            lambda b: b[TARGETS].__setitem__("D1", "Đơn vị"),
            "trang tính Chỉ tiêu, dòng 1, cột 4, trường Đơn vị tính: cột D phải có tiêu đề "
            "'Đơn vị tính' nhưng là 'Đơn vị'",
            id="renamed-column",
        ),
        pytest.param(
            lambda b: b[TASKS].__setitem__("A4", "q1-hn-quan-triet-2"),
            "trang tính Nhiệm vụ, dòng 4, cột 1: dòng 4: mã nhiệm vụ 'q1-hn-quan-triet-2' "
            "không có trong kế hoạch; cột mã được khoá",
            id="edited-id",
        ),
        pytest.param(
            lambda b: b[TARGETS].delete_rows(3),
            "trang tính Chỉ tiêu: thiếu dòng của chỉ tiêu 'hn-boi-duong'",
            id="deleted-row",
        ),
        pytest.param(
            lambda b: b[TASKS].__setitem__("A3", "q1-ban-hanh-chuong-trinh"),
            "mã nhiệm vụ 'q1-ban-hanh-chuong-trinh' ghi hai lần (dòng 2 và dòng 3)",
            id="duplicate-id",
        ),
        pytest.param(
            lambda b: b[TARGETS].__setitem__("C5", "năm"),
            "trang tính Chỉ tiêu, dòng 5, cột 3, trường Số lượng: 'năm' không phải số nguyên",
            id="bad-number",
        ),
        pytest.param(
            lambda b: b[TASKS].__setitem__("C6", 5),
            "trang tính Nhiệm vụ, dòng 6, cột 3, trường Quý: quý phải là 1, 2, 3 hoặc 4",
            id="bad-quarter",
        ),
        pytest.param(
            lambda b: b[TASKS].__setitem__("D6", "Tổ chức {hoi-nghi} học tập"),
            "trang tính Nhiệm vụ, dòng 6, cột 4, trường Nội dung nhiệm vụ: {hoi-nghi} trong "
            "nội dung không phải mã chỉ tiêu nào",
            id="unknown-placeholder",
        ),
        pytest.param(
            lambda b: b[SOURCES].__setitem__("C2", 1),
            "trang tính Kinh phí, trường budget: các nguồn kinh phí cộng lại",
            id="budget-does-not-add-up",
        ),
        pytest.param(
            lambda b: b[TASKS].__setitem__("K2", "31/02/2022"),
            "trang tính Nhiệm vụ, dòng 2, cột 11, trường Thời hạn: ngày '31/02/2022' không có thật",
            id="bad-date",
        ),
        pytest.param(
            lambda b: b.remove(b[SOURCES]),
            "trang tính Nguồn kinh phí: thiếu trang tính 'Nguồn kinh phí'",
            id="missing-sheet",
        ),
        pytest.param(
            lambda b: b["kehoach"].__setitem__("B3", 3),
            "bảng tính dạng phiên bản 3, kehoach này đọc phiên bản 2",
            id="layout-version",
        ),
        pytest.param(
            lambda b: b.remove(b["kehoach"]),
            "không phải bảng tính do kehoach xuất",
            id="not-a-kehoach-sheet",
        ),
        pytest.param(
            lambda b: b["kehoach"].__setitem__("B4", 2021),
            "bảng tính xuất từ kế hoạch năm 2021, kế hoạch là năm 2022",
            id="another-plan-year",
        ),
    ],
)
def test_bad_sheets_are_named(sapa: Plan, sapa_sheet: bytes, change: Any, expected: str):
    """Each problem names its sheet, and its row and column where it has one (in Vietnamese)."""
    messages = _messages(_edit(sapa_sheet, change), sapa)
    assert any(expected in m for m in messages), messages


def test_not_a_workbook(sapa: Plan, tmp_path: Path):
    """A file that is not .xlsx is an input error, not a traceback."""
    bad = tmp_path / "plan.xlsx"
    bad.write_text("không phải bảng tính", encoding="utf-8")
    assert "không đọc được tệp bảng tính .xlsx" in _messages(bad, sapa)[0]  # type: ignore[arg-type]


# --- property: any plan's targets, tasks and budget survive the round trip ---------------

_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩịúùủũụýỳỷỹỵ"
    "ĐƯƠÂÊ =+-*/.,;:'\"“”()[]%&<>\n\t0123456789😀"
)
TEXT = st.text(alphabet=st.sampled_from(list(_LETTERS)), max_size=25)
OPTIONAL_TEXT = st.none() | TEXT
MONEY = st.integers(min_value=0, max_value=10**18)


@st.composite
def plans(draw: Any) -> Plan:
    """Valid plans with generated targets, tasks and budget sources and lines."""
    ids = iter(
        draw(
            st.lists(
                st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True),
                min_size=40,
                max_size=40,
                unique=True,
            )
        )
    )
    data = minimal_plan()
    targets = [
        {
            "id": next(ids),
            "quantity": draw(st.integers(min_value=0, max_value=10**9)),
            "unit": draw(TEXT),
            "qualifier": draw(OPTIONAL_TEXT),
            "label": draw(OPTIONAL_TEXT),
        }
        for _ in range(draw(st.integers(min_value=0, max_value=4)))
    ]
    bullet = " ".join(f"{{{t['id']}}}" for t in targets) + " " + draw(TEXT).replace("\\", "")
    data["content"]["objectives"]["areas"][0]["content"] = [{"bullet": bullet, "targets": targets}]
    quarters = []
    for number in sorted(draw(st.sets(st.integers(min_value=1, max_value=4)))):
        tasks = []
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            tasks.append(
                {
                    "id": next(ids),
                    "text": draw(TEXT) + draw(st.sampled_from(["", " {count}"])),
                    "count": draw(st.none() | st.integers(min_value=0, max_value=10**6)),
                    "unit": draw(OPTIONAL_TEXT),
                    "lead": draw(OPTIONAL_TEXT),
                    "support": draw(st.lists(TEXT, max_size=3)),
                    "due": draw(st.none() | st.dates(date(2000, 1, 1), date(2100, 12, 31))),
                    "recurring": draw(st.none() | st.booleans()),
                }
            )
        quarters.append({"quarter": number, "tasks": tasks})
    data["content"]["tasks"] = {"quarters": quarters}
    source_ids = [draw(st.none() | st.just(next(ids))) for _ in range(draw(st.integers(1, 3)))]
    line_amounts = draw(st.lists(MONEY, max_size=4))
    source_amounts = draw(st.lists(MONEY, min_size=len(source_ids), max_size=len(source_ids)))
    total = sum(line_amounts) if line_amounts else sum(source_amounts)
    rest = total - sum(source_amounts[:-1])
    if rest < 0:
        source_amounts = [0] * (len(source_ids) - 1) + [total]
    else:
        source_amounts[-1] = rest
    known = [s for s in source_ids if s]
    data["budget"] = {
        "total": total,
        "year_amount": draw(st.none() | st.integers(min_value=0, max_value=total)),
        "sources": [
            {"id": sid, "name": draw(TEXT), "amount": amount}
            for sid, amount in zip(source_ids, source_amounts, strict=True)
        ],
        "lines": [
            {
                "id": draw(st.none() | st.just(next(ids))),
                "name": draw(TEXT),
                "amount": amount,
                "source": draw(st.none() | st.sampled_from(known)) if known else None,
                "note": draw(OPTIONAL_TEXT),
            }
            for amount in line_amounts
        ],
    }
    return Plan.model_validate(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_round_trips(plan: Plan):
    """plan → sheet → plan is the identity for generated targets, tasks and budget lines."""
    assert read_plan_sheet(plan_sheet_bytes(plan), plan) == plan


# --- the commands --------------------------------------------------------------------------


def test_cli_export_import_round_trip(capsys, tmp_path: Path):
    """export-sheet then import-sheet gives a plan file equal to the original plan."""
    sheet, out = tmp_path / "plan.xlsx", tmp_path / "plan2.yaml"
    assert main(["export-sheet", str(EXAMPLE), "-o", str(sheet)]) == 0
    assert main(["import-sheet", str(sheet), "--plan", str(EXAMPLE), "-o", str(out)]) == 0
    assert kehoach.load_plan(out) == kehoach.load_plan(EXAMPLE)
    stdout = capsys.readouterr().out
    assert f"Đã tạo {sheet}" in stdout and f"Đã tạo {out}" in stdout


def test_cli_no_overwrite_and_located_errors(capsys, tmp_path: Path, sapa_sheet: bytes):
    """Existing files need --force; a bad sheet exits 2 naming sheet and row, no traceback."""
    sheet = tmp_path / "plan.xlsx"
    sheet.write_bytes(b"old")
    assert main(["export-sheet", str(EXAMPLE), "-o", str(sheet)]) == 2
    assert sheet.read_bytes() == b"old" and "dùng --force" in capsys.readouterr().err
    sheet.write_bytes(_edit(sapa_sheet, lambda b: b[TASKS].__setitem__("A2", "sua-ma")))
    out = tmp_path / "plan2.yaml"
    code = main(["import-sheet", str(sheet), "--plan", str(EXAMPLE), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "trang tính Nhiệm vụ, dòng 2" in err and "Traceback" not in err
    assert not out.exists()
