"""The import contracts of pyproject.toml (import-linter) hold, and name the real tree."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
SRC = ROOT / "src" / "kehoach"


def _packages() -> list[str]:
    """Every package and root module under src/kehoach, by its name there."""
    names = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    names |= {p.stem for p in SRC.glob("*.py") if not p.stem.startswith("_")}
    return sorted(names)


def _contract(contract_id: str) -> dict:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return next(c for c in config["contracts"] if c["id"] == contract_id)


def test_import_linter_contracts_hold():
    """`lint-imports` keeps every contract in pyproject.toml (its report on failure)."""
    # In a child process: import-linter configures logging (dictConfig), which would
    # silence the loggers of modules already imported here, e.g. the web server's.
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        f"sys.exit(lint_imports(config_filenames=({str(PYPROJECT)!r},), no_cache=True, "
        "no_logo=True))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_contract_ignores_an_import():
    """No contract hides an import (``ignore_imports``): a cycle or a breach is fixed."""
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    assert [c["id"] for c in config["contracts"] if c.get("ignore_imports")] == []


def test_every_package_has_a_layer():
    """Each package of src/kehoach sits in the layers contract (a new one must be placed)."""
    layered = {name.strip() for layer in _contract("layers")["layers"] for name in layer.split("|")}
    packages = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert sorted(packages - layered) == []


def test_architecture_doc_names_every_package_and_module():
    """docs/architecture.md names every package and root module of src/kehoach."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [name for name in _packages() if f"`{name}" not in text]
    assert missing == []
