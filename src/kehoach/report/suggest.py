"""Notices for names the plan does not have, with the nearest names it does have.

A mistyped id is the commonest error in progress data; naming the closest ids (and,
for areas, the start of the closest titles) lets the user fix it without opening
the plan.
"""

from __future__ import annotations

import difflib

from kehoach.report.areas import AreaRef, title_key
from kehoach.report.notices import Notice, Path


def nearest(name: str, known: list[str]) -> str:
    """Up to three of ``known`` that look like ``name``, comma-separated ("" if none)."""
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    return ", ".join(close)


def unknown(path: Path, kind_vi: str, kind_en: str, name: str, known: list[str]) -> Notice:
    """ "mã chỉ tiêu 'x' không có trong kế hoạch (gần nhất: …)"."""
    near = nearest(name, known)
    vi = f"{kind_vi} '{name}' không có trong kế hoạch"
    en = f"{kind_en} '{name}' is not in the plan"
    if near:
        vi += f" (gần nhất: {near})"
        en += f" (nearest: {near})"
    return Notice(path, vi, en)


def unknown_area(path: Path, name: str, areas: list[AreaRef]) -> Notice:
    """An area named by neither id nor title, with the nearest ids or title starts."""
    # Compare with ids and with titles (normalised); show the id, else the title's start.
    shown = {}
    for ref in areas:
        label = ref.area.id or _clip(ref.area.title)
        if ref.area.id:
            shown[ref.area.id] = label
        shown[title_key(ref.area.title)] = label
    close = difflib.get_close_matches(title_key(name), list(shown), n=3, cutoff=0.5)
    near = "; ".join(dict.fromkeys(shown[c] for c in close))
    if any(ref.group == "sections" for ref in areas):  # a version 2 plan: its sections
        vi = f"mục '{name}' không có trong kế hoạch (ghi mã hoặc tên mục như trong kế hoạch)"
        en = f"section '{name}' is not in the plan (write its id or title as in the plan)"
    else:
        vi = (
            f"lĩnh vực '{name}' không có trong kế hoạch "
            "(ghi mã hoặc tên lĩnh vực như trong kế hoạch)"
        )
        en = f"area '{name}' is not in the plan (write the id or the title as in the plan)"
    if near:
        vi += f"; gần nhất: {near}"
        en += f"; nearest: {near}"
    return Notice(path, vi, en)


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = ["nearest", "unknown", "unknown_area"]
