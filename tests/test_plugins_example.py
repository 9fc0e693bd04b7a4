"""examples/plugin-example: a third-party plugin adding a plan type and its own letterhead."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import kehoach
from kehoach import get_plugin_manager, plan_types, render_plan_bytes, review_plan
from plugin_fakes import EXAMPLE_PLUGIN, document_xml, example_plugin

ROOT = Path(__file__).resolve().parents[1]
CODE_STYLE = "XDDDocumentCode"


@pytest.fixture
def pm(monkeypatch, tmp_path):
    """The default plugins plus the example plugin, registered as its entry point would."""
    monkeypatch.delenv("KEHOACH_DISABLE_PLUGINS", raising=False)
    manager = get_plugin_manager()
    manager.register(example_plugin(monkeypatch, tmp_path), name="xay_dung_dang")
    return manager


def test_example_declares_its_entry_point():
    """The distribution is kehoach-xay-dung-dang with entry point xay_dung_dang."""
    import tomllib

    data = tomllib.loads((EXAMPLE_PLUGIN / "pyproject.toml").read_text("utf-8"))["project"]
    assert data["name"] == "kehoach-xay-dung-dang"
    assert data["entry-points"]["kehoach"] == {"xay_dung_dang": "kehoach_xay_dung_dang"}


def test_example_adds_its_plan_type(pm):
    """kehoach_register_plan_types of the example: the type xay-dung-dang."""
    registry = plan_types(pm)
    plan_type = registry.get("xay-dung-dang")
    assert registry.provider("xay-dung-dang") == "xay_dung_dang"
    assert plan_type.title(2027) == "Kế hoạch công tác xây dựng Đảng năm 2027"
    org = kehoach.Organization("Tỉnh ủy Lào Cai", 2027)
    assert plan_type.default_units(org)[0] == "Ban Tổ chức Tỉnh ủy"
    assert "Ban Tổ chức Trung ương" in plan_type.default_recipients(org)


def test_example_letterhead_replaces_the_default(pm):
    """kehoach_template + kehoach_template_context: its letterhead prints the document code."""
    plan_type = plan_types(pm).get("xay-dung-dang")
    plan = kehoach.starting_plan(plan_type, kehoach.Organization("Tỉnh ủy Lào Cai", 2027))
    xml = document_xml(render_plan_bytes(plan, plugin_manager=pm))
    assert CODE_STYLE in xml and "Mã văn bản: XDĐ-2027-xay-dung-dang" in xml
    default = document_xml(render_plan_bytes(plan, plugin_manager=get_plugin_manager()))
    assert CODE_STYLE not in default


def test_example_letterhead_keeps_the_official_format(pm):
    """Everything but the added line is the default template's: check_docx finds no error."""
    from kehoach.check import check_docx

    data = kehoach.load_plan(ROOT / "examples" / "sapa-2022-tuyen-giao.yaml")
    result = check_docx(render_plan_bytes(data, plugin_manager=pm))
    assert {f.rule for f in result.errors} <= {"F-BODY-6"}  # the example's own "./."


def test_example_review_warning(pm):
    """kehoach_review_plan of the example: an unnumbered plan is flagged XDD-NUM-1."""
    plan = kehoach.load_plan(ROOT / "examples" / "sapa-2022-tuyen-giao.yaml")
    warnings = review_plan(plan, plugin_manager=pm)
    ours = [(w.code, w.plugin) for w in warnings if w.plugin != "core"]
    assert ours == [("XDD-NUM-1", "xay_dung_dang")]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.pop("KEHOACH_DISABLE_PLUGINS", None)
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", **extra)
    return env


@pytest.mark.slow
def test_example_installed_in_a_clean_venv(tmp_path):
    """Installed from wheels in a fresh venv, the plugin is found, renders, and can be disabled."""
    wheels = tmp_path / "wheels"
    # Without network beyond PyPI: build in this environment when it has hatchling
    # (no download at all), else in pip's isolated build environment.
    isolation = ["--no-isolation"] if importlib.util.find_spec("hatchling") else []
    for project in (ROOT, EXAMPLE_PLUGIN):
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", str(wheels),
             str(project)],
            env=_env(), capture_output=True, check=True, timeout=900,
        )  # fmt: skip
    (plugin_wheel,) = wheels.glob("kehoach_xay_dung_dang-*.whl")
    with zipfile.ZipFile(plugin_wheel) as archive:
        assert "kehoach_xay_dung_dang/letterhead.docx" in archive.namelist()
        entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
        assert "xay_dung_dang = kehoach_xay_dung_dang" in archive.read(entry_points).decode()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", *map(str, sorted(wheels.glob("*.whl")))],
        env=_env(), capture_output=True, check=True, timeout=900,
    )  # fmt: skip
    work = tmp_path / "work"
    work.mkdir()

    def kehoach_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(venv / "bin" / "kehoach"), *args],
            cwd=work, env=_env(**env), capture_output=True, text=True, check=False,
        )  # fmt: skip

    types = kehoach_cli("types")
    assert types.returncode == 0, types.stderr
    assert "xay-dung-dang" in types.stdout and "(plugin xay_dung_dang)" in types.stdout
    plugins = kehoach_cli("plugins")
    assert "kehoach-xay-dung-dang 0.1.0" in plugins.stdout
    new = kehoach_cli("new", "--type", "xay-dung-dang", "--year", "2027", "-o", "xdd.yaml")
    assert new.returncode == 0, new.stderr
    render = kehoach_cli("render", "xdd.yaml", "-o", "xdd.docx")
    assert render.returncode == 0, render.stderr
    with zipfile.ZipFile(work / "xdd.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert CODE_STYLE in xml and "XDĐ-2027-xay-dung-dang" in xml

    disabled = kehoach_cli("--disable-plugin", "xay_dung_dang", "types")
    assert disabled.returncode == 0 and "xay-dung-dang" not in disabled.stdout
    by_env = kehoach_cli("types", KEHOACH_DISABLE_PLUGINS="xay_dung_dang")
    assert by_env.returncode == 0 and "xay-dung-dang" not in by_env.stdout
    plain = kehoach_cli(
        "render", "xdd.yaml", "-o", "plain.docx", KEHOACH_DISABLE_PLUGINS="xay_dung_dang"
    )
    assert plain.returncode == 0, plain.stderr
    with zipfile.ZipFile(work / "plain.docx") as docx:
        assert CODE_STYLE not in docx.read("word/document.xml").decode("utf-8")
