"""`kehoach check` takes kehoach's own profiles directly, and plugins' when any are installed."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

from kehoach import only_builtin_plugins
from kehoach.cli import main
from plugin_fakes import install_fake

CORPUS = Path(__file__).resolve().parent / "data" / "real-docx"
FRONT_DOC = CORPUS / "mttq-ke-hoach-kiem-tra-giam-sat.docx"
PARTY_DOC = CORPUS / "party-chibo-nghi-quyet-mau13.docx"

FRONT_PROFILE = """
import dataclasses
from datetime import date

from kehoach import BUILTIN_PROFILES, hookimpl

@hookimpl
def kehoach_format_profiles():
    return [dataclasses.replace(BUILTIN_PROFILES["state-2020"], id="mttq-2020", name="MTTQ",
                                family="fatherland-front", valid_from=date(2020, 3, 5))]
"""


@pytest.fixture(autouse=True)
def _no_env_disable(monkeypatch):
    monkeypatch.delenv("KEHOACH_DISABLE_PLUGINS", raising=False)


def _check(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_builtin_profiles_without_loading_plugins():
    """With kehoach's plugins alone installed, check needs no plugin manager."""
    assert only_builtin_plugins()
    assert not only_builtin_plugins(["dan_van"])


def test_a_plugins_profile_is_used_by_check(capsys, tmp_path, monkeypatch):
    """An installed plugin's profile is found by `kehoach check` (`--profile` and by class)."""
    code, _, err = _check(capsys, "--profile", "mttq-2020", str(FRONT_DOC))
    assert code == 2 and "mttq-2020" in err
    install_fake(
        monkeypatch, tmp_path / "site", "kehoach-mttq", {"mttq": "kehoach_mttq"},
        {"kehoach_mttq": FRONT_PROFILE},
    )  # fmt: skip
    assert not only_builtin_plugins()
    code, out, _ = _check(capsys, "--format", "json", str(FRONT_DOC))
    assert code in (0, 1) and json.loads(out)["files"][0]["profile"]["id"] == "mttq-2020"


@pytest.mark.parametrize("how", ["option", "environment"])
def test_disabling_the_profiles_plugin_still_counts(capsys, monkeypatch, how):
    """`--disable-plugin profiles` (or the variable) leaves check with no profile: exit 3."""
    if how == "option":
        code = main(["--disable-plugin", "profiles", "check", str(PARTY_DOC)])
    else:
        monkeypatch.setenv("KEHOACH_DISABLE_PLUGINS", "profiles")
        code = main(["check", str(PARTY_DOC)])
    capsys.readouterr()
    assert code == 3


def test_a_broken_plugin_still_stops_check(capsys, tmp_path, monkeypatch):
    """A third-party plugin that cannot load makes check exit 2 naming it, as before."""
    install_fake(
        monkeypatch, tmp_path / "site", "kehoach-vo", {"vo": "kehoach_vo"},
        {"kehoach_vo": "raise ImportError('thiếu thư viện')\n"},
    )  # fmt: skip
    code, _, err = _check(capsys, str(PARTY_DOC))
    assert code == 2 and "vo" in err and "Traceback" not in err


def test_a_zip_on_sys_path_means_maybe(tmp_path, monkeypatch):
    """Distributions inside a zip file are not scanned: the plugins are loaded instead."""
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("x.py", "")
    monkeypatch.setattr(sys, "path", [*sys.path, str(archive)])
    assert not only_builtin_plugins()
