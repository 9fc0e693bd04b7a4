"""The documentation covers the public functions it promises to."""

from __future__ import annotations

from pathlib import Path

import kehoach.vi

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_vi_function():
    """Each public function of kehoach.vi appears in the README with an example."""
    missing = [
        name
        for name in kehoach.vi.__all__
        if callable(getattr(kehoach.vi, name)) and f"`{name}(" not in README
    ]
    assert missing == []
