"""The plan loader's limits hold before the work is done (issue 18, items 3-4; docs/limits.md)."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest
import yaml

from kehoach import InputError, load_plan, to_yaml
from kehoach.cli import main
from kehoach.errors import WordedError
from kehoach.input_limits import MAX_FILE_BYTES
from plan_data import minimal_plan


def test_a_2_gib_file_is_refused_without_reading_it(tmp_path: Path):
    """A 2 GiB (sparse) plan is refused from its size: memory stays flat."""
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    # Refuse it once first: modules imported lazily on that path are not what is measured.
    with pytest.raises(InputError):
        load_plan(big)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="file too large"):
            load_plan(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_after_the_limit(capsys):
    """/dev/zero has no size: reading stops one byte past the limit, then it is refused."""
    tracemalloc.start()
    try:
        code = main(["validate", "/dev/zero"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    err = capsys.readouterr().err
    assert code == 2 and "tệp quá lớn" in err and "lỗi nội bộ" not in err
    assert peak < 3 * MAX_FILE_BYTES


def _aliased_plan(tmp_path: Path, tasks: int, text_chars: int) -> Path:
    """A plan whose ``tasks`` tasks all reuse one text of ``text_chars`` through an alias."""
    data = minimal_plan()
    data["content"]["tasks"]["quarters"][0]["tasks"] = [{"id": "t0", "text": "ALIAS"}]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)
    words = ("Tổ chức hội nghị " * (text_chars // 17 + 1))[:text_chars]
    first = next(line for line in text.splitlines() if line.endswith("text: ALIAS"))
    indent = first[: first.index("text:")]
    more = "".join(f"{indent[:-2]}- id: t{i}\n{indent}text: *t\n" for i in range(1, tasks))
    text = text.replace(first + "\n", first.replace("ALIAS", f"&t '{words}'") + "\n" + more)
    path = tmp_path / "aliased.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tasks", "chars", "words"),
    [
        (22_000, 10, "quá nhiều phần tử"),  # the 319 KB plan of 22,000 aliases (item 4)
        (2_000, 500, "quá nhiều chữ"),  # a 70 KB plan that expands to 1 million characters
    ],
)
def test_plans_that_aliases_blow_up_are_refused(capsys, tmp_path, tasks, chars, words):
    """Aliases count as often as they are used: an expanding plan is refused, worded."""
    path = _aliased_plan(tmp_path, tasks, chars)
    code = main(["validate", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and words in err and "alias" in err


def test_aliases_within_the_limits_are_fine_and_next_year_reads_back(capsys, tmp_path):
    """A plan using aliases within the limits works; next-year writes what validate reads."""
    path = _aliased_plan(tmp_path, 200, 1_000)
    out = tmp_path / "next.yaml"
    assert main(["next-year", str(path), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0, capsys.readouterr().err


def test_writers_refuse_what_the_loader_would_refuse(monkeypatch):
    """to_yaml (next-year, import-sheet, new) never writes a plan the loader refuses."""
    monkeypatch.setattr("kehoach.input_limits.MAX_VALUES", 200)
    monkeypatch.setattr("kehoach.input_limits.MAX_TEXT_CHARS", 10_000)
    data = minimal_plan()
    data["content"]["tasks"]["quarters"][0]["tasks"] = [
        {"id": f"t{i}", "text": "x" * 1_000} for i in range(11)
    ]
    with pytest.raises(WordedError, match="could not read the file back"):
        to_yaml(data)
    data["content"]["tasks"]["quarters"][0]["tasks"] = [
        {"id": f"t{i}", "text": "x"} for i in range(200)
    ]
    with pytest.raises(WordedError, match="too many values"):
        to_yaml(data)


def test_json_counts_against_the_same_limits(tmp_path, monkeypatch):
    """A JSON plan (no aliases) is held to the same value limit."""
    monkeypatch.setattr("kehoach.input_limits.MAX_VALUES", 200)
    data = minimal_plan()
    data["content"]["tasks"]["quarters"][0]["tasks"] = [
        {"id": f"t{i}", "text": "x"} for i in range(200)
    ]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="too many values"):
        load_plan(path)
