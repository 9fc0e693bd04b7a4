"""The plugin manager: built-ins loaded like third parties, disabling, and loading errors."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pluggy
import pytest

import kehoach
from kehoach import PluginLoadError, get_plugin_manager, plan_types
from kehoach.plugin_host.manager import BUILTIN_PLUGINS, discover, hooks_of, plugin_info
from plugin_fakes import install_fake

ROOT = Path(__file__).resolve().parents[1]

REGISTERS_X = """
from kehoach import PlanType, SkeletonArea, hookimpl

@hookimpl
def kehoach_register_plan_types(registry):
    registry.add(PlanType(
        id="{type_id}", name="X", name_en="X", title_pattern="Kế hoạch X năm {{year}}",
        areas=(SkeletonArea("a", "A", "Ghi A"),),
    ))
"""


@pytest.fixture(autouse=True)
def _no_env_disable(monkeypatch):
    monkeypatch.delenv("KEHOACH_DISABLE_PLUGINS", raising=False)


def test_builtins_come_from_kehoachs_own_entry_points():
    """core, profiles, tuyen_giao, dan_van, khoa_giao: the entry points of kehoach's pyproject."""
    table = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = table["entry-points"]["kehoach"]
    assert sorted(declared) == sorted(BUILTIN_PLUGINS)
    found = {ep.name: builtin for ep, builtin in discover()}
    assert all(found.get(name) is True for name in BUILTIN_PLUGINS)


def test_default_manager_loads_every_builtin():
    """get_plugin_manager() loads the built-ins through the entry-point group."""
    pm = get_plugin_manager()
    assert isinstance(pm, pluggy.PluginManager)
    names = {name for name, _ in pm.list_name_plugin()}
    assert set(BUILTIN_PLUGINS) <= names
    info = plugin_info(pm, "dan_van")
    assert info.builtin and info.distribution == "kehoach" and info.version
    assert info.module == "kehoach.plugins.dan_van"
    assert hooks_of(pm, "dan_van") == ["kehoach_register_plan_types"]
    assert set(hooks_of(pm, "core")) == {"kehoach_template", "kehoach_review_plan"}


def test_each_call_builds_a_new_manager():
    """No global manager: two calls give two independent managers."""
    first, second = get_plugin_manager(), get_plugin_manager()
    assert first is not second
    first.unregister(name="dan_van")
    assert second.get_plugin("dan_van") is not None


def test_empty_manager_for_tests():
    """load_entrypoints=False gives a manager with the hooks and no plugin."""
    pm = get_plugin_manager(load_entrypoints=False)
    assert pm.list_name_plugin() == []
    assert hasattr(pm.hook, "kehoach_register_plan_types")
    assert len(plan_types(pm)) == 0


@pytest.mark.parametrize("name", ["dan_van", "dan-van", "DAN_VAN"])
def test_builtin_can_be_disabled(name: str):
    """A built-in is disabled like any plugin; '-'/'_' and case do not matter."""
    pm = get_plugin_manager(disabled=[name])
    assert pm.get_plugin("dan_van") is None
    assert "dan-van" not in plan_types(pm)
    assert "tuyen-giao" in plan_types(pm)


def test_environment_variable_disables(monkeypatch):
    """KEHOACH_DISABLE_PLUGINS (comma-separated) disables plugins too."""
    monkeypatch.setenv("KEHOACH_DISABLE_PLUGINS", "khoa_giao, tuyen_giao")
    registry = plan_types(get_plugin_manager())
    assert registry.ids() == ["dan-van"]


def test_third_party_plugin_is_discovered(monkeypatch, tmp_path):
    """An installed distribution's `kehoach` entry point is loaded, with its version."""
    install_fake(
        monkeypatch,
        tmp_path,
        "kehoach-xtest",
        {"xtest": "kehoach_xtest"},
        {"kehoach_xtest": REGISTERS_X.format(type_id="x-test")},
        version="2.5",
    )
    pm = get_plugin_manager()
    registry = plan_types(pm)
    assert registry.provider("x-test") == "xtest"
    info = plugin_info(pm, "xtest")
    assert (info.distribution, info.version, info.builtin) == ("kehoach-xtest", "2.5", False)


def test_disabled_third_party_is_not_even_imported(monkeypatch, tmp_path):
    """A disabled plugin's module is never imported (its import error cannot break a run)."""
    install_fake(
        monkeypatch,
        tmp_path,
        "kehoach-broken",
        {"broken": "kehoach_broken"},
        {"kehoach_broken": "raise RuntimeError('import-time failure')\n"},
    )
    with pytest.raises(PluginLoadError) as caught:
        get_plugin_manager()
    assert "broken" in str(caught.value) and "import-time failure" in str(caught.value)
    pm = get_plugin_manager(disabled=["broken"])
    assert pm.get_plugin("broken") is None


@pytest.mark.parametrize("name", ["dan_van", "dan-van", "core"])
def test_third_party_reusing_a_builtin_name_is_an_error(monkeypatch, tmp_path, name: str):
    """A distribution declaring a built-in's name is refused, never silently skipped."""
    install_fake(
        monkeypatch,
        tmp_path,
        "kehoach-impostor",
        {name: "kehoach_impostor"},
        {"kehoach_impostor": "\n"},
    )
    with pytest.raises(PluginLoadError) as caught:
        get_plugin_manager()
    message = caught.value.messages("en")[0]
    assert "kehoach-impostor" in message and name in message and "built-in" in message
    assert "trùng tên plugin có sẵn" in caught.value.messages("vi")[0]


def test_two_distributions_with_one_plugin_name_is_an_error(monkeypatch, tmp_path):
    """Two distributions declaring the same plugin name is an error naming both."""
    for dist in ("kehoach-one", "kehoach-two"):
        install_fake(
            monkeypatch,
            tmp_path / dist,
            dist,
            {"same": f"{dist.replace('-', '_')}_mod"},
            {f"{dist.replace('-', '_')}_mod": "\n"},
        )
    with pytest.raises(PluginLoadError) as caught:
        get_plugin_manager()
    message = str(caught.value)
    assert "kehoach-one" in message and "kehoach-two" in message


def test_misspelt_hook_is_an_error(monkeypatch, tmp_path):
    """check_pending(): a hookimpl of a hook that does not exist stops the load."""
    install_fake(
        monkeypatch,
        tmp_path,
        "kehoach-typo",
        {"typo": "kehoach_typo"},
        {
            "kehoach_typo": """
            from kehoach import hookimpl

            @hookimpl
            def kehoach_register_plan_type(registry):
                pass
            """
        },
    )
    with pytest.raises(PluginLoadError) as caught:
        get_plugin_manager()
    assert "typo" in str(caught.value) and "kehoach_register_plan_type" in str(caught.value)


def test_wrong_hook_argument_is_an_error(monkeypatch, tmp_path):
    """An implementation asking for an argument the hook does not have is refused."""
    install_fake(
        monkeypatch,
        tmp_path,
        "kehoach-badarg",
        {"badarg": "kehoach_badarg"},
        {
            "kehoach_badarg": """
            from kehoach import hookimpl

            @hookimpl
            def kehoach_template(plan, letterhead):
                return None
            """
        },
    )
    with pytest.raises(PluginLoadError) as caught:
        get_plugin_manager()
    assert "badarg" in str(caught.value)


def test_source_tree_fallback_reads_kehoachs_pyproject(monkeypatch):
    """Without installed metadata, the built-ins are read from the source tree's pyproject."""
    import kehoach.plugin_host.manager as manager

    monkeypatch.setattr(manager, "_group_entry_points", lambda: [])
    found = {ep.name: builtin for ep, builtin in manager.discover()}
    assert found == dict.fromkeys(BUILTIN_PLUGINS, True)
    pm = get_plugin_manager()
    assert plan_types(pm).ids() == ["dan-van", "khoa-giao", "tuyen-giao"]
    assert plugin_info(pm, "core").version == kehoach.__version__


def test_group_scan_finds_what_importlib_finds(monkeypatch, tmp_path):
    """The group's entry points are those of importlib.metadata.entry_points(group=…)."""
    from importlib.metadata import entry_points

    import kehoach.plugin_host.manager as manager

    install_fake(monkeypatch, tmp_path, "kehoach-extra", {"extra": "kehoach_extra"}, {})

    def key(ep):
        return (ep.name, ep.value, ep.group)

    expected = sorted(map(key, entry_points(group=manager.GROUP)))
    assert sorted(map(key, manager._group_entry_points())) == expected


def test_load_error_is_a_kehoach_error():
    """Plugin errors are KehoachErrors: the CLI prints them with exit code 2."""
    assert issubclass(PluginLoadError, kehoach.KehoachError)
    assert issubclass(kehoach.PluginHookError, kehoach.PluginError)
