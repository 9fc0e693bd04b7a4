"""The plugin contract itself: every hook is annotated, documented, tested and exported."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import kehoach
from kehoach.plugin_host import hookspecs

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "plugins.md"
TESTS = Path(__file__).resolve().parent


def _hooks() -> list[str]:
    return sorted(name for name in dir(hookspecs) if name.startswith("kehoach_"))


def _signature(name: str) -> str:
    """ "def kehoach_x(a: A, b: B) -> R", as docs/plugins.md must write it."""
    sig = inspect.signature(getattr(hookspecs, name))
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"def {name}({params}) -> {sig.return_annotation}"


HOOKS = _hooks()


def test_there_are_hooks():
    """The contract declares the six hooks of issue #4, #10's block kinds and #13's profiles."""
    assert len(HOOKS) == 8 and {"kehoach_block_kinds", "kehoach_format_profiles"} <= set(HOOKS)


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_a_spec_and_fully_annotated(name: str):
    """Each hook is a pluggy spec with annotated arguments and return, and a docstring."""
    function = getattr(hookspecs, name)
    assert hasattr(function, "kehoach_spec")
    sig = inspect.signature(function)
    assert sig.return_annotation is not inspect.Signature.empty
    for parameter in sig.parameters.values():
        assert parameter.annotation is not inspect.Parameter.empty, parameter.name
        assert parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD  # pluggy's kind
    doc = inspect.getdoc(function) or ""
    assert doc, name
    if sig.parameters:
        assert "Args:" in doc and all(f"{p}:" in doc for p in sig.parameters), name
    if sig.return_annotation != "None":
        assert "Returns:" in doc, name


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_documented_with_its_exact_signature(name: str):
    """docs/plugins.md has a section per hook with its exact signature in a code block."""
    docs = DOCS.read_text(encoding="utf-8")
    assert f"### {name}\n" in docs, f"docs/plugins.md has no section for {name}"
    assert _signature(name) in docs, f"docs/plugins.md lacks: {_signature(name)}"


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_mentioned_by_a_test(name: str):
    """Some other tests/test_plugins_*.py file uses the hook by name (a new hook needs a test)."""
    files = [p for p in TESTS.glob("test_plugins_*.py") if p.name != Path(__file__).name]
    assert any(name in p.read_text(encoding="utf-8") for p in files), f"no test uses {name}"


def test_only_the_template_hook_is_firstresult():
    """First answer wins for the template only; the other hooks collect every plugin's answer."""
    first = {name for name in HOOKS if getattr(hookspecs, name).kehoach_spec["firstresult"]}
    assert first == {"kehoach_template"}


def test_docs_describe_no_hook_that_does_not_exist():
    """Every "### kehoach_…" section of docs/plugins.md is a real hook."""
    documented = re.findall(r"^### (kehoach_\w+)$", DOCS.read_text(encoding="utf-8"), re.M)
    assert sorted(documented) == HOOKS


def test_public_names_for_plugin_authors():
    """kehoach exports what a plugin needs: hookimpl, the descriptors, the manager factory."""
    for name in (
        "hookimpl",
        "PlanType",
        "PlanTypeRegistry",
        "SkeletonArea",
        "Organization",
        "PlanWarning",
        "get_plugin_manager",
        "plan_types",
        "review_plan",
        "PluginError",
        "PluginHookError",
        "PluginLoadError",
        "DuplicatePlanTypeError",
        "UnknownPlanTypeError",
        "default_template",
    ):
        assert name in kehoach.__all__, name
        assert getattr(kehoach, name) is not None
    assert kehoach.hookimpl is hookspecs.hookimpl


def test_import_has_no_side_effects(tmp_path):
    """Importing kehoach loads no plugin and builds no manager (architecture property 3)."""
    import subprocess
    import sys

    code = (
        "import sys, kehoach\n"
        "loaded = [m for m in sys.modules if m.startswith('kehoach.plugins.')]\n"
        "assert not loaded, loaded\n"
        "assert 'docxtpl' not in sys.modules and 'docx' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_plugin_contract_does_not_import_render_or_cli():
    """hookspecs, manager and registry depend on neither rendering nor the CLI (layers)."""
    import ast

    for module in (
        "plugin_host/hookspecs",
        "plugin_host/manager",
        "plugin_host/registry",
        "plugin_host/errors",
        "plugin_host/review",
        "orgs",
        "review",
    ):
        tree = ast.parse((ROOT / "src" / "kehoach" / f"{module}.py").read_text("utf-8"))
        names = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        } | {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        bad = {n for n in names if n.startswith(("kehoach.render", "kehoach.cli"))}
        assert not bad, (module, bad)
