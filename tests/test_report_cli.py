"""`kehoach progress-sheet` and `kehoach report`: Vietnamese messages, exit code 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import yaml

from kehoach.cli import main
from report_data import PLAN, PROGRESS_6M, ROOT


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _progress(tmp_path, change) -> str:
    data = yaml.safe_load(PROGRESS_6M.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "progress.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def test_report_from_yaml(capsys, tmp_path):
    """`kehoach report PLAN PROGRESS -o out.docx` writes the report (exit 0)."""
    out = tmp_path / "bao-cao.docx"
    code, stdout, stderr = _run(capsys, "report", PLAN, PROGRESS_6M, "-o", out)
    assert code == 0, stderr
    assert stdout.strip() == f"Đã tạo {out}" and stderr == ""
    with zipfile.ZipFile(out) as docx:
        assert "BÁO CÁO" in docx.read("word/document.xml").decode("utf-8")


def test_sheet_then_report(capsys, tmp_path):
    """progress-sheet writes the workbook; an untouched one reports everything "chưa báo cáo"."""
    sheet = tmp_path / "progress.xlsx"
    assert _run(capsys, "progress-sheet", PLAN, "-o", sheet)[0] == 0
    assert sheet.stat().st_size > 0
    out = tmp_path / "r.docx"
    code, _, stderr = _run(capsys, "report", PLAN, sheet, "--period", "q1", "-o", out)
    assert code == 0, stderr
    assert "Chưa báo cáo" in zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")


def test_outputs_are_not_overwritten_without_force(capsys, tmp_path):
    """An existing output is kept (exit 2) unless --force is given."""
    out = tmp_path / "r.docx"
    out.write_bytes(b"keep")
    code, _, stderr = _run(capsys, "report", PLAN, PROGRESS_6M, "-o", out)
    assert code == 2 and "dùng --force để ghi đè" in stderr and out.read_bytes() == b"keep"
    assert _run(capsys, "report", PLAN, PROGRESS_6M, "-o", out, "--force")[0] == 0
    sheet = tmp_path / "s.xlsx"
    sheet.write_bytes(b"keep")
    assert _run(capsys, "progress-sheet", PLAN, "-o", sheet)[0] == 2
    assert sheet.read_bytes() == b"keep"
    assert _run(capsys, "progress-sheet", PLAN, "-o", sheet, "--force")[0] == 0


def test_unknown_id_exit_2_with_nearest(capsys, tmp_path):
    """An unknown id: exit 2, a Vietnamese message with file, line and nearest id."""
    progress = _progress(tmp_path, lambda d: d["targets"][0].update(id="hn-quan-triett"))
    out = tmp_path / "r.docx"
    code, _, stderr = _run(capsys, "report", PLAN, progress, "-o", out)
    assert code == 2 and not out.exists()
    assert "Lỗi:" in stderr and "dòng " in stderr and "trường targets[0].id" in stderr
    assert "mã chỉ tiêu 'hn-quan-triett' không có trong kế hoạch (gần nhất: hn-quan-triet" in stderr
    assert "Traceback" not in stderr


def test_english_messages(capsys, tmp_path):
    """--lang en words errors in English."""
    progress = _progress(tmp_path, lambda d: d["targets"][0].update(achieved="many"))
    code, _, stderr = _run(capsys, "--lang", "en", "report", PLAN, progress, "-o", tmp_path / "r")
    assert code == 2 and "error:" in stderr and "'many' is not a number" in stderr


def test_missing_period(capsys, tmp_path):
    """No period in the file and no --period: exit 2 with a message saying what to do."""
    progress = _progress(tmp_path, lambda d: d.pop("period"))
    code, _, stderr = _run(capsys, "report", PLAN, progress, "-o", tmp_path / "r.docx")
    assert code == 2 and "chưa có kỳ báo cáo" in stderr and "--period" in stderr


def test_period_disagreeing_with_the_file_is_an_error(capsys, tmp_path):
    """--period year on a six-month file: exit 2 naming both periods, no report (#12)."""
    out = tmp_path / "r.docx"
    code, _, stderr = _run(capsys, "report", PLAN, PROGRESS_6M, "--period", "year", "-o", out)
    assert code == 2 and not out.exists()
    assert "--period year (năm 2022) khác kỳ báo cáo ghi trong tệp tiến độ" in stderr
    assert "(6 tháng đầu năm 2022)" in stderr


def test_period_given_where_the_file_has_none_prints_warnings(capsys, tmp_path):
    """--period fills in a file without a period; contradictions are printed as warnings."""
    progress = _progress(tmp_path, lambda d: (d.pop("period"), d.pop("cutoff", None)))
    out = tmp_path / "r.docx"
    code, _, stderr = _run(capsys, "report", PLAN, progress, "--period", "year", "-o", out)
    assert code == 0 and out.exists()
    assert "ghi 'Đang thực hiện trong hạn' nhưng thời hạn là 30/6/2022" in stderr


def test_commands_have_help(capsys):
    """Both commands answer --help in Vietnamese."""
    for command in ("report", "progress-sheet"):
        code, out, _ = _run(capsys, command, "--help")
        assert code == 0 and "tuỳ chọn:" in out


def test_broken_workbook_no_traceback(tmp_path):
    """`python -m kehoach report` on a damaged .xlsx: exit 2, a message, no traceback."""
    broken = tmp_path / "progress.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    done = subprocess.run(
        [sys.executable, "-m", "kehoach", "report", str(PLAN), str(broken), "-o", "r.docx"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 2
    assert "không đọc được tệp bảng tính" in done.stderr and "Traceback" not in done.stderr
