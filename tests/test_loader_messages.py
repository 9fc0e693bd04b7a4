"""Every validation message names its field and line (issue 18 items 8-9, issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kehoach import InputError, load_plan
from plan_data import minimal_plan


def _problems(path: Path) -> list:
    with pytest.raises(InputError) as caught:
        load_plan(path)
    return caught.value.problems


def _write_yaml(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("drop", "field", "meaning"),
    [
        (("header", "issuing_body"), "header.issuing_body", "tên cơ quan ban hành"),
        (("title",), "title", "tên loại và trích yếu"),
        (("signature",), "signature", "chữ ký"),
    ],
)
def test_a_missing_field_is_named_with_its_meaning(tmp_path, drop, field, meaning):
    """ "thiếu trường bắt buộc issuing_body (tên cơ quan ban hành)", at the parent's line."""
    data = minimal_plan()
    parent = data
    for key in drop[:-1]:
        parent = parent[key]
    del parent[drop[-1]]
    problem = next(p for p in _problems(_write_yaml(tmp_path, data)) if p.field == field)
    assert problem.message_vi == f"thiếu trường bắt buộc {drop[-1]} ({meaning})"
    assert problem.message_en == f"required field {drop[-1]} is missing"
    assert problem.line is not None


def test_an_unknown_key_gets_the_nearest_valid_names(tmp_path):
    """A misspelt key is named, at its line, with the names it was probably meant to be."""
    data = minimal_plan()
    data["header"]["isuing_body"] = data["header"].pop("issuing_body")
    path = _write_yaml(tmp_path, data)
    problems = _problems(path)
    unknown = next(p for p in problems if p.field == "header.isuing_body")
    assert "; có phải: issuing_body" in unknown.message_vi
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "isuing_body" in lines[unknown.line - 1]


def test_an_integer_key_is_reported_at_its_own_line(tmp_path):
    """A key YAML reads as a number (715: …) is named at its line, not its parent's."""
    path = tmp_path / "plan.yaml"
    text = yaml.safe_dump(minimal_plan(), allow_unicode=True, sort_keys=False)
    text = text.replace("  place: Sa Pa\n", "  place: Sa Pa\n  715: x\n")
    path.write_text(text, encoding="utf-8")
    problem = next(p for p in _problems(path) if p.field == "header.715")
    assert text.splitlines()[problem.line - 1] == "  715: x"


def _write_json(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_duplicate_keys_are_refused_like_yaml(tmp_path):
    """A key written twice in JSON is refused with its line, as YAML does (item 9)."""
    text = json.dumps(minimal_plan(), ensure_ascii=False, indent=2)
    text = text.replace('"year": 2022,', '"year": 2022,\n  "year": 2023,', 1)
    (problem,) = _problems(_write_json(tmp_path, text))
    assert problem.field == "year" and "hai lần" in problem.message_vi
    assert text.splitlines()[problem.line - 1].strip() == '"year": 2023,'


def test_json_lone_surrogate_is_named_and_other_lines_kept(tmp_path):
    """A "\\ud800" escape is named at its field and line (item 8)."""
    data = minimal_plan()
    data["title"]["subject"] = "SURROGATE"
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("SURROGATE", "a\\ud800b")
    (problem,) = _problems(_write_json(tmp_path, text))
    assert problem.field == "title.subject" and "\\ud800" in problem.message_vi
    assert "a\\ud800b" in text.splitlines()[problem.line - 1]


def test_json_messages_name_fields_by_their_keys(tmp_path):
    """JSON errors name "content.tasks.quarters[0]…", never a bare "[0]" (item 8)."""
    data = minimal_plan()
    data["content"]["tasks"]["quarters"][0]["tasks"][0]["text"] = 5
    data["title"]["subject"] = "a\ud800b"  # would break the YAML composer's positions
    text = json.dumps(data, ensure_ascii=True, indent=2)
    problems = _problems(_write_json(tmp_path, text))
    assert all(p.field and not p.field.startswith("[") for p in problems), problems
