"""The README's two quick-start commands work on a fresh environment, and CI runs the second."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quickstart(name: str) -> str:
    """The command in the ```sh block after ``<!-- quickstart:NAME -->``."""
    match = re.search(rf"<!-- quickstart:{name} -->\s*```sh\n(.+?)\n```", README, re.DOTALL)
    assert match, f"README has no quickstart:{name} block"
    return match.group(1).strip()


def _copy_checkout(target: Path) -> Path:
    """A clean copy of the tracked files (what a fresh clone holds)."""
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_file():
            destination = target / name.decode()
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    return target


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def test_ci_runs_the_readme_test_command():
    """.ci/run runs exactly the README's test command."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quickstart("test") in ci.splitlines()


def test_quickstart_commands_are_one_line_each():
    """Each quick-start block is a single command a person can paste."""
    for name in ("install", "test"):
        assert "\n" not in quickstart(name)


@pytest.mark.slow
def test_install_command_renders_the_example(tmp_path):
    """On a fresh checkout the README's install command installs kehoach and renders the example."""
    checkout = _copy_checkout(tmp_path / "checkout")
    result = subprocess.run(
        quickstart("install"),
        shell=True,
        cwd=checkout,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    output = checkout / "sapa-2022.docx"
    with zipfile.ZipFile(output) as docx:
        assert "word/document.xml" in docx.namelist()
        assert "THÀO A SINH" in docx.read("word/document.xml").decode("utf-8").upper()
    # The installed package runs from site-packages, not from the source tree.
    where = subprocess.run(
        [
            str(checkout / ".venv" / "bin" / "python"),
            "-c",
            "import kehoach; print(kehoach.__file__)",
        ],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "site-packages" in where


@pytest.mark.slow
def test_wheel_renders_from_outside_the_source_tree(tmp_path):
    """A built wheel, installed in a fresh virtual environment, renders the example."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(wheels), str(ROOT)],
        env=_env(),
        capture_output=True,
        check=True,
        timeout=900,
    )
    (wheel,) = wheels.glob("kehoach-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "kehoach/templates/party.docx" in names
    assert "kehoach/py.typed" in names
    # The page of `kehoach serve` ships in the wheel: no CDN, no build step (docs/web.md).
    assert "kehoach/web/templates/index.html" in names
    assert any(n.startswith("kehoach/web/static/") for n in names)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(wheel)],
        env=_env(),
        capture_output=True,
        check=True,
        timeout=900,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    example = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
    result = subprocess.run(
        [str(venv / "bin" / "kehoach"), "render", str(example), "-o", "out.docx"],
        cwd=elsewhere,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(elsewhere / "out.docx")
    # Without the web extra, `kehoach serve` says in one line what to install.
    serve = subprocess.run(
        [str(venv / "bin" / "kehoach"), "serve", "--no-browser"],
        cwd=elsewhere,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert serve.returncode == 2
    assert serve.stderr.strip().splitlines() == [
        'Lỗi: kehoach serve cần gói bổ sung: pip install "kehoach[web]"'
    ]
