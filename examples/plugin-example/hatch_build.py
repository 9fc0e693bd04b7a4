"""Build hook: derive the plugin's letterhead from kehoach's default template.

The letterhead follows the kehoach it is built with, so it always defines every style
and placeholder that kehoach's renderer needs. The template is taken from an installed
kehoach (``kehoach.default_template()``) or, in kehoach's own repository, from
``templates/party.docx``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "src" / "kehoach_xay_dung_dang"


def _letterhead_module() -> Any:
    # Loaded by path: importing the package itself would need kehoach at build time.
    spec = importlib.util.spec_from_file_location("_letterhead", PACKAGE / "letterhead.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _default_template() -> Path:
    try:
        import kehoach

        return Path(kehoach.default_template())
    except Exception:  # kehoach not importable in an isolated build environment
        in_repo = HERE.parents[1] / "templates" / "party.docx"
        if in_repo.is_file():
            return in_repo
        raise RuntimeError(
            "kehoach's default template was not found: build with kehoach installed "
            "(pip install --no-build-isolation) or from kehoach's repository"
        ) from None


class LetterheadBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Write src/kehoach_xay_dung_dang/letterhead.docx before the files are collected."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        target = PACKAGE / "letterhead.docx"
        if self.target_name == "sdist" and target.is_file():
            return
        _letterhead_module().derive_letterhead(_default_template(), target)
