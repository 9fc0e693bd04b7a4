"""``kehoach migrate``: a version 1 file rewritten as version 2, comments and text kept."""

from __future__ import annotations

from pathlib import Path

import yaml

import kehoach
from kehoach.cli import main
from kehoach.migrate import migrate_text
from plan_data import minimal_plan

SAPA = Path(__file__).resolve().parents[1] / "examples" / "sapa-2022-tuyen-giao.yaml"


def comments(text: str) -> list[str]:
    """The comment text of every line, leading spaces and the "#" column ignored."""
    return [line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line]


def test_sapa_round_trip_renders_the_same_text_and_keeps_comments(tmp_path: Path) -> None:
    """Sa Pa migrated: version 2, same rendered lines, every comment still in the file."""
    target = tmp_path / "sapa-v2.yaml"
    assert main(["migrate", str(SAPA), "-o", str(target)]) == 0
    new = target.read_text(encoding="utf-8")
    data = yaml.safe_load(new)
    assert data["version"] == 2 and "sections" in data and "purposes" not in data
    before = kehoach.compose(kehoach.load_plan(SAPA)).plain_text()
    after = kehoach.compose(kehoach.load_plan(target)).plain_text()
    assert after == before
    old_comments = comments(SAPA.read_text(encoding="utf-8"))
    assert comments(new) == old_comments


def test_migrated_plan_keeps_tasks_targets_and_quarters(tmp_path: Path) -> None:
    """The migrated Sa Pa plan has the same tasks, quarters and targets as the original."""
    target = tmp_path / "sapa-v2.yaml"
    main(["migrate", str(SAPA), "-o", str(target)])
    old, new = kehoach.load_plan(SAPA), kehoach.load_plan(target)
    assert kehoach.model.task_quarter(new) == kehoach.model.task_quarter(old)
    assert [t.id for t in kehoach.model.iter_targets(new)] == [
        t.id for t in kehoach.model.iter_targets(old)
    ]
    assert kehoach.model.plan_budget(new) == kehoach.model.plan_budget(old)


def test_defaults_are_written_out_and_no_empty_requirements(tmp_path: Path) -> None:
    """Titles a v1 file left to defaults are written in v2; no "Yêu cầu" without requirements."""
    data = minimal_plan()
    data["purposes"] = {"purpose": ["Mục đích một."]}
    data["budget"] = {"clause": "theo quy định hiện hành."}
    text, changed = migrate_text(yaml.safe_dump(data, allow_unicode=True))
    assert changed
    sections = yaml.safe_load(text)["sections"]
    titles = [s["title"] for s in sections]
    assert titles == ["Mục đích, yêu cầu", "Nội dung thực hiện", "Kinh phí thực hiện"]
    assert [b["section"] for b in sections[0]["content"]] == ["Mục đích"]
    before = kehoach.compose(kehoach.load_plan(data)).plain_text()
    after = kehoach.compose(kehoach.load_plan(yaml.safe_load(text))).plain_text()
    assert after == before


def test_version_two_file_is_left_as_it_is() -> None:
    """A file already in version 2 comes back unchanged, byte for byte."""
    text = "version: 2\n# note\nyear: 2027\n"
    assert migrate_text(text) == (text, False)


def test_invalid_plan_is_refused_with_exit_2(tmp_path: Path, capsys) -> None:
    """An invalid plan is named with file and field, exit 2, and nothing is written."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("year: 2027\n", encoding="utf-8")
    target = tmp_path / "new.yaml"
    assert main(["migrate", str(bad), "-o", str(target)]) == 2
    assert "bad.yaml" in capsys.readouterr().err
    assert not target.exists()


def test_existing_output_needs_force(tmp_path: Path) -> None:
    """The new file is not overwritten without --force."""
    target = tmp_path / "new.yaml"
    target.write_text("x", encoding="utf-8")
    assert main(["migrate", str(SAPA), "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "x"
    assert main(["migrate", str(SAPA), "-o", str(target), "--force"]) == 0


def test_deep_v1_sections_keep_their_numbers() -> None:
    """A v1 file nested past four levels migrates with the scheme it was numbered by."""
    data = minimal_plan()
    deep: dict = {"section": "d", "content": ["x."]}
    for name in ("c", "b", "a"):
        deep = {"section": name, "content": [deep]}
    data["organization"] = {"title": "Tổ chức thực hiện", "content": [deep]}
    text, _ = migrate_text(yaml.safe_dump(data, allow_unicode=True))
    new = yaml.safe_load(text)
    assert new["numbering"]["levels"] == ["roman", "arabic", "decimal", "letter", "letter"]
    before = kehoach.compose(kehoach.load_plan(data)).plain_text()
    assert kehoach.compose(kehoach.load_plan(new)).plain_text() == before
