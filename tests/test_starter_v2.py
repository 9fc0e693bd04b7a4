"""`kehoach new` starts the built-in plan types in the version 2 shape (a tasks block and
a budget block), and the whole cycle works on the new files: render, check, progress
sheet, report, next year. A plan file started in version 1 keeps loading and rendering.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

import kehoach
from kehoach.check import check_docx
from kehoach.cli import main

TYPES = ["tuyen-giao", "dan-van", "khoa-giao"]
OLD_STARTER = Path(__file__).parent / "data" / "starter-v1-dan-van-2026.yaml"


def _blocks(data: Any, key: str) -> list[Any]:
    """Every mapping under ``key`` anywhere in raw YAML data (no kehoach code)."""
    found: list[Any] = []
    if isinstance(data, dict):
        if isinstance(data.get(key), dict):
            found.append(data[key])
        for value in data.values():
            found += _blocks(value, key)
    elif isinstance(data, list):
        for value in data:
            found += _blocks(value, key)
    return found


def _new(tmp_path: Path, type_id: str) -> Path:
    plan = tmp_path / f"{type_id}.yaml"
    argv = ["new", "--type", type_id, "--year", "2027", "--org", "Đảng ủy xã Tả Van"]
    argv += ["--superior", "Đảng bộ tỉnh Lào Cai", "-o", str(plan)]
    assert main(argv) == 0
    return plan


@pytest.mark.parametrize("type_id", TYPES)
def test_new_writes_version_2_with_tasks_and_budget_blocks(tmp_path: Path, type_id: str) -> None:
    """The file has `version: 2`, `sections`, no v1 body keys, one tasks block grouped by
    quarter and one budget block with a clause to fill."""
    data = yaml.safe_load(_new(tmp_path, type_id).read_text(encoding="utf-8"))
    assert data["version"] == 2 and "sections" in data
    assert not {"purposes", "content", "organization", "reporting"} & set(data)
    (tasks,) = _blocks(data, "tasks")
    assert [g["quarter"] for g in tasks["groups"]] == [1, 2, 3, 4]
    (budget,) = _blocks(data, "budget")
    assert budget["clause"].startswith("[Ghi nguồn kinh phí")


@pytest.mark.parametrize("type_id", TYPES)
def test_new_starter_goes_through_the_year(tmp_path: Path, type_id: str, capsys) -> None:
    """Render and check (no error), progress sheet (every task), report and next year."""
    plan = _new(tmp_path, type_id)
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    docx = tmp_path / "ke-hoach.docx"
    assert main(["render", str(plan), "-o", str(docx)]) == 0
    assert [f.rule for f in check_docx(docx).findings if f.severity == "error"] == []
    text = "\n".join(kehoach.compose(kehoach.load_plan(plan)).plain_text())
    assert "IV. KINH PHÍ THỰC HIỆN" in text and "Nguồn kinh phí: [Ghi nguồn kinh phí" in text

    sheet = tmp_path / "tien-do.xlsx"
    assert main(["progress-sheet", str(plan), "-o", str(sheet)]) == 0
    rows = list(load_workbook(sheet)["Nhiệm vụ"].iter_rows(min_row=2, values_only=True))
    task_ids = [t["id"] for g in _blocks(data, "tasks")[0]["groups"] for t in g["tasks"]]
    assert [r[0] for r in rows if r[0]] == task_ids

    progress = tmp_path / "tien-do.yaml"
    progress.write_text(
        yaml.safe_dump({"period": "6m", "tasks": [{"id": task_ids[0], "status": "done_on_time"}]}),
        encoding="utf-8",
    )
    report = tmp_path / "bao-cao.docx"
    assert main(["report", str(plan), str(progress), "-o", str(report)]) == 0
    words = "\n".join(kehoach.compose_report(kehoach.load_plan(plan), progress).plain_text())
    assert "có 02 nhiệm vụ (quý I, quý II); kết quả: hoàn thành đúng hạn 01/02 nhiệm vụ" in words

    following = tmp_path / "ke-hoach-2028.yaml"
    assert main(["next-year", str(plan), "--progress", str(progress), "-o", str(following)]) == 0
    later = kehoach.load_plan(following)
    assert later.year == 2028 and later.version == 2
    capsys.readouterr()


def test_a_version_1_starter_keeps_loading_and_rendering() -> None:
    """A plan started in version 1 by an earlier kehoach loads and renders the same body as
    today's starter, less the budget section the new one adds."""
    old = kehoach.load_plan(OLD_STARTER)
    assert old.version is None and old.content is not None
    org = kehoach.Organization("Đảng ủy xã Tả Van", 2026, "Đảng bộ tỉnh Lào Cai")
    registry = kehoach.plan_types(kehoach.get_plugin_manager())
    new = kehoach.starting_plan(registry.get("dan-van"), org)
    old_lines = kehoach.compose(old).plain_text()
    new_lines = kehoach.compose(new).plain_text()
    start = new_lines.index("IV. KINH PHÍ THỰC HIỆN")
    end = new_lines.index("V. CHẾ ĐỘ THÔNG TIN, BÁO CÁO")
    renumbered = [*new_lines[:start], "IV. CHẾ ĐỘ THÔNG TIN, BÁO CÁO", *new_lines[end + 1 :]]
    assert old_lines == renumbered
