"""Errors of the plugin system: each names the plugin (and the hook) at fault.

They are :class:`~kehoach.KehoachError` subclasses, so the CLI prints them in the
user's language and exits with code 2, writing no output.
"""

from __future__ import annotations

from kehoach.errors import WordedError


class PluginError(WordedError):
    """A plugin could not be loaded, or misbehaved."""


class PluginLoadError(PluginError):
    """An entry point could not be imported or registered, or reuses a taken name."""


class PluginHookError(PluginError):
    """A plugin's hook implementation raised an exception.

    Attributes:
        plugin: The plugin's name (its entry-point name).
        hook: The hook's name, e.g. ``kehoach_template``.
    """

    def __init__(self, plugin: str, hook: str, error: BaseException):
        self.plugin, self.hook, self.error = plugin, hook, error
        detail = f"{type(error).__name__}: {error}"
        super().__init__(
            f"plugin “{plugin}” bị lỗi trong hook {hook}: {detail}",
            f"plugin “{plugin}” failed in hook {hook}: {detail}",
        )


class DuplicatePlanTypeError(PluginError):
    """Two plugins register the same plan-type id."""

    def __init__(self, type_id: str, first: str | None, second: str | None):
        self.type_id, self.first, self.second = type_id, first, second
        a, b = first or "?", second or "?"
        super().__init__(
            f"loại kế hoạch “{type_id}” được đăng ký hai lần: bởi plugin “{a}” và “{b}”; "
            f"tắt một plugin bằng --disable-plugin",
            f"plan type “{type_id}” is registered twice: by plugin “{a}” and “{b}”; "
            f"disable one with --disable-plugin",
        )


class UnknownPlanTypeError(PluginError):
    """A plan-type id that no loaded plugin provides."""

    def __init__(self, type_id: str, known: list[str]):
        self.type_id, self.known = type_id, known
        names = ", ".join(known) or "-"
        super().__init__(
            f"không có loại kế hoạch “{type_id}”; các loại đã cài: {names}",
            f"unknown plan type “{type_id}”; installed types: {names}",
        )


__all__ = [
    "DuplicatePlanTypeError",
    "PluginError",
    "PluginHookError",
    "PluginLoadError",
    "UnknownPlanTypeError",
]
