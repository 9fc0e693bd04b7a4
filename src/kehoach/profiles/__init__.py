"""Official format profiles (rules as data), shared by the renderer and the checker."""

from __future__ import annotations

from datetime import date

from kehoach.profiles.base import (
    BodyStyle,
    FormatProfile,
    HeadingStyle,
    Margins,
    TextStyle,
    mm_to_twips,
)
from kehoach.profiles.party import PARTY_2018, PARTY_2026
from kehoach.profiles.state import STATE_2020

PROFILES: dict[str, FormatProfile] = {p.id: p for p in (PARTY_2018, PARTY_2026)}
"""The Party profiles (what the renderer writes)."""
BUILTIN_PROFILES: dict[str, FormatProfile] = {**PROFILES, STATE_2020.id: STATE_2020}
"""Every profile kehoach ships (its ``profiles`` plugin gives them to the checker)."""


def get_profile(profile_id: str) -> FormatProfile:
    """Return the profile called ``profile_id`` (``party-2018`` or ``party-2026``).

    Raises:
        KeyError: with the known ids, when the id is unknown.
    """
    try:
        return PROFILES[profile_id]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise KeyError(f"unknown format profile {profile_id!r}; known: {known}") from None


def profile_for_date(day: date) -> FormatProfile:
    """The Party profile governing a document dated ``day`` (F-SRC-1, F-SRC-2).

    Documents dated before 27/5/2026 follow 36-HD/VPTW; later ones 05-HD/VPTW. Dates
    before 36-HD took effect also get the 2018 profile, the oldest one kehoach knows.
    """
    return PARTY_2026 if day >= PARTY_2026.valid_from else PARTY_2018


__all__ = [
    "BUILTIN_PROFILES",
    "PARTY_2018",
    "PARTY_2026",
    "PROFILES",
    "STATE_2020",
    "BodyStyle",
    "FormatProfile",
    "HeadingStyle",
    "Margins",
    "TextStyle",
    "get_profile",
    "mm_to_twips",
    "profile_for_date",
]
