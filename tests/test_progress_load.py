"""Loading progress files: bad ids, quantities and dates are named with their line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kehoach import InputError, Progress, load_plan, load_progress
from plan_data import minimal_plan
from report_data import PLAN, PROGRESS_6M, PROGRESS_YEAR, minimal_progress


def _write(tmp_path: Path, data, name: str = "progress.yaml") -> tuple[Path, str]:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _problems(path: Path, plan=None):
    with pytest.raises(InputError) as info:
        load_progress(path, plan=plan)
    return info.value.problems


def test_examples_load_against_the_plan():
    """Both example progress files load and name only ids of the example plan."""
    plan = load_plan(PLAN)
    for path in (PROGRESS_6M, PROGRESS_YEAR):
        assert isinstance(load_progress(path, plan=plan), Progress)


def test_unknown_ids_are_listed_with_the_nearest_known_ones(tmp_path):
    """Each unknown id is an error at its line, with the nearest known ids (difflib)."""
    data = minimal_progress()
    data["targets"].append({"id": "hn-x", "achieved": 1})
    data["tasks"].append({"id": "q1-b", "status": "overdue"})
    path, text = _write(tmp_path, data)
    problems = _problems(path, minimal_plan())
    assert [p.field for p in problems] == ["targets[1].id", "tasks[1].id"]
    assert problems[0].line == _line_of(text, "id: hn-x")
    assert problems[0].message_vi == "mã chỉ tiêu 'hn-x' không có trong kế hoạch (gần nhất: hn)"
    assert problems[1].message_en == "task id 'q1-b' is not in the plan (nearest: q1-a, q3-a)"


def test_unknown_area_and_budget_source(tmp_path):
    """An area or budget source the plan does not have is an error with the nearest names."""
    data = minimal_progress()
    data["results"] = [{"area": "Học tập nghị quyết mới", "content": "Tốt."}]
    data["budget"] = [{"source": "Ngân sách tỉnh", "spent": 1}]
    path, _ = _write(tmp_path, data)
    problems = _problems(path, minimal_plan())
    fields = {p.field: p.message_vi for p in problems}
    assert "Ngân sách" in fields["budget[0].source"]
    assert "gần nhất: hoc-tap" in fields["results[0].area"]


def test_area_by_id_title_or_unique_start(tmp_path):
    """An area is named by its id, its title, or the first words of its title."""
    plan = load_plan(PLAN)
    for area in ("Công tác khoa giáo", "công tác  KHOA GIÁO.", "Đào tạo, bồi dưỡng"):
        data = {"period": "6m", "results": [{"area": area, "content": "x"}]}
        assert load_progress(data, plan=plan).results[0].area == area
    problems = _problems(_write(tmp_path, {"results": [{"area": "Công tác"}]})[0], plan)
    assert problems[0].field == "results[0].area"  # "Công tác" starts two titles


def test_negative_quantity_names_its_line(tmp_path):
    """A negative quantity is reported at its YAML line and field."""
    data = minimal_progress()
    data["targets"][0]["achieved"] = -3
    path, text = _write(tmp_path, data)
    (problem,) = _problems(path)
    assert problem.field == "targets[0].achieved"
    assert problem.line == _line_of(text, "achieved: -3")
    assert "lớn hơn hoặc bằng 0" in problem.message_vi


def test_non_numeric_quantity_names_its_line(tmp_path):
    """A quantity that is not a number is reported at its line, in Vietnamese."""
    data = minimal_progress()
    data["targets"][0]["achieved"] = "bốn"
    path, text = _write(tmp_path, data)
    (problem,) = _problems(path)
    assert (problem.field, problem.line) == ("targets[0].achieved", _line_of(text, "bốn"))
    assert problem.message_vi == "'bốn' không phải là số (viết 4, 4,5 hoặc 1.250)"
    assert "is not a number" in problem.message_en


def test_completion_after_the_cutoff(tmp_path):
    """A task completed after the cut-off date is an error at its line."""
    data = minimal_progress()
    data["tasks"][0]["completed"] = "2022-07-01"
    path, text = _write(tmp_path, data)
    (problem,) = _problems(path, minimal_plan())
    assert problem.field == "tasks[0].completed"
    assert problem.line == _line_of(text, "2022-07-01")
    assert "sau ngày chốt số liệu 30/6/2022" in problem.message_vi


def test_without_the_plan_ids_are_not_checked(tmp_path):
    """Loading without the plan checks the data only (ids are checked with the plan)."""
    data = minimal_progress()
    data["targets"][0]["id"] = "not-in-any-plan"
    path, _ = _write(tmp_path, data)
    assert load_progress(path).targets[0].id == "not-in-any-plan"


def test_yaml_json_and_dict_give_the_same_progress(tmp_path):
    """Progress reads the same from YAML, JSON and a dict."""
    data = minimal_progress()
    as_yaml, _ = _write(tmp_path, data)
    as_json = tmp_path / "progress.json"
    as_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_progress(as_yaml) == load_progress(as_json) == load_progress(data)


def test_missing_file_and_broken_yaml(tmp_path):
    """A missing file or broken YAML is an InputError, never a traceback."""
    assert "không tìm thấy tệp" in _problems(tmp_path / "nope.yaml")[0].message_vi
    broken = tmp_path / "broken.yaml"
    broken.write_text("targets: [\n  id: x\n", encoding="utf-8")
    assert _problems(broken)[0].message_vi.startswith("YAML không hợp lệ")
    listed = tmp_path / "list.yaml"
    listed.write_text("- a\n", encoding="utf-8")
    assert "nhóm trường" in _problems(listed)[0].message_vi
