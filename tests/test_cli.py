"""The command line: Vietnamese by default, exit code 2 and no traceback on bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.cli import main
from kehoach.messages import MESSAGES
from plan_data import minimal_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_help_is_vietnamese_by_default(capsys):
    """`kehoach --help` speaks Vietnamese; `--lang en` English."""
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    assert "tuỳ chọn:" in out and "render" in out
    code, out, _ = _run(capsys, "--lang", "en", "--help")
    assert code == 0 and "options:" in out


def test_every_command_has_help(capsys):
    """Every sub-command answers --help with a description (architecture property 7)."""
    _, out, _ = _run(capsys, "--help")
    commands = re.findall(r"^    (\S[\w-]*)\s", out, flags=re.MULTILINE)
    assert "render" in commands and "validate" in commands
    for command in commands:
        code, text, _ = _run(capsys, command, "--help")
        assert code == 0 and "tuỳ chọn:" in text, command


def test_usage_error_is_vietnamese_with_exit_2(capsys):
    """A missing argument is reported in Vietnamese with exit code 2."""
    code, _, err = _run(capsys, "render")
    assert code == 2
    assert "thiếu tham số bắt buộc" in err


def test_validate_example(capsys):
    """The example plan validates."""
    code, out, _ = _run(capsys, "validate", str(EXAMPLE))
    assert code == 0 and "hợp lệ" in out


def test_validate_reports_file_line_field(capsys, tmp_path):
    """An invalid plan names the file, the line and the field, in vi or en."""
    data = minimal_plan()
    data["year"] = "năm ngoái"
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, _, err = _run(capsys, "validate", str(path))
    assert code == 2
    assert f"Lỗi: {path}, dòng 1, cột 7, trường year: phải là số nguyên" in err
    code, _, err = _run(capsys, "--lang", "en", "validate", str(path))
    assert f"error: {path}, line 1, column 7, field year: must be a whole number" in err


def test_schema_has_vietnamese_descriptions(capsys, tmp_path):
    """`kehoach schema` prints a JSON Schema whose field descriptions are Vietnamese."""
    code, out, _ = _run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["properties"]["year"]["description"] == "Năm kế hoạch"
    target = tmp_path / "plan.schema.json"
    assert _run(capsys, "schema", "-o", str(target))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema


def test_existing_output_needs_force(capsys, tmp_path):
    """An existing file is not overwritten without --force."""
    target = tmp_path / "plan.schema.json"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = _run(capsys, "schema", "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert _run(capsys, "schema", "-o", str(target), "--force")[0] == 0


def test_language_from_environment(capsys, monkeypatch):
    """KEHOACH_LANG=en switches messages to English."""
    monkeypatch.setenv("KEHOACH_LANG", "en")
    code, _, err = _run(capsys, "render")
    assert code == 2 and "the following arguments are required" in err


def test_custom_errors_have_both_languages():
    """Every error type kehoach raises is worded in Vietnamese and English."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))
    raised = set(re.findall(r'PydanticCustomError\(\s*"([\w.]+)"', source))
    assert raised <= set(MESSAGES), raised - set(MESSAGES)


def test_module_entry_point_has_no_traceback(tmp_path):
    """`python -m kehoach` on a broken file prints a message, exit 2, no traceback."""
    path = tmp_path / "plan.yaml"
    path.write_text("year: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kehoach", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "YAML không hợp lệ" in result.stderr


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_file_content_gives_exit_0_or_2(tmp_path, text):
    """Whatever a plan file holds, validate answers 0 or 2 and never raises."""
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert main(["validate", str(path)]) in (0, 2)


def test_render_prints_review_warnings(capsys, tmp_path):
    """`kehoach render` makes the document and says on stderr what still needs a person."""
    data = minimal_plan()
    data["title"]["subject"] = "Công tác tuyên giáo năm 2022"  # F-SUBJ-1: lower-case start
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, _, err = _run(capsys, "render", str(path), "-o", str(tmp_path / "plan.docx"))
    assert code == 0 and (tmp_path / "plan.docx").exists()
    assert "Cảnh báo" in err and "F-SUBJ-1" in err


def test_review_warnings_name_the_line(capsys, tmp_path):
    """A review warning points at the line of the plan file it is about."""
    data = minimal_plan()
    data["title"]["subject"] = "Công tác tuyên giáo năm 2022"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "Công tác tuyên giáo" in t)
    _, _, err = _run(capsys, "validate", str(path))
    assert f"{path}, dòng {line}: F-SUBJ-1 title.subject" in err


def test_lang_after_the_command(capsys):
    """`kehoach render --lang en` works like `kehoach --lang en render`."""
    code, _, err = _run(capsys, "render", "--lang", "en")
    assert code == 2 and "the following arguments are required" in err


def test_output_in_a_missing_folder_creates_it(capsys, tmp_path):
    """-o into a folder that does not exist creates it, as --out-dir does (issue 12)."""
    code, _, _ = _run(capsys, "render", str(EXAMPLE), "-o", str(tmp_path / "out" / "x.docx"))
    assert code == 0 and (tmp_path / "out" / "x.docx").is_file()


def test_output_onto_a_folder_is_a_clear_error(capsys, tmp_path):
    """-o naming a folder is exit 2 with a message, and nothing is written."""
    code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(tmp_path), "--force")
    assert code == 2 and "đây là một thư mục" in err
    assert list(tmp_path.iterdir()) == []


def test_not_a_workbook_is_a_clear_error(capsys, tmp_path):
    """import-sheet on a file that is not .xlsx says so (exit 2), no traceback."""
    bogus = tmp_path / "plan.txt"
    bogus.write_text("not a workbook", encoding="utf-8")
    code, _, err = _run(
        capsys, "import-sheet", str(bogus), "--plan", str(EXAMPLE), "-o", str(tmp_path / "p.yaml")
    )
    assert code == 2 and ".xlsx" in err


def test_unexpected_failure_is_reported_without_traceback(capsys, monkeypatch):
    """A bug inside a command ends with a plain message and exit 2 (KEHOACH_DEBUG shows it)."""
    import kehoach.cli.plan_commands as commands

    def broken(args, ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(commands, "run_validate", broken)
    code, _, err = _run(capsys, "validate", str(EXAMPLE))
    assert code == 2 and "lỗi nội bộ" in err and "boom" in err
    monkeypatch.setenv("KEHOACH_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["validate", str(EXAMPLE)])


def test_schema_of_progress_files(capsys):
    """`kehoach schema --kind progress` describes progress files, in Vietnamese."""
    code, out, _ = _run(capsys, "schema", "--kind", "progress")
    schema = json.loads(out)
    assert code == 0 and schema["title"].startswith("Kết quả thực hiện")
    assert "targets" in schema["properties"]


def test_usage_line_is_in_the_users_language(capsys):
    """ "cách dùng:" in Vietnamese (argparse writes "usage:"), "usage:" in English."""
    _, _, err = _run(capsys, "validate")
    assert err.startswith("cách dùng: kehoach validate")
    _, _, err = _run(capsys, "--lang", "en", "validate")
    assert err.startswith("usage: kehoach validate")


def test_every_argument_has_help():
    """Every option and positional argument of every command is explained."""
    import argparse

    from kehoach.cli import build_parser
    from kehoach.cli.base import Translator

    parser = build_parser(Translator("vi"))
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, sub in commands.choices.items():
        missing = [a.dest for a in sub._actions if not a.help]
        assert missing == [], name
