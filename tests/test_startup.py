"""Start-up: each command imports and builds only what it needs (issue 15).

Each case runs the command in a new Python process and lists the modules it imported;
timings are in benchmarks/cli_bench.py, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"

_PROBE = """
import json, sys
from kehoach.cli import main
code = main(sys.argv[1:])
model = sys.modules.get("kehoach.model")
state = {
    "code": code,
    "modules": sorted(sys.modules),
    "progress_built": model and bool(model.Progress.__pydantic_complete__),
}
print("PROBE" + json.dumps(state))
"""


def _probe(*argv: str) -> dict[str, object]:
    """Run ``kehoach argv`` in a fresh interpreter; its exit code and imported modules."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=False
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("PROBE"))
    result: dict[str, object] = json.loads(line[len("PROBE") :])
    return result


def _loaded(modules: object, *names: str) -> list[str]:
    assert isinstance(modules, list)
    return [n for n in names if n in modules]


def test_import_kehoach_is_light():
    """`import kehoach` loads neither pydantic nor importlib.metadata nor the model."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, kehoach; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    for heavy in ("pydantic", "importlib.metadata", "kehoach.model", "yaml", "babel"):
        assert f"'{heavy}'" not in done.stdout


def test_check_loads_no_rendering_and_no_model(tmp_path: Path):
    """`kehoach check` reads DOCX only: no Jinja, babel, spreadsheets, data model or plugins.

    With kehoach's own plugins alone installed, its format profiles are taken directly:
    neither pydantic nor pluggy nor importlib.metadata is loaded.
    """
    docx = tmp_path / "plan.docx"
    assert _probe("render", str(EXAMPLE), "-o", str(docx))["code"] == 0
    state = _probe("check", str(docx))
    assert state["code"] in (0, 1)
    heavy = ("jinja2", "docxtpl", "babel", "openpyxl", "kehoach.render", "kehoach.report")
    assert _loaded(state["modules"], *heavy) == []
    plugins = ("pydantic", "kehoach.model", "pluggy", "importlib.metadata", "kehoach.manager")
    assert _loaded(state["modules"], *plugins) == []


def test_render_builds_only_the_plan_path(tmp_path: Path):
    """`kehoach render` skips babel, reports, roll-over, sheets, the checker, progress models."""
    state = _probe("render", str(EXAMPLE), "-o", str(tmp_path / "plan.docx"))
    assert state["code"] == 0
    unneeded = ("babel", "openpyxl", "kehoach.report", "kehoach.rollover", "kehoach.check")
    assert _loaded(state["modules"], *unneeded) == []
    assert state["progress_built"] is False


@pytest.mark.parametrize("argv", [("--version",), ("--help",)])
def test_version_and_help_need_no_model(argv: tuple[str, ...]):
    """`kehoach --version` and `--help` answer without loading the data model."""
    done = subprocess.run(
        [sys.executable, "-m", "kehoach", *argv], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "kehoach" in done.stdout


def test_word_import_loads_no_renderer_and_no_check_rules(tmp_path: Path):
    """`kehoach import` of a real document reads it without Jinja, the renderer or check's rules."""
    real = ROOT / "tests" / "data" / "real-docx" / "mttq-ke-hoach-cong-tac-bau-cu.docx"
    state = _probe("import", str(real), "-o", str(tmp_path / "plan.yaml"))
    assert state["code"] == 0
    unneeded = ("jinja2", "kehoach.render", "kehoach.check.engine", "kehoach.check.rules")
    assert _loaded(state["modules"], *unneeded) == []


@pytest.mark.parametrize(
    "argv",
    [
        ("next-year", str(EXAMPLE), "-o", "{tmp}/2023.yaml"),
        ("export-sheet", str(EXAMPLE), "-o", "{tmp}/plan.xlsx"),
        ("schema", "-o", "{tmp}/schema.json"),
        ("new", "--type", "dan-van", "--year", "2027", "-o", "{tmp}/new.yaml"),
        (
            "migrate",
            str(ROOT / "tests" / "data" / "starter-v1-dan-van-2026.yaml"),
            "-o",
            "{tmp}/v2.yaml",
        ),
    ],
    ids=lambda argv: argv[0],
)
def test_commands_writing_data_load_no_renderer(argv: tuple[str, ...], tmp_path: Path):
    """Commands that write YAML, JSON or a sheet write atomically without loading Jinja."""
    state = _probe(*(arg.format(tmp=tmp_path) for arg in argv))
    assert state["code"] == 0
    assert _loaded(state["modules"], "jinja2", "kehoach.render") == []
