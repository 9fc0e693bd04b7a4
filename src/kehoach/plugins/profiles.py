"""The ``profiles`` plugin: kehoach's own format profiles, given through the same hook
any plugin uses (``kehoach_format_profiles``): the two Party profiles (36-HD/VPTW,
05-HD/VPTW) and the State profile (Nghị định 30/2020/NĐ-CP).
"""

from __future__ import annotations

from kehoach import BUILTIN_PROFILES, FormatProfile, hookimpl


@hookimpl
def kehoach_format_profiles() -> list[FormatProfile]:
    """party-2018, party-2026 and state-2020."""
    return list(BUILTIN_PROFILES.values())
