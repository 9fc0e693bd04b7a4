"""`kehoach import`: Word files → plan files and review lists, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kehoach import load_plan, render_plan_bytes
from kehoach.cli import main

REAL = Path(__file__).parent / "data" / "real-docx"
PLAN = REAL / "mttq-ke-hoach-cong-tac-bau-cu.docx"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_writes_a_loadable_plan_and_its_review(capsys, tmp_path: Path):
    """-o PLAN.yaml: the plan loads and renders; PLAN.review.md lists the guesses."""
    output = tmp_path / "bau-cu.yaml"
    code, out, err = _run(capsys, "import", str(PLAN), "-o", str(output))
    assert (code, err) == (0, "")
    assert f"Đã tạo {output}" in out
    assert "Cần rà soát" in out and "[độ tin cậy" in out
    plan = load_plan(output)
    assert plan.header.number == 16
    assert render_plan_bytes(output)[:2] == b"PK"
    review = (tmp_path / "bau-cu.review.md").read_text(encoding="utf-8")
    assert review.startswith("# Danh sách cần rà soát khi nhập: mttq-ke-hoach-cong-tac-bau-cu")
    assert yaml.safe_load(output.read_text(encoding="utf-8"))["version"] == 2


def test_import_several_files_into_a_folder(capsys, tmp_path: Path):
    """--out-dir: NAME.yaml and NAME.review.md for each NAME.docx (folder created)."""
    folder = tmp_path / "plans"
    files = sorted(REAL.glob("mttq-*.docx"))
    code, _, err = _run(
        capsys, "--lang", "en", "import", *map(str, files), "--out-dir", str(folder)
    )
    assert (code, err) == (0, "")
    for path in files:
        assert (folder / f"{path.stem}.yaml").exists()
        assert (folder / f"{path.stem}.review.md").exists()


def test_existing_output_is_not_overwritten_without_force(capsys, tmp_path: Path):
    """An existing plan (or review) is kept unless --force; nothing is written."""
    output = tmp_path / "plan.yaml"
    output.write_text("cũ", encoding="utf-8")
    code, _, err = _run(capsys, "import", str(PLAN), "-o", str(output))
    assert code == 2 and "--force" in err
    assert output.read_text(encoding="utf-8") == "cũ"
    assert not (tmp_path / "plan.review.md").exists()
    assert _run(capsys, "import", str(PLAN), "-o", str(output), "--force")[0] == 0
    assert output.read_text(encoding="utf-8") != "cũ"


def test_one_bad_file_writes_nothing(capsys, tmp_path: Path):
    """A PDF among the inputs: exit 2, a clear message naming it, no output at all."""
    bad = tmp_path / "scan.docx"
    bad.write_bytes(b"%PDF-1.4 not word")
    folder = tmp_path / "out"
    code, out, err = _run(capsys, "import", str(PLAN), str(bad), "--out-dir", str(folder))
    assert code == 2
    assert f"{bad}: không nhập được: đây là tệp PDF" in err
    assert "Traceback" not in err + out
    assert not folder.exists() or not any(folder.iterdir())


def test_strict_refuses_low_confidence_guesses(capsys, tmp_path: Path):
    """--strict: a low-confidence guess (a form without a date) is an error, nothing written."""
    output = tmp_path / "form.yaml"
    form = REAL / "party-chibo-tong-hop-y-kien-mau12.docx"
    code, _, err = _run(capsys, "--lang", "en", "import", str(form), "-o", str(output), "--strict")
    assert code == 2
    assert "low-confidence" in err and "[confidence low]" in err
    assert not output.exists()


def test_output_option_takes_one_file(capsys, tmp_path: Path):
    """-o with two inputs is a usage error (exit 2)."""
    code, _, err = _run(capsys, "import", str(PLAN), str(PLAN), "-o", str(tmp_path / "x.yaml"))
    assert code == 2 and "--out-dir" in err
