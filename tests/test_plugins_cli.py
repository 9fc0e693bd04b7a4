"""`kehoach types`, `plugins`, `new`, and plugins in `render`/`validate` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kehoach.check import check_docx
from kehoach.cli import main
from plugin_fakes import install_fake

ROOT = Path(__file__).resolve().parents[1]
SAPA = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"

RAISING_TEMPLATE = """
from kehoach import hookimpl

@hookimpl
def kehoach_template(plan):
    raise KeyError("không có mẫu")
"""


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def _no_env_disable(monkeypatch):
    monkeypatch.delenv("KEHOACH_DISABLE_PLUGINS", raising=False)


def test_types_lists_each_type_with_its_plugin(capsys):
    """`kehoach types` prints id, name, title pattern and the providing plugin."""
    code, out, _ = _run(capsys, "types")
    assert code == 0
    lines = {line.split("\t")[0]: line for line in out.splitlines()}
    assert "Công tác dân vận" in lines["dan-van"] and "(plugin dan_van)" in lines["dan-van"]
    assert "Kế hoạch công tác tuyên giáo năm {year}" in lines["tuyen-giao"]
    code, out, _ = _run(capsys, "--lang", "en", "types")
    assert "Mass mobilisation work" in out


def test_disable_plugin_option_removes_a_type(capsys):
    """`--disable-plugin dan_van` (repeatable) removes built-in types."""
    _, out, _ = _run(
        capsys, "--disable-plugin", "dan_van", "--disable-plugin", "khoa-giao", "types"
    )
    assert [line.split("\t")[0] for line in out.splitlines()] == ["tuyen-giao"]


def test_env_variable_removes_a_type(capsys, monkeypatch):
    """KEHOACH_DISABLE_PLUGINS removes plugins for the whole run."""
    monkeypatch.setenv("KEHOACH_DISABLE_PLUGINS", "tuyen_giao")
    _, out, _ = _run(capsys, "types")
    assert "tuyen-giao" not in out and "dan-van" in out


def test_plugins_lists_versions_and_hooks(capsys):
    """`kehoach plugins` shows each plugin's distribution, version, module and hooks."""
    code, out, _ = _run(capsys, "--disable-plugin", "khoa_giao", "plugins")
    assert code == 0
    lines = {line.split(" ")[0]: line for line in out.splitlines()}
    assert "kehoach.plugins.core" in lines["core"]
    assert "kehoach_template" in lines["core"] and "kehoach_review_plan" in lines["core"]
    assert "có sẵn" in lines["dan_van"] and "kehoach_register_plan_types" in lines["dan_van"]
    assert lines["khoa_giao:"].endswith("đã tắt")


@pytest.mark.parametrize("type_id", ["tuyen-giao", "dan-van", "khoa-giao"])
def test_new_then_render_passes_the_format_check(capsys, tmp_path, type_id: str):
    """`kehoach new` then `kehoach render`: the document passes check_docx with no error."""
    plan = tmp_path / "plan.yaml"
    code, out, err = _run(
        capsys,
        "new", "--type", type_id, "--year", "2027", "--org", "Tỉnh ủy Lào Cai",
        "-o", str(plan),
    )  # fmt: skip
    assert code == 0, err
    text = plan.read_text(encoding="utf-8")
    assert text.startswith("# Kế hoạch công tác")
    assert yaml.safe_load(text)["plan_type"] == type_id
    code, out, err = _run(capsys, "validate", str(plan))
    assert code == 0 and "hợp lệ" in out
    assert "P-TODO-1" in err and "[Ghi mục đích của kế hoạch]" in err
    code, _, err = _run(capsys, "validate", "--strict", str(plan))
    assert code == 1
    docx = tmp_path / "plan.docx"
    code, _, err = _run(capsys, "render", str(plan), "-o", str(docx))
    assert code == 0, err
    result = check_docx(docx)
    assert result.errors == (), [(f.rule, f.location.describe("en")) for f in result.errors]


def test_new_with_superior_and_place(capsys, tmp_path):
    """--superior and --place go to the header; the commune gets its Ban Xây dựng Đảng."""
    plan = tmp_path / "xa.yaml"
    code, _, err = _run(
        capsys,
        "new", "--type", "dan-van", "--year", "2026", "--org", "Đảng ủy xã Tả Van",
        "--superior", "Đảng bộ tỉnh Lào Cai", "--place", "Tả Van, Lào Cai", "-o", str(plan),
    )  # fmt: skip
    assert code == 0, err
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    assert data["header"]["superior_body"] == "Đảng bộ tỉnh Lào Cai"
    assert data["header"]["place"] == "Tả Van, Lào Cai"
    (organisation,) = [s for s in data["sections"] if s["title"] == "Tổ chức thực hiện"]
    assert organisation["content"][0]["section"] == "Ban Xây dựng Đảng Đảng ủy xã"


def test_new_unknown_type_lists_the_known_ones(capsys, tmp_path):
    """An unknown --type is exit 2 with the installed types listed, and no file."""
    target = tmp_path / "x.yaml"
    code, _, err = _run(capsys, "new", "--type", "xay-dung", "--year", "2027", "-o", str(target))
    assert code == 2
    assert "xay-dung" in err and "dan-van, khoa-giao, tuyen-giao" in err
    assert not target.exists()


def test_new_refuses_to_overwrite_without_force(capsys, tmp_path):
    """`kehoach new` keeps an existing file unless --force."""
    target = tmp_path / "x.yaml"
    target.write_text("giữ nguyên", encoding="utf-8")
    code, _, err = _run(capsys, "new", "--type", "dan-van", "--year", "2027", "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "giữ nguyên"
    code, _, _ = _run(
        capsys, "new", "--type", "dan-van", "--year", "2027", "-o", str(target), "--force"
    )
    assert code == 0 and "plan_type: dan-van" in target.read_text(encoding="utf-8")


def test_new_with_a_disabled_type_fails(capsys, tmp_path):
    """A disabled type's plugin is gone: `new --type` of it is an unknown type."""
    code, _, err = _run(
        capsys, "--disable-plugin", "dan_van", "new", "--type", "dan-van", "--year", "2027",
        "-o", str(tmp_path / "x.yaml"),
    )  # fmt: skip
    assert code == 2 and "dan-van" in err


def test_raising_plugin_in_render_exits_2_without_output(capsys, tmp_path, monkeypatch):
    """A third-party hook that raises: message names plugin and hook, exit 2, no file."""
    install_fake(
        monkeypatch,
        tmp_path / "site",
        "kehoach-hong",
        {"hong": "kehoach_hong"},
        {"kehoach_hong": RAISING_TEMPLATE},
    )
    out_dir = tmp_path / "out"
    code, _, err = _run(capsys, "render", str(SAPA), "--out-dir", str(out_dir))
    assert code == 2
    assert "hong" in err and "kehoach_template" in err and "Traceback" not in err
    assert not out_dir.exists() or list(out_dir.iterdir()) == []
    code, _, err = _run(capsys, "--lang", "en", "render", str(SAPA), "-o", str(tmp_path / "a"))
    assert code == 2 and "plugin “hong” failed in hook kehoach_template" in err
    assert not (tmp_path / "a").exists()
    # Disabled, the same plugin no longer matters.
    code, _, err = _run(
        capsys, "--disable-plugin", "hong", "render", str(SAPA), "-o", str(tmp_path / "b.docx")
    )
    assert code == 0, err
    assert (tmp_path / "b.docx").is_file()


def test_third_party_reusing_builtin_name_fails_every_command(capsys, tmp_path, monkeypatch):
    """A distribution declaring `tuyen_giao` is an error at load: exit 2, clear message."""
    install_fake(
        monkeypatch,
        tmp_path,
        "kehoach-gia",
        {"tuyen_giao": "kehoach_gia"},
        {"kehoach_gia": "\n"},
    )
    code, _, err = _run(capsys, "types")
    assert code == 2 and "kehoach-gia" in err and "tuyen_giao" in err


def test_validate_prints_plugin_warnings(capsys, tmp_path):
    """`kehoach validate` prints review warnings with code and field, exit 0."""
    plan = tmp_path / "p.yaml"
    text = SAPA.read_text(encoding="utf-8").replace(
        "  type_name: Kế hoạch\n  subject: >-\n    triển khai",
        "  type_name: Kế hoạch\n  subject: >-\n    Triển khai",
    )
    plan.write_text(text, encoding="utf-8")
    code, out, err = _run(capsys, "validate", str(plan))
    # Two: F-SUBJ-1, and P-TONE-1 (the source mixes "hóa" and "hoá").
    assert code == 0 and "2 cảnh báo" in out
    assert "F-SUBJ-1 title.subject" in err
    code, _, err = _run(capsys, "--lang", "en", "validate", str(plan))
    assert "should start with a lower-case letter" in err
