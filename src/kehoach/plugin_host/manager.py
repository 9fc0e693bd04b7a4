"""Build the plugin manager and call hooks with errors that name the plugin at fault.

Every plugin, kehoach's built-ins included, is found through the ``kehoach``
entry-point group by :func:`get_plugin_manager` (architecture.md, property 2). Nothing
happens at import time: each caller (the CLI, the API, a test) builds its own manager.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import Distribution, EntryPoint, distributions
from pathlib import Path
from typing import Any

import pluggy

from kehoach.errors import KehoachError
from kehoach.model.kinds import BlockKind
from kehoach.plugin_host import hookspecs
from kehoach.plugin_host.declared import DISABLE_ENV, disabled_from_env
from kehoach.plugin_host.errors import PluginHookError, PluginLoadError
from kehoach.plugin_host.hookspecs import PROJECT
from kehoach.plugin_host.registry import PlanTypeRegistry
from kehoach.profiles import FormatProfile

GROUP = PROJECT
"""The entry-point group plugins are declared in: ``[project.entry-points.kehoach]``."""

BUILTIN_PLUGINS: tuple[str, ...] = ("core", "profiles", "tuyen_giao", "dan_van", "khoa_giao")
"""The plugins kehoach itself declares; no other distribution may use these names."""

_DIST = "kehoach"


def normalize_name(name: str) -> str:
    """Plugin names compare without case and with ``-`` equal to ``_``."""
    return re.sub(r"[-_.]+", "_", name.strip()).lower()


@dataclass(frozen=True)
class PluginInfo:
    """Where a loaded plugin comes from (``kehoach plugins`` prints it).

    Attributes:
        name: The entry-point name (the name to disable it by).
        module: The entry-point value, e.g. ``kehoach.plugins.dan_van``.
        distribution: The distribution declaring it, e.g. ``kehoach-xay-dung-dang``.
        version: The distribution's version.
        builtin: Whether kehoach itself provides it.
    """

    name: str
    module: str
    distribution: str | None = None
    version: str | None = None
    builtin: bool = False


class KehoachPluginManager(pluggy.PluginManager):
    """A pluggy manager with kehoach's hooks and what was loaded from where.

    Attributes:
        infos: :class:`PluginInfo` of each plugin loaded from an entry point.
        disabled: The normalised names that were asked to be disabled.
    """

    def __init__(self) -> None:
        super().__init__(PROJECT)
        self.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.disabled: frozenset[str] = frozenset()


def get_plugin_manager(
    *, disabled: Iterable[str] = (), load_entrypoints: bool = True
) -> pluggy.PluginManager:
    """A new plugin manager with kehoach's hooks and the installed plugins.

    Args:
        disabled: Plugin names not to load (besides ``$KEHOACH_DISABLE_PLUGINS``);
            ``-`` and ``_`` are the same, case does not matter. Built-ins can be
            disabled like any plugin.
        load_entrypoints: Load the ``kehoach`` entry points (built-ins included).
            ``False`` gives an empty manager, e.g. for a test that registers its own.

    Returns:
        A :class:`KehoachPluginManager` on which ``check_pending()`` has passed.

    Raises:
        kehoach.PluginLoadError: a plugin cannot be imported, implements a hook that
            does not exist (misspelt), has a bad signature, or a third-party
            distribution reuses a built-in plugin's name (or two reuse one name).
    """
    pm = KehoachPluginManager()
    names = {normalize_name(n) for n in [*disabled, *disabled_from_env()]}
    pm.disabled = frozenset(names)
    for name in sorted(names):
        pm.set_blocked(name)
    if load_entrypoints:
        _load_entrypoints(pm, names)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = pm.get_name(exc.plugin) or repr(exc.plugin)
        raise PluginLoadError(
            f"plugin “{name}” cài đặt hook không có: {exc}",
            f"plugin “{name}” implements an unknown hook: {exc}",
        ) from exc
    return pm


def _dist_name(ep: EntryPoint) -> str | None:
    dist = getattr(ep, "dist", None)
    return _name_and_version(dist)[0] if dist is not None else None


def _dist_version(ep: EntryPoint) -> str | None:
    dist = getattr(ep, "dist", None)
    return _name_and_version(dist)[1] if dist is not None else None


@lru_cache(maxsize=256)
def _name_and_version(dist: Distribution) -> tuple[str | None, str | None]:
    """A distribution's name and version from the header lines of its metadata only.

    ``Distribution.name`` parses the whole METADATA file, long description (a README)
    included, with the email parser: tens of milliseconds, on every start, for each
    entry point. The entry points of one distribution share one ``Distribution``.
    """
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
    fields: dict[str, str] = {}
    for line in text.split("\n\n", 1)[0].splitlines():
        key, _, value = line.partition(":")
        if key in ("Name", "Version") and key not in fields:
            fields[key] = value.strip()
    if "Name" not in fields:  # an unusual metadata file: let importlib read it
        return dist.name, dist.version
    return fields["Name"], fields.get("Version")


def _source_tree_entry_points() -> list[EntryPoint]:
    """kehoach's own entry points read from its pyproject, when run from a source tree.

    A developer running with ``PYTHONPATH=src`` and no installed distribution still
    gets the built-ins, through the same loading path as every plugin.
    """
    import tomllib  # only without an installed distribution: not on every start

    pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"  # src/kehoach/plugin_host/
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return []
    project = data.get("project", {})
    if project.get("name") != _DIST:
        return []
    table = project.get("entry-points", {}).get(GROUP, {})
    return [EntryPoint(name, value, GROUP) for name, value in table.items()]


def _group_entry_points() -> list[EntryPoint]:
    """``importlib.metadata.entry_points(group=GROUP)``, reading only what it needs.

    ``entry_points()`` parses the entry points of every installed distribution (every
    console script of every package) before keeping one group; here a distribution's
    ``entry_points.txt`` is parsed only if it names the group: about 2.5 times faster
    (benchmarks/cli_bench.py). As there, a distribution found twice on ``sys.path``
    counts once, the first.
    """
    found: list[EntryPoint] = []
    seen: set[str] = set()
    header = f"[{GROUP}]"
    for dist in distributions():
        text = dist.read_text("entry_points.txt")
        if not text or header not in text:
            continue
        name = re.sub(r"[-_.]+", "-", _name_and_version(dist)[0] or "").lower()
        if name in seen:
            continue
        seen.add(name)
        found.extend(ep for ep in dist.entry_points if ep.group == GROUP)
    return found


def discover() -> list[tuple[EntryPoint, bool]]:
    """The ``kehoach`` entry points of the installed distributions, with "is built-in".

    Raises:
        kehoach.PluginLoadError: a third party reuses a built-in name, or two
            distributions declare the same plugin name.
    """
    found = _group_entry_points()
    if not any(_dist_name(ep) == _DIST for ep in found):
        found += _source_tree_entry_points()
    by_name: dict[str, list[EntryPoint]] = {}
    for ep in found:
        same = by_name.setdefault(normalize_name(ep.name), [])
        if not any(_dist_name(o) == _dist_name(ep) and o.value == ep.value for o in same):
            same.append(ep)
    result = []
    for name, eps in sorted(by_name.items()):
        builtin = [ep for ep in eps if _dist_name(ep) in (_DIST, None)]
        others = [ep for ep in eps if ep not in builtin]
        if others and (builtin or name in BUILTIN_PLUGINS):
            dist = _dist_name(others[0])
            raise PluginLoadError(
                f"gói “{dist}” khai báo plugin “{others[0].name}” trùng tên plugin có sẵn "
                f"của kehoach; hãy đổi tên entry point",
                f"distribution “{dist}” declares plugin “{others[0].name}”, the name of a "
                f"kehoach built-in plugin; rename its entry point",
            )
        if len(eps) > 1:
            dists = ", ".join(f"“{_dist_name(ep)}”" for ep in eps)
            raise PluginLoadError(
                f"nhiều gói khai báo cùng tên plugin “{eps[0].name}”: {dists}",
                f"several distributions declare the plugin name “{eps[0].name}”: {dists}",
            )
        result.append((eps[0], bool(builtin)))
    return result


def _load_entrypoints(pm: KehoachPluginManager, disabled: set[str]) -> None:
    for ep, builtin in discover():
        if normalize_name(ep.name) in disabled:
            continue
        dist = _dist_name(ep) or (_DIST if builtin else None)
        try:
            plugin = ep.load()
        except Exception as exc:
            raise PluginLoadError(
                f"không nạp được plugin “{ep.name}” ({ep.value}, gói {dist}): "
                f"{type(exc).__name__}: {exc}",
                f"cannot load plugin “{ep.name}” ({ep.value}, distribution {dist}): "
                f"{type(exc).__name__}: {exc}",
            ) from exc
        try:
            pm.register(plugin, name=ep.name)
        except (ValueError, pluggy.PluginValidationError) as exc:
            raise PluginLoadError(
                f"không đăng ký được plugin “{ep.name}” ({ep.value}): {exc}",
                f"cannot register plugin “{ep.name}” ({ep.value}): {exc}",
            ) from exc
        pm.infos[ep.name] = PluginInfo(
            name=ep.name,
            module=ep.value,
            distribution=dist,
            version=_dist_version(ep) or (_own_version() if builtin else None),
            builtin=builtin,
        )


def _own_version() -> str:
    from kehoach import __version__  # a source tree without a distribution

    return __version__


def plugin_info(pm: pluggy.PluginManager, name: str) -> PluginInfo:
    """What is known of plugin ``name`` (plugins registered by hand have no distribution)."""
    infos: dict[str, PluginInfo] = getattr(pm, "infos", {})
    if name in infos:
        return infos[name]
    plugin = pm.get_plugin(name)
    module = getattr(plugin, "__name__", None) or type(plugin).__qualname__
    return PluginInfo(name=name, module=module)


def hooks_of(pm: pluggy.PluginManager, name: str) -> list[str]:
    """The hooks plugin ``name`` implements, sorted."""
    plugin = pm.get_plugin(name)
    callers = pm.get_hookcallers(plugin) if plugin is not None else None
    return sorted(caller.name for caller in callers or [])


def _impls(pm: pluggy.PluginManager, hook: str) -> Iterator[tuple[str, Any]]:
    """(plugin name, a caller of that plugin's implementation only), in call order.

    Calling implementations one by one tells exactly which plugin raised, and which
    plugin gave which answer, while keeping pluggy's order (tryfirst/trylast).
    """
    caller = getattr(pm.hook, hook)
    plugins = [plugin for _, plugin in pm.list_name_plugin()]
    for impl in reversed(caller.get_hookimpls()):
        others = [p for p in plugins if p is not impl.plugin]
        yield impl.plugin_name, pm.subset_hook_caller(hook, remove_plugins=others)


def call_each(
    pm: pluggy.PluginManager, hook: str, *, first_only: bool = False, **kwargs: Any
) -> list[tuple[str, Any]]:
    """Call ``hook`` plugin by plugin; return ``(plugin name, answer)`` pairs.

    Answers that are ``None`` are left out. ``first_only`` stops at the first answer
    (the ``firstresult`` hooks).

    Raises:
        kehoach.PluginHookError: an implementation raised; names the plugin and hook.
            A :class:`~kehoach.KehoachError` a plugin raises passes through as is.
    """
    firstresult = bool(getattr(pm.hook, hook).spec.opts.get("firstresult"))
    answers: list[tuple[str, Any]] = []
    for name, sub in _impls(pm, hook):
        result = run_hook(name, hook, sub, **kwargs)
        value = result if firstresult else (result[0] if result else None)
        if value is not None:
            answers.append((name, value))
            if first_only:
                break
    return answers


def run_hook(plugin: str, hook: str, caller: Any, **kwargs: Any) -> Any:
    """Call ``caller(**kwargs)``; turn an exception into :class:`PluginHookError`."""
    try:
        return caller(**kwargs)
    except KehoachError:
        raise
    except Exception as exc:
        raise PluginHookError(plugin, hook, exc) from exc


def plan_types(pm: pluggy.PluginManager) -> PlanTypeRegistry:
    """The plan types the plugins of ``pm`` register, each attributed to its plugin.

    Raises:
        kehoach.DuplicatePlanTypeError: two plugins register the same id.
        kehoach.PluginHookError: a plugin's registration raised.
    """
    registry = PlanTypeRegistry()
    hook = "kehoach_register_plan_types"
    for name, sub in _impls(pm, hook):
        with registry.registering(name):
            run_hook(name, hook, sub, registry=registry)
    return registry


def format_profiles(pm: pluggy.PluginManager) -> dict[str, FormatProfile]:
    """The format profiles the plugins of ``pm`` give, by id, in plugin order.

    Raises:
        kehoach.PluginHookError: a plugin's answer is not a list of profiles, gives an
            id twice or an id another plugin gave (both plugins named).
    """
    profiles: dict[str, FormatProfile] = {}
    owner: dict[str, str] = {}
    hook = "kehoach_format_profiles"
    for plugin, answer in call_each(pm, hook):
        items = list(answer) if isinstance(answer, list | tuple) else [answer]
        for profile in items:
            if not isinstance(profile, FormatProfile):
                raise PluginHookError(
                    plugin, hook, TypeError(f"expected FormatProfile, got {type(profile).__name__}")
                )
            if profile.id in owner:
                raise PluginHookError(
                    plugin,
                    hook,
                    ValueError(
                        f"profile {profile.id!r} is already given by plugin “{owner[profile.id]}”"
                    ),
                )
            profiles[profile.id], owner[profile.id] = profile, plugin
    return profiles


def block_kinds_of(pm: pluggy.PluginManager) -> list[BlockKind]:
    """The block kinds the plugins of ``pm`` add; a key given twice is an error."""
    kinds: dict[str, BlockKind] = {}
    owner: dict[str, str] = {}
    hook = "kehoach_block_kinds"
    for plugin, answer in call_each(pm, hook):
        for kind in answer:
            if not isinstance(kind, BlockKind):
                raise PluginHookError(plugin, hook, TypeError("expected BlockKind objects"))
            if kind.key in owner:
                raise PluginHookError(
                    plugin,
                    hook,
                    ValueError(f"block kind {kind.key!r} is already given by “{owner[kind.key]}”"),
                )
            kinds[kind.key], owner[kind.key] = kind, plugin
    return list(kinds.values())


def merged_mapping(
    pm: pluggy.PluginManager, hook: str, what: tuple[str, str], **kwargs: Any
) -> dict[str, Any]:
    """Merge the mappings plugins answer to ``hook``; a name given twice is an error.

    Args:
        pm: The plugin manager.
        hook: ``kehoach_jinja_filters`` or ``kehoach_template_context``.
        what: What the names are, in Vietnamese and English ("bộ lọc", "filter").
        **kwargs: The hook's arguments.
    """
    merged: dict[str, Any] = {}
    owner: dict[str, str] = {}
    for plugin, answer in call_each(pm, hook, **kwargs):
        if not hasattr(answer, "items"):
            raise PluginHookError(plugin, hook, TypeError("expected a mapping (dict)"))
        for key, value in answer.items():
            if key in owner:
                raise PluginHookError(
                    plugin,
                    hook,
                    ValueError(f"{what[1]} {key!r} is already given by plugin “{owner[key]}”"),
                )
            merged[key], owner[key] = value, plugin
    return merged


__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_ENV",
    "GROUP",
    "KehoachPluginManager",
    "PluginInfo",
    "block_kinds_of",
    "call_each",
    "disabled_from_env",
    "discover",
    "format_profiles",
    "get_plugin_manager",
    "hooks_of",
    "merged_mapping",
    "normalize_name",
    "plan_types",
    "plugin_info",
    "run_hook",
]
