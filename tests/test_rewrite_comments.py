"""import-sheet and next-year write over the person's file: comments and key order kept (#12)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import kehoach
from dan_van_data import dan_van_plan
from kehoach.cli import main
from kehoach.model import iter_tasks

ROOT = Path(__file__).resolve().parents[1]
SAPA = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
YEAR_END = ROOT / "examples" / "sapa-2022-progress-year.yaml"


def _comments(text: str) -> list[str]:
    """The comment lines of a YAML text (a whole line starting with #, or after a value)."""
    found = []
    for line in text.splitlines():
        match = re.search(r"(?:^|\s)(#.*)$", line)
        if match and not line.lstrip().startswith(("- text:", "text:")):
            found.append(match[1].strip())
    return found


def _body(text: str) -> str:
    """The text after the header comment kehoach puts on top (up to the first blank line)."""
    return text.split("\n\n", 1)[1]


def test_import_sheet_of_an_unchanged_sheet_gives_the_same_file(tmp_path: Path) -> None:
    """Export then import with no edit: the file is the original, every comment and key in
    place, under kehoach's header (Sa Pa has 58+ comments; before #12 one was left)."""
    sheet, out = tmp_path / "plan.xlsx", tmp_path / "back.yaml"
    assert main(["export-sheet", str(SAPA), "-o", str(sheet)]) == 0
    assert main(["import-sheet", str(sheet), "--plan", str(SAPA), "-o", str(out)]) == 0
    original = SAPA.read_text(encoding="utf-8")
    assert _body(out.read_text(encoding="utf-8")) == original
    assert len(_comments(original)) > 50


def _block_lines(text: str, task_id: str) -> range:
    """The lines of the task ``task_id`` in the YAML text (its "- id:" line to the next item)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {task_id}")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    return range(start, end)


def test_next_year_keeps_the_comments_of_what_it_keeps(tmp_path: Path) -> None:
    """Every comment of the 2022 plan is in the 2023 draft, except those inside the tasks
    the draft drops; top-level keys keep their order."""
    out = tmp_path / "2023.yaml"
    assert main(["next-year", str(SAPA), "--progress", str(YEAR_END), "-o", str(out)]) == 0
    original, new = SAPA.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")
    kept_ids = {t.id for t in iter_tasks(kehoach.load_plan(out))}
    old_ids = {t.id for t in iter_tasks(kehoach.load_plan(SAPA))}
    dropped_lines = {n for task_id in old_ids - kept_ids for n in _block_lines(original, task_id)}
    lines = original.splitlines()
    expected = [
        c for n, line in enumerate(lines) if n not in dropped_lines for c in _comments(line)
    ]
    found = _comments(new)
    assert all(c in found for c in expected)
    old_keys = list(yaml.safe_load(original))
    new_keys = list(yaml.safe_load(new))
    assert [k for k in new_keys if k in old_keys] == old_keys


def test_forms_people_wrote_stay_when_unchanged(tmp_path: Path) -> None:
    """ "185 triệu đồng", "35.000.000đ" and "12/01/2027" stay written so through
    export-sheet/import-sheet; next-year clears the amounts but keeps the comments."""
    source = tmp_path / "dan-van.yaml"
    source.write_text(
        "# Kế hoạch dân vận xã Tả Van\n" + yaml.safe_dump(dan_van_plan(), allow_unicode=True),
        encoding="utf-8",
    )
    sheet, back = tmp_path / "plan.xlsx", tmp_path / "back.yaml"
    assert main(["export-sheet", str(source), "-o", str(sheet)]) == 0
    assert main(["import-sheet", str(sheet), "--plan", str(source), "-o", str(back)]) == 0
    text = back.read_text(encoding="utf-8")
    assert "total: 185 triệu đồng" in text and "amount: 35.000.000đ" in text
    assert "date: 12/01/2027" in text and "# Kế hoạch dân vận xã Tả Van" in text
    out = tmp_path / "2028.yaml"
    assert main(["next-year", str(source), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "# Kế hoạch dân vận xã Tả Van" in text
    assert kehoach.load_plan(out).year == 2028


def test_progress_figures_written_and_kept():
    """Achieved figures (Decimals) are written as 3 and 2.5, and a figure written "2,5"
    that did not change keeps its form (the page saves progress through this)."""
    from kehoach import load_progress, to_yaml, to_yaml_over

    progress = load_progress(
        {"period": "6m", "targets": [{"id": "a", "achieved": 3}, {"id": "b", "achieved": "2,5"}]}
    )
    assert "achieved: 3\n" in to_yaml(progress) and "achieved: 2.5\n" in to_yaml(progress)
    original = "\n".join(
        [
            "period: 6m",
            "targets:",
            "  - id: a  # ghi chú",
            "    achieved: 1",
            "  - id: b",
            '    achieved: "2,5"',
            "",
        ]
    )
    text = to_yaml_over(progress, original)
    assert "- id: a  # ghi chú\n    achieved: 3\n" in text
    assert 'achieved: "2,5"' in text
