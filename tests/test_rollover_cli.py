"""``kehoach next-year``: plan and review list written side by side; exit 2 on bad input."""

from __future__ import annotations

from pathlib import Path

import yaml

import kehoach
from kehoach.cli import main
from kehoach.cli.rollover_commands import review_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
YEAR_END = ROOT / "examples" / "sapa-2022-progress-year.yaml"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_next_year_writes_plan_and_review(capsys, tmp_path: Path):
    """The plan and NEXT.review.md are written; the review list is printed in Vietnamese."""
    out = tmp_path / "ke-hoach-2023.yaml"
    code, stdout, err = _run(capsys, "next-year", str(EXAMPLE), "-o", str(out))
    assert code == 0, err
    review = tmp_path / "ke-hoach-2023.review.md"
    assert review.read_text(encoding="utf-8") in stdout
    assert "# Danh sách cần rà soát: kế hoạch năm 2023" in stdout
    assert f"Đã tạo {out}" in stdout
    plan = kehoach.load_plan(out)
    assert plan.year == 2023
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Kế hoạch năm 2023: bản nháp do kehoach next-year lập từ")
    assert "ke-hoach-2023.review.md" in text.splitlines()[1]


def test_next_year_with_progress_and_applied_suggestions(capsys, tmp_path: Path):
    """--progress carries over; --apply-suggestions makes the suggested changes."""
    out = tmp_path / "next.yaml"
    code, stdout, err = _run(
        capsys,
        "next-year",
        str(EXAMPLE),
        "--progress",
        str(YEAR_END),
        "--apply-suggestions",
        "-o",
        str(out),
    )
    assert code == 0, err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert "basis" not in data.get("opening", {})  # suggested for Sa Pa's own paragraph
    assert "Đã sửa: `năm 2022` → `năm 2023`" in stdout
    assert "đề xuất sửa" not in stdout  # nothing left to apply


def test_existing_output_is_not_overwritten(capsys, tmp_path: Path):
    """Without --force an existing plan or review file stops the command; nothing is written."""
    out = tmp_path / "next.yaml"
    review = review_path(out)
    review.write_text("giữ nguyên", encoding="utf-8")
    code, _, err = _run(capsys, "next-year", str(EXAMPLE), "-o", str(out))
    assert code == 2 and "đã tồn tại; dùng --force" in err
    assert not out.exists() and review.read_text(encoding="utf-8") == "giữ nguyên"
    code, _, _ = _run(capsys, "next-year", str(EXAMPLE), "-o", str(out), "--force")
    assert code == 0 and review.read_text(encoding="utf-8").startswith("# Danh sách")


def test_year_not_after_the_plan_exits_2(capsys, tmp_path: Path):
    """--year 2022 for a 2022 plan: a Vietnamese message, exit 2, no traceback."""
    code, _, err = _run(
        capsys, "next-year", str(EXAMPLE), "--year", "2022", "-o", str(tmp_path / "x.yaml")
    )
    assert code == 2
    assert "Lỗi: năm của kế hoạch mới (2022) phải sau năm 2022" in err
    assert "Traceback" not in err and not (tmp_path / "x.yaml").exists()


def test_progress_of_another_plan_exits_2(capsys, tmp_path: Path):
    """A progress file whose ids are not the plan's is refused with exit 2."""
    other = tmp_path / "other.yaml"
    other.write_text(
        "period: year\ntargets:\n  - id: chi-tieu-khac\n    achieved: 3\n", encoding="utf-8"
    )
    code, _, err = _run(
        capsys,
        "next-year",
        str(EXAMPLE),
        "--progress",
        str(other),
        "-o",
        str(tmp_path / "x.yaml"),
    )
    assert code == 2 and "chi-tieu-khac" in err and "Traceback" not in err
    assert not (tmp_path / "x.yaml").exists()


def test_english_messages(capsys, tmp_path: Path):
    """--lang en prints the review list and messages in English."""
    out = tmp_path / "next.yaml"
    code, stdout, _ = _run(capsys, "--lang", "en", "next-year", str(EXAMPLE), "-o", str(out))
    assert code == 0
    assert stdout.startswith("# Review list: plan for 2023") and f"Wrote {out}" in stdout


def test_review_path_sits_beside_the_output():
    """NEXT.yaml → NEXT.review.md; a name without a suffix gets one too."""
    assert review_path(Path("a/next.yaml")) == Path("a/next.review.md")
    assert review_path(Path("next")) == Path("next.review.md")
