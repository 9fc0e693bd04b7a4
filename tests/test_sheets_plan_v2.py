"""The plan sheet on version 2 plans: tasks of tasks blocks (task table, phases) and budget
blocks go out to Excel and come back, comments of the YAML file kept.

Counts and values are taken from the YAML files with PyYAML, independently of kehoach;
the round trips go through the command line, as staff run them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

import kehoach
from kehoach.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DAN_VAN = EXAMPLES / "dan-van-xa-2027.yaml"
KHOA_GIAO = EXAMPLES / "khoa-giao-2027-theo-dot.yaml"
V2 = ["dan-van-xa-2027", "khoa-giao-2027-theo-dot", "chuong-trinh-2026-2030"]


def _tasks_in_yaml(data: Any) -> list[dict[str, Any]]:
    """Every task mapping of raw YAML (a mapping with id and text under a `tasks` list)."""
    found: list[dict[str, Any]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "tasks" and isinstance(value, list):
                found += [t for t in value if isinstance(t, dict) and "text" in t]
            found += _tasks_in_yaml(value)
    elif isinstance(data, list):
        for value in data:
            found += _tasks_in_yaml(value)
    return found


def _rows(sheet: Path, title: str) -> list[dict[str, Any]]:
    ws = load_workbook(sheet)[title]
    header = [c.value for c in ws[1]]
    return [dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=2, values_only=True)]


def _export(tmp_path: Path, plan: Path) -> Path:
    sheet = tmp_path / "ke-hoach.xlsx"
    assert main(["export-sheet", str(plan), "-o", str(sheet)]) == 0
    return sheet


def _set(sheet: Path, task_id: str, values: dict[str, Any], title: str = "Nhiệm vụ") -> int:
    """Type ``values`` (by column header) into the row of ``task_id``; its row number."""
    book = load_workbook(sheet)
    ws = book[title]
    header = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == task_id)
    for name, value in values.items():
        ws.cell(row, header.index(name) + 1).value = value
    book.save(sheet)
    return row


def _import(tmp_path: Path, sheet: Path, plan: Path, capsys) -> tuple[int, str, Path]:
    out = tmp_path / "ke-hoach-moi.yaml"
    code = main(["import-sheet", str(sheet), "--plan", str(plan), "-o", str(out)])
    return code, capsys.readouterr().err, out


@pytest.mark.parametrize("name", V2)
def test_every_v2_task_is_listed_as_written(tmp_path: Path, name: str) -> None:
    """Each task of the YAML has its row, with its time, lead, support and result as written."""
    plan = EXAMPLES / f"{name}.yaml"
    tasks = _tasks_in_yaml(yaml.safe_load(plan.read_text(encoding="utf-8")))
    assert tasks
    rows = {r["Mã nhiệm vụ"]: r for r in _rows(_export(tmp_path, plan), "Nhiệm vụ")}
    assert list(rows) == [t["id"] for t in tasks]
    for task in tasks:
        row = rows[task["id"]]
        support = task.get("support")
        support = [support] if isinstance(support, str) else support
        assert row["Thời gian (như viết trong kế hoạch)"] == task.get("when")
        assert row["Chủ trì"] == task.get("lead")
        assert row["Phối hợp (mỗi đơn vị một dòng)"] == ("\n".join(support) if support else None)
        assert row["Kết quả, sản phẩm"] == task.get("result")


@pytest.mark.parametrize("name", [*V2, "sapa-2022-tuyen-giao"])
def test_untouched_sheet_gives_the_file_back(tmp_path: Path, name: str, capsys) -> None:
    """Exported and imported untouched, the plan file comes back as it was, comments and
    all, under the line import-sheet adds."""
    plan = EXAMPLES / f"{name}.yaml"
    code, err, out = _import(tmp_path, _export(tmp_path, plan), plan, capsys)
    assert code == 0, err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert (
        lines[0].startswith("# Kế hoạch")
        and lines[2:] == plan.read_text(encoding="utf-8").splitlines()
    )


def test_task_table_edits_come_back_with_comments(tmp_path: Path, capsys) -> None:
    """Time, result, lead and support edited in the sheet reach the task table; the other
    tasks and the file's comments stay as written."""
    sheet = _export(tmp_path, DAN_VAN)
    _set(
        sheet,
        "doi-thoai",
        {
            "Thời gian (như viết trong kế hoạch)": "Quý III/2027",
            "Kết quả, sản phẩm": "Biên bản và báo cáo đối thoại",
            "Chủ trì": "Thường trực Đảng ủy",
            "Phối hợp (mỗi đơn vị một dòng)": "Ủy ban MTTQ xã",
        },
    )
    code, err, out = _import(tmp_path, sheet, DAN_VAN, capsys)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "# The tasks in one table; the columns come from the fields the tasks use." in text
    assert "# A budget clause without amounts." in text
    tasks = {t["id"]: t for t in _tasks_in_yaml(yaml.safe_load(text))}
    assert tasks["doi-thoai"] == {
        "id": "doi-thoai",
        "text": "Tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
        "lead": "Thường trực Đảng ủy",
        "support": ["Ủy ban MTTQ xã"],
        "when": "Quý III/2027",
        "result": "Biên bản và báo cáo đối thoại",
    }
    before = {t["id"]: t for t in _tasks_in_yaml(yaml.safe_load(DAN_VAN.read_text("utf-8")))}
    assert {k: v for k, v in tasks.items() if k != "doi-thoai"} == {
        k: v for k, v in before.items() if k != "doi-thoai"
    }
    assert kehoach.model.task_quarter(kehoach.load_plan(out))["doi-thoai"] == 3


def test_phase_tasks_name_their_phase_and_keep_their_place(tmp_path: Path, capsys) -> None:
    """Tasks grouped by phase show the phase; a quarter typed for one is refused at its
    cell (move it in the YAML file), exit 2, no file written."""
    sheet = _export(tmp_path, KHOA_GIAO)
    rows = {r["Mã nhiệm vụ"]: r for r in _rows(sheet, "Nhiệm vụ")}
    assert rows["noi-chuyen-dot-1"]["Vị trí trong kế hoạch (chỉ để xem)"] == (
        "Nội dung và thời gian thực hiện › Đợt 1: Từ tháng 02 đến tháng 4/2027"
    )
    row = _set(sheet, "noi-chuyen-dot-1", {"Quý": 3})
    code, err, out = _import(tmp_path, sheet, KHOA_GIAO, capsys)
    assert code == 2 and not out.exists()
    assert f"trang tính Nhiệm vụ, dòng {row}, cột 3, trường Quý: chỉ đổi được quý" in err
    assert "chuyển nó trong tệp YAML" in err


def test_impossible_time_typed_in_the_sheet_is_named_at_its_cell(tmp_path: Path, capsys) -> None:
    """ "31/04/2027" typed as a task's time: the cell, and why (April has 30 days)."""
    sheet = _export(tmp_path, DAN_VAN)
    row = _set(sheet, "so-ket-quy-che", {"Thời gian (như viết trong kế hoạch)": "31/04/2027"})
    code, err, _ = _import(tmp_path, sheet, DAN_VAN, capsys)
    assert code == 2
    assert (
        f"trang tính Nhiệm vụ, dòng {row}, cột 9, trường Thời gian (như viết trong kế hoạch): "
        "'31/04/2027' không có thật: tháng 4/2027 chỉ có 30 ngày"
    ) in err


def test_budget_block_amounts_come_back(tmp_path: Path, capsys) -> None:
    """The dân vận budget block (a clause, no amount) takes a total typed in the sheet; the
    clause stays."""
    sheet = _export(tmp_path, DAN_VAN)
    _set(sheet, "Tổng kinh phí", {"Số tiền (đồng)": 25_000_000}, title="Kinh phí")
    code, err, out = _import(tmp_path, sheet, DAN_VAN, capsys)
    assert code == 0, err
    budget = kehoach.model.plan_budget(kehoach.load_plan(out))
    assert budget is not None
    assert (budget.total, budget.clause) == (25_000_000, "theo quy định hiện hành.")


def test_budget_block_with_sources_is_checked(tmp_path: Path, capsys) -> None:
    """A version 2 plan whose budget block has sources (the Sa Pa plan migrated): the sources
    are listed, and sources that no longer add up are an error on the budget sheet."""
    migrated = tmp_path / "sapa-v2.yaml"
    assert main(["migrate", str(EXAMPLES / "sapa-2022-tuyen-giao.yaml"), "-o", str(migrated)]) == 0
    capsys.readouterr()
    sheet = _export(tmp_path, migrated)
    sources = _rows(sheet, "Nguồn kinh phí")
    raw = yaml.safe_load(migrated.read_text(encoding="utf-8"))
    (budget,) = [
        b["budget"]
        for s in raw["sections"]
        for b in s["content"]
        if isinstance(b, dict) and "budget" in b
    ]
    assert [r["Mã nguồn"] for r in sources if r["Mã nguồn"]] == [s["id"] for s in budget["sources"]]
    _set(sheet, sources[0]["Mã nguồn"], {"Số tiền (đồng)": 1}, title="Nguồn kinh phí")
    code, err, out = _import(tmp_path, sheet, migrated, capsys)
    assert code == 2 and not out.exists()
    assert "trang tính Kinh phí" in err and "các nguồn kinh phí cộng lại" in err


def test_version_1_sheet_of_a_quarterly_plan_still_imports(tmp_path: Path, capsys) -> None:
    """A sheet exported before version 2 (no place, time or result columns) still imports."""
    plan = EXAMPLES / "sapa-2022-tuyen-giao.yaml"
    sheet = _export(tmp_path, plan)
    book = load_workbook(sheet)
    ws = book["Nhiệm vụ"]
    header = [c.value for c in ws[1]]
    for name in ("Kết quả, sản phẩm", "Thời gian (như viết trong kế hoạch)"):
        ws.delete_cols(header.index(name) + 1)
        header.remove(name)
    ws.delete_cols(2)  # "Vị trí trong kế hoạch"
    for row in book["kehoach"].iter_rows(min_row=2):
        if row[0].value == "version":
            row[1].value = 1
    ws.cell(2, 2).value = 2  # "Quý": the first task moves to quarter II
    book.save(sheet)
    code, err, out = _import(tmp_path, sheet, plan, capsys)
    assert code == 0, err
    assert kehoach.model.task_quarter(kehoach.load_plan(out))["q1-ban-hanh-chuong-trinh"] == 2
