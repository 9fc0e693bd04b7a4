"""One-way layers (architecture.md): each package imports only what its layer may."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "kehoach"

# package (relative to src/kehoach) → module prefixes it must not import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "vi": ("docx", "docxtpl", "pluggy", "pydantic", "kehoach.model", "kehoach.render"),
    "model": ("docx", "docxtpl", "pluggy", "kehoach.render", "kehoach.cli", "kehoach.compose"),
    "profiles": ("docx", "docxtpl", "kehoach.model", "kehoach.render", "kehoach.cli"),
    "compose": ("docx", "docxtpl", "pluggy", "kehoach.render", "kehoach.cli"),
    "render": ("kehoach.cli",),
    "check": ("kehoach.render", "kehoach.cli", "docxtpl"),
    # Reading a document knows nothing of the rules that judge it (Word import reads too).
    "check/read": (
        "kehoach.render",
        "kehoach.cli",
        "docxtpl",
        "kehoach.check.rules",
        "kehoach.check.engine",
        "kehoach.check.findings",
        "kehoach.check.report",
        "kehoach.check.command",
        "kehoach.check.doc_class",
    ),
    "docx_import": ("kehoach.render", "kehoach.cli", "docx", "docxtpl", "kehoach.check.rules"),
    "report": ("kehoach.cli", "kehoach.render", "docx", "docxtpl"),
    "rollover": ("kehoach.cli", "kehoach.render", "docx", "docxtpl"),
    "cli": ("docx", "docxtpl"),
    "plugins": ("kehoach.cli",),
    "pdf": ("kehoach.cli", "docx", "docxtpl", "kehoach.model", "kehoach.compose"),
    "web": ("kehoach.cli", "docx", "docxtpl"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _cases():
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((SRC / package).rglob("*.py")):
            yield pytest.param(path, forbidden, id=str(path.relative_to(SRC)))


@pytest.mark.parametrize(("path", "forbidden"), list(_cases()))
def test_module_respects_its_layer(path: Path, forbidden: tuple[str, ...]):
    """A module imports nothing its layer must not depend on."""
    bad = sorted(
        name
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )
    assert bad == [], f"{path.relative_to(SRC)} imports {bad}"


def test_plugins_use_only_the_public_api():
    """Built-in plugins import kehoach's public names only, like third-party ones."""
    allowed = ("kehoach", "kehoach.model", "kehoach.vi", "kehoach.compose")
    for path in sorted((SRC / "plugins").glob("*.py")):
        private = sorted(
            name for name in _imports(path) if name.startswith("kehoach.") and name not in allowed
        )
        assert private == [], f"{path.name} imports {private}"


def test_cli_uses_the_public_facade():
    """The CLI imports kehoach's public names only (and the public check, pdf and import
    packages)."""
    allowed = (
        "kehoach",
        "kehoach.errors",
        "kehoach.check",
        "kehoach.pdf",
        "kehoach.parallel",
        "kehoach.docx_import",
        "kehoach.web.serve",
    )
    for path in sorted((SRC / "cli").glob("*.py")):
        private = sorted(
            name
            for name in _imports(path)
            if name.startswith("kehoach.")
            and not name.startswith("kehoach.cli")
            and name not in allowed
        )
        assert private == [], f"cli/{path.name} imports {private}"


def test_only_serve_imports_the_web_extra():
    """Starlette, uvicorn and kehoach.web stay out of every module but kehoach.web itself:
    the core install works without the web extra."""
    web = ("starlette", "uvicorn", "multipart", "kehoach.web")
    for path in sorted(SRC.rglob("*.py")):
        if path.is_relative_to(SRC / "web"):
            continue
        bad = sorted(n for n in _imports(path) if any(n == w or n.startswith(w + ".") for w in web))
        if path == SRC / "cli" / "serve_commands.py":
            assert bad == ["kehoach.web.serve"], bad  # imported inside run_serve only
            continue
        assert bad == [], f"{path.relative_to(SRC)} imports {bad}"
