"""Loading plan files: every problem names the file, the line and the field."""

from __future__ import annotations

import json

import pytest
import yaml

from kehoach import InputError, load_plan
from plan_data import minimal_plan


def _write(tmp_path, text: str, name: str = "plan.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path):
    with pytest.raises(InputError) as info:
        load_plan(path)
    return info.value.problems


def test_yaml_and_json_load_the_same_plan(tmp_path):
    """A plan reads the same from YAML and from JSON."""
    data = minimal_plan()
    as_yaml = _write(tmp_path, yaml.safe_dump(data, allow_unicode=True))
    as_json = _write(tmp_path, json.dumps(data, ensure_ascii=False), "plan.json")
    assert load_plan(as_yaml) == load_plan(as_json) == load_plan(data)


def test_schema_error_names_line_and_field(tmp_path):
    """A wrong value is reported with its YAML line and its field path."""
    data = minimal_plan()
    data["budget"]["sources"][1]["amount"] = -5
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (problem,) = _problems(_write(tmp_path, text))
    expected_line = next(i for i, line in enumerate(text.splitlines(), 1) if "amount: -5" in line)
    assert problem.field == "budget.sources[1].amount"
    assert problem.line == expected_line
    assert "lớn hơn hoặc bằng 0" in problem.message_vi
    assert "at least 0" in problem.message_en


def test_block_tags_do_not_appear_in_field_paths(tmp_path):
    """Errors inside content blocks show the path as written, without union tags."""
    data = minimal_plan()
    data["content"]["objectives"]["areas"][0]["content"][0]["targets"][0]["quantity"] = "x"
    (problem,) = _problems(_write(tmp_path, yaml.safe_dump(data, allow_unicode=True)))
    assert problem.field == "content.objectives.areas[0].content[0].targets[0].quantity"


def test_yaml_syntax_error_names_line(tmp_path):
    """Broken YAML gives the line of the problem, not a traceback."""
    (problem,) = _problems(_write(tmp_path, "year: 2022\nheader: [\n  a: b\n"))
    assert problem.line is not None
    assert problem.message_vi.startswith("YAML không hợp lệ")


def test_json_syntax_error_names_line(tmp_path):
    """Broken JSON gives the line and column of the problem."""
    (problem,) = _problems(_write(tmp_path, '{\n  "year": 2022,\n}', "plan.json"))
    assert (problem.line, problem.column) == (3, 1)


def test_duplicate_yaml_key_is_an_error(tmp_path):
    """A key written twice is an error (YAML would silently keep the last)."""
    (problem,) = _problems(_write(tmp_path, "year: 2022\nyear: 2023\n"))
    assert problem.line == 2
    assert "hai lần" in problem.message_vi


def test_missing_file_and_directory(tmp_path):
    """A missing file or a folder gives a clear message."""
    assert "không tìm thấy" in _problems(tmp_path / "none.yaml")[0].message_vi
    assert "thư mục" in _problems(tmp_path)[0].message_vi


def test_not_utf8(tmp_path):
    """A file saved in another encoding is refused with the line where it breaks."""
    path = tmp_path / "plan.yaml"
    path.write_bytes("year: 2022\ntitle: kế hoạch\n".encode("cp1258", errors="replace") + b"\xff")
    (problem,) = _problems(path)
    assert "UTF-8" in problem.message_vi


def test_alias_bomb_is_refused(tmp_path):
    """Nested YAML aliases cannot blow up memory ("billion laughs")."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    (problem,) = _problems(_write(tmp_path, "\n".join(lines) + "\n"))
    assert "alias" in problem.message_en


def test_top_level_must_be_a_mapping(tmp_path):
    """A list at the top of the file is reported, not a crash."""
    (problem,) = _problems(_write(tmp_path, "- a\n- b\n"))
    assert problem.line == 1


def test_empty_file(tmp_path):
    """An empty plan file says so."""
    (problem,) = _problems(_write(tmp_path, "\n# only a comment\n"))
    assert problem.message_vi == "tệp rỗng"


def test_impossible_date_names_its_line_and_field(tmp_path):
    """A date YAML cannot build (30 February) is reported at its line, not as a crash."""
    text = yaml.safe_dump(minimal_plan(), allow_unicode=True, sort_keys=False)
    text = text.replace("date:\n    year: 2022\n    month: 1", "date: 2022-02-30")
    (problem,) = _problems(_write(tmp_path, text))
    assert problem.field == "header.date"
    assert problem.line == next(i for i, s in enumerate(text.splitlines(), 1) if "02-30" in s)
    assert "2022-02-30" in problem.message_vi and "ngày" in problem.message_vi


@pytest.mark.parametrize("name", ["plan.yaml", "plan.json"])
def test_huge_integer_is_a_clear_error(tmp_path, name):
    """An integer of thousands of digits is refused in words, not with a traceback."""
    (problem,) = _problems(_write(tmp_path, '{"year": ' + "9" * 5000 + "}", name))
    assert "chữ số" in problem.message_vi


@pytest.mark.parametrize(("name", "depth"), [("plan.yaml", 5000), ("plan.json", 150)])
def test_deep_nesting_is_refused(tmp_path, name, depth):
    """Lists nested thousands deep are refused in words, not with a recursion error."""
    (problem,) = _problems(_write(tmp_path, '{"a": ' + "[" * depth + "]" * depth + "}", name))
    assert "lồng nhau quá sâu" in problem.message_vi


def test_complex_key_is_a_yaml_error(tmp_path):
    """A list used as a key ("? [a, b]") is a YAML error with its line."""
    (problem,) = _problems(_write(tmp_path, "? [a, b]\n: 1\n"))
    assert problem.message_vi.startswith("YAML không hợp lệ")
    assert problem.line == 1


def test_dict_errors_name_the_field_as_written():
    """Errors in a dict name the path a person wrote: no union tags, no lost field names."""
    data = minimal_plan()
    data["header"]["date"] = {"year": 2022, "month": 13}
    data["closing"] = [{"table": {"columns": [{"title": "A"}], "rows": [[1.5]]}}]
    with pytest.raises(InputError) as info:
        load_plan(data)
    fields = {p.field for p in info.value.problems}
    assert fields == {"header.date", "closing[0].table.rows[0][0]"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("year: 2022\ntitle: a: b\n", "dấu “:”"),
        ("year: 2022\n\ttitle: x\n", "Tab"),
        ("a: [1, 2\n", "“,” hoặc “]”"),
        ('a: "abc\n', "kết thúc giữa chừng"),
        ("x: *nope\n", "alias"),
    ],
)
def test_yaml_syntax_errors_are_explained_in_vietnamese(tmp_path, text, words):
    """Common YAML mistakes are explained in Vietnamese, with their line."""
    (problem,) = _problems(_write(tmp_path, text))
    assert words in problem.message_vi and problem.line is not None
    assert problem.message_en.startswith("invalid YAML")
