"""The version 2 examples: real plan shapes that render, check clean, open in LibreOffice,
and whose every task and target reaches the progress sheet, the report and next year."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

import kehoach
from helpers.libreoffice import pdf_text
from kehoach.check import check_docx

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SHAPED = ["dan-van-xa-2027", "khoa-giao-2027-theo-dot", "chuong-trinh-2026-2030"]
ALL = [*SHAPED, "sapa-2022-tuyen-giao"]
PROGRESS = {
    "dan-van-xa-2027": "dan-van-xa-2027-progress",
    "khoa-giao-2027-theo-dot": "khoa-giao-2027-theo-dot-progress",
    "chuong-trinh-2026-2030": "chuong-trinh-2026-2030-progress",
    "sapa-2022-tuyen-giao": "sapa-2022-progress-year",
}


def ids_in_yaml(data: Any, key: str) -> list[str]:
    """Ids of the mappings listed under ``key`` anywhere in raw YAML data (no kehoach)."""
    found: list[str] = []
    if isinstance(data, dict):
        for k, value in data.items():
            if k == key and isinstance(value, list):
                found += [v["id"] for v in value if isinstance(v, dict) and "id" in v]
            found += ids_in_yaml(value, key)
    elif isinstance(data, list):
        for value in data:
            found += ids_in_yaml(value, key)
    return found


def raw(name: str) -> Any:
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def sheet_ids(data: bytes, title: str) -> list[str]:
    sheet = load_workbook(io.BytesIO(data))[title]
    return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]


@pytest.mark.parametrize("name", SHAPED)
def test_example_renders_checks_clean_and_opens(name: str, tmp_path: Path, to_pdf) -> None:
    """Each new example renders, has no format error, and LibreOffice lays it out."""
    target = tmp_path / f"{name}.docx"
    kehoach.render_plan(EXAMPLES / f"{name}.yaml", target)
    errors = [f.rule for f in check_docx(target).findings if f.severity == "error"]
    assert errors == []
    words = pdf_text(to_pdf(target.read_bytes(), name)).split()
    signer = raw(name)["signature"]["signer"].split()
    assert "CỘNG" in words and words[-len(signer) :] == signer


@pytest.mark.parametrize("name", ALL)
def test_progress_sheet_lists_every_task_and_target(name: str, tmp_path: Path) -> None:
    """The progress sheet has a row for every task and target written in the YAML."""
    data = raw(name)
    target = tmp_path / "tien-do.xlsx"
    kehoach.export_progress_sheet(EXAMPLES / f"{name}.yaml", target)
    sheet = target.read_bytes()
    assert sheet_ids(sheet, "Chỉ tiêu") == ids_in_yaml(data, "targets")
    expected_tasks = [t for t in ids_in_yaml(data, "tasks")]
    assert sorted(sheet_ids(sheet, "Nhiệm vụ")) == sorted(expected_tasks)
    assert expected_tasks, "every example has tasks"


@pytest.mark.parametrize("name", ALL)
def test_report_renders_and_checks_clean(name: str, tmp_path: Path) -> None:
    """The report of each example's progress file renders with no format error."""
    target = tmp_path / "bao-cao.docx"
    kehoach.render_report(EXAMPLES / f"{name}.yaml", EXAMPLES / f"{PROGRESS[name]}.yaml", target)
    errors = [f.rule for f in check_docx(target).findings if f.severity == "error"]
    assert errors == []


def test_task_table_report_counts_the_tasks() -> None:
    """The dân vận report counts its task-table tasks by status, as the progress file says."""
    plan = kehoach.load_plan(EXAMPLES / "dan-van-xa-2027.yaml")
    progress = raw("dan-van-xa-2027-progress")
    doc = kehoach.compose_report(plan, EXAMPLES / "dan-van-xa-2027-progress.yaml")
    text = "\n".join(doc.plain_text())
    total = len(ids_in_yaml(raw("dan-van-xa-2027"), "tasks"))
    on_time = sum(1 for t in progress["tasks"] if t["status"] == "done_on_time")
    late = sum(1 for t in progress["tasks"] if t["status"] == "done_late")
    assert (total, on_time, late) == (6, 4, 1)
    assert f"có {total:02d} nhiệm vụ" in text
    assert f"hoàn thành đúng hạn {on_time:02d}/{total:02d} nhiệm vụ" in text
    assert f"hoàn thành quá hạn {late:02d}/{total:02d} nhiệm vụ" in text


def test_phase_report_scopes_tasks_by_their_own_time() -> None:
    """At six months the phased plan's report covers the tasks due by June, not later ones."""
    plan = kehoach.load_plan(EXAMPLES / "khoa-giao-2027-theo-dot.yaml")
    quarters = kehoach.model.task_quarter(plan)
    assert quarters == {
        "noi-chuyen-dot-1": 1,  # Tháng 3/2027
        "tiem-chung-dot-1": 2,  # Quý I/2027 và Quý II/2027: ends in quarter II
        "chuyen-giao-ky-thuat": 3,  # Dự kiến tháng 8/2027
        "ve-sinh-moi-truong": 4,  # Thường xuyên: through the year
    }


@pytest.mark.parametrize("name", ["dan-van-xa-2027", "khoa-giao-2027-theo-dot"])
def test_next_year_keeps_the_shape_and_carries_tasks(name: str) -> None:
    """Next year's plan of a task-table or phase plan keeps its sections and unfinished tasks."""
    plan = kehoach.load_plan(EXAMPLES / f"{name}.yaml")
    rollover = kehoach.next_year_plan(plan, EXAMPLES / f"{PROGRESS[name]}.yaml")
    new = rollover.plan
    assert new.year == plan.year + 1
    assert [s.title for s in new.sections] == [s.title for s in plan.sections]
    progress = raw(PROGRESS[name])
    unfinished = {t["id"] for t in progress["tasks"] if not t["status"].startswith("done")}
    new_ids = {t.id for t in kehoach.model.iter_tasks(new)}
    assert unfinished <= new_ids


def test_phase_report_figures() -> None:
    """The six-month report of the phased plan states the figures the progress file gives."""
    progress = raw("khoa-giao-2027-theo-dot-progress")
    plan = raw("khoa-giao-2027-theo-dot")
    lines = kehoach.compose_report(
        EXAMPLES / "khoa-giao-2027-theo-dot.yaml",
        EXAMPLES / "khoa-giao-2027-theo-dot-progress.yaml",
    ).plain_text()
    text = "\n".join(lines)
    # Due by June: "Tháng 3/2027" and "Quý I/2027 và Quý II/2027"; the "Thường xuyên"
    # task is in scope too, being reported already (in progress).
    reported = {t["id"] for t in progress["tasks"]}
    assert len(reported) == 3
    assert f"6 tháng đầu năm 2027 có {len(reported):02d} nhiệm vụ" in text
    planned = next(t["quantity"] for t in ids_targets(plan) if t["id"] == "buoi-noi-chuyen")
    done = next(t["achieved"] for t in progress["targets"] if t["id"] == "buoi-noi-chuyen")
    assert f"thực hiện {done:02d}/{planned:02d} buổi" in text


def ids_targets(data: Any) -> list[dict]:
    """Every target mapping of raw YAML data."""
    found: list[dict] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "targets" and isinstance(value, list):
                found += value
            else:
                found += ids_targets(value)
    elif isinstance(data, list):
        for value in data:
            found += ids_targets(value)
    return found


def test_report_on_the_commune_plan_cites_the_committee_once() -> None:
    """The dân vận report's trích yếu cites "của Đảng ủy xã Bản Hồ" (signed T/M Đảng ủy), once."""
    doc = kehoach.compose_report(
        kehoach.load_plan(EXAMPLES / "dan-van-xa-2027.yaml"),
        EXAMPLES / "dan-van-xa-2027-progress.yaml",
    )
    text = " ".join(doc.plain_text())
    assert "ngày 12/01/2027 của Đảng ủy xã Bản Hồ" in text
    assert "Đảng ủy Đảng ủy" not in text


def test_term_target_of_the_programme_is_measured_over_the_term() -> None:
    """The 08 thôn by 2030 are cumulative: 03 after 2026 are on track, not "chưa đạt"."""
    plan = kehoach.load_plan(EXAMPLES / "chuong-trinh-2026-2030.yaml")
    doc = kehoach.compose_report(plan, EXAMPLES / "chuong-trinh-2026-2030-progress.yaml")
    line = next(t for t in doc.plain_text() if t.startswith("- Thôn đạt chuẩn văn hóa"))
    assert "03/08 thôn" in line and "đúng tiến độ" in line
