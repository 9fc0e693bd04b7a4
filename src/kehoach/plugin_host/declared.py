"""Whether any distribution besides kehoach declares kehoach plugins, read from sys.path.

Finding plugins through ``importlib.metadata`` costs a command's start tens of
milliseconds (it imports the e-mail parser and reads every distribution's metadata),
and loading them brings the data model. A command that needs plugins only for what
third parties may add — ``check`` and its format profiles — asks here first: the
``entry_points.txt`` of each ``*.dist-info``/``*.egg-info`` folder on ``sys.path`` is
read just far enough to see whether it names the ``[kehoach]`` group. When that cannot
be known this way (a zip file on ``sys.path``, an import hook that lists distributions
of its own) the answer is "maybe", and the caller loads the plugins as before.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable

GROUP_HEADER = "[kehoach]"
"""The entry-point group line of a plugin's ``entry_points.txt``."""

DISABLE_ENV = "KEHOACH_DISABLE_PLUGINS"
"""Comma-separated plugin names to disable, besides ``disabled``/``--disable-plugin``."""

_OWN = "kehoach"
_METADATA_DIRS = (".dist-info", ".egg-info")


def disabled_from_env(environ: dict[str, str] | None = None) -> list[str]:
    """The names listed in ``$KEHOACH_DISABLE_PLUGINS`` (comma-separated)."""
    value = (os.environ if environ is None else environ).get(DISABLE_ENV, "")
    return [part.strip() for part in value.split(",") if part.strip()]


def only_builtin_plugins(disabled: Iterable[str] = ()) -> bool:
    """True when the plugins of a run are exactly kehoach's built-ins, all enabled.

    False when a plugin is disabled (``disabled`` or the environment), when another
    distribution declares kehoach plugins, or when that cannot be told from the folders
    on ``sys.path``.
    """
    if any(name.strip() for name in disabled) or disabled_from_env():
        return False
    return not _others_may_declare()


def _others_may_declare() -> bool:
    finders = [f for f in sys.meta_path if hasattr(f, "find_distributions")]
    if any(getattr(f, "__name__", "") != "PathFinder" for f in finders):
        return True  # an import hook lists distributions this scan cannot see
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return True  # a zip file or an egg: only importlib.metadata reads those
        except OSError:
            continue  # a folder that does not exist finds nothing either way
        for name in names:
            if not name.endswith(_METADATA_DIRS):
                continue
            if _normalize(name.split("-", 1)[0].rsplit(".", 1)[0]) == _OWN:
                continue
            text = _read(os.path.join(folder, name, "entry_points.txt"))
            if text is None or any(line.strip() == GROUP_HEADER for line in text.splitlines()):
                return True  # another distribution's plugins, or unreadable: ask importlib
    return False


def _read(path: str) -> str | None:
    """A small metadata file; empty when it does not exist, ``None`` if unreadable."""
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError):
        return None


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


__all__ = [
    "DISABLE_ENV",
    "GROUP_HEADER",
    "disabled_from_env",
    "only_builtin_plugins",
]
